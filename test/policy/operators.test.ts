import { describe, expect, it } from 'vitest';
import { operatorFunction, parseOperator } from '../../engine/policy/operators.ts';

describe('parseOperator', () => {
  it('splits chained decorators outermost first, as json-rules-engine does', () => {
    expect(parseOperator('not:someFact:equal')).toEqual({ decorators: ['not', 'someFact'], base: 'equal' });
    expect(parseOperator('lessThan')).toEqual({ decorators: [], base: 'lessThan' });
  });
  it('rejects unknown operators and decorators', () => {
    expect(parseOperator('between')).toBeUndefined();
    expect(parseOperator('maybe:equal')).toBeUndefined();
    expect(parseOperator(':equal')).toBeUndefined();
    expect(parseOperator('not:')).toBeUndefined();
  });
  it('composes decorators around the base operator', () => {
    const notSomeFactEqual = operatorFunction(parseOperator('not:someFact:equal')!);
    expect(notSomeFactEqual(['a', 'b'], 'b')).toBe(false);
    expect(notSomeFactEqual(['a', 'c'], 'b')).toBe(true);
    expect(operatorFunction(parseOperator('swap:in')!)(['x'], 'x')).toBe(true);
  });
});

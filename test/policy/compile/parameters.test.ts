import { describe, expect, it } from 'vitest';
import { resolveParameters } from '../../../engine/policy/parameters.ts';
import type { RuleSet } from '../../../engine/policy/rule-set.ts';
import { ruleSetOf } from './helpers.ts';

const ruleSet: RuleSet = ruleSetOf('engagement', [], {
  parameters: {
    windowStart: { type: 'integer', default: 18, min: 0, max: 96, unit: 'months' },
    minScore: { type: 'number', default: 0.5, min: 0, max: 1 },
    bdcFirst: { type: 'boolean', default: true },
    channel: { type: 'enum', values: ['phone', 'sms'], default: 'phone' },
  },
});

describe('resolveParameters', () => {
  it('takes the declared defaults, replaced by overrides', () => {
    expect(resolveParameters(ruleSet)).toEqual(
      new Map<string, unknown>([
        ['windowStart', 18],
        ['minScore', 0.5],
        ['bdcFirst', true],
        ['channel', 'phone'],
      ]),
    );
    const resolved = resolveParameters(ruleSet, { windowStart: 12, channel: 'sms', bdcFirst: false });
    expect([...resolved.values()]).toEqual([12, 0.5, false, 'sms']);
  });
  it('rejects an undeclared name, hinting at the nearest declared one', () => {
    expect(() => resolveParameters(ruleSet, { windowstart: 12 })).toThrow(
      'invalid parameter override windowstart: rule set "test policy" declares no such parameter; it declares windowStart, minScore, bdcFirst, channel (did you mean "windowStart"?)',
    );
    expect(() => resolveParameters(ruleSetOf('leads', []), { x: 1 })).toThrow('it declares none');
  });
  it('rejects values that do not fit the declaration', () => {
    expect(() => resolveParameters(ruleSet, { windowStart: 12.5 })).toThrow(
      'invalid parameter override windowStart: expected an integer between 0 and 96 (months), got 12.5',
    );
    expect(() => resolveParameters(ruleSet, { windowStart: 97 })).toThrow('got 97');
    expect(() => resolveParameters(ruleSet, { minScore: Number.NaN })).toThrow('expected a finite number');
    expect(() => resolveParameters(ruleSet, { bdcFirst: 'yes' })).toThrow(
      'invalid parameter override bdcFirst: expected true or false, got "yes"',
    );
    expect(() => resolveParameters(ruleSet, { channel: 'fax' })).toThrow(
      'expected one of "phone", "sms", got "fax"',
    );
  });
  it('rejects a declared default that does not fit', () => {
    const bad = ruleSetOf('leads', [], { parameters: { n: { type: 'integer', default: 1.5 } } });
    expect(() => resolveParameters(bad)).toThrow('invalid parameter n: default expected an integer, got 1.5');
  });
  it('treats __proto__ and constructor as ordinary names', () => {
    const parameters = JSON.parse(
      '{"__proto__": {"type": "integer", "default": 3}, "constructor": {"type": "boolean", "default": false}}',
    ) as RuleSet['parameters'];
    const odd = ruleSetOf('leads', [], { parameters });
    const overrides = JSON.parse('{"__proto__": 4}') as Record<string, number>;
    expect([...resolveParameters(odd, overrides)]).toEqual([
      ['__proto__', 4],
      ['constructor', false],
    ]);
    expect(() =>
      resolveParameters(ruleSet, JSON.parse('{"__proto__": 4}') as Record<string, number>),
    ).toThrow('invalid parameter override __proto__');
    expect(() => resolveParameters(ruleSet, { toString: 4 })).toThrow('invalid parameter override toString');
  });
});

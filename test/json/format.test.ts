import { describe, expect, it } from 'vitest';
import type { Problem } from '../../engine/json/problem.ts';
import { formatProblem, joinPointer } from '../../engine/json/problem.ts';

const problem = (pointer: string, extra: Partial<Problem> = {}): Problem => ({
  file: 'f.json',
  line: 3,
  column: 7,
  pointer,
  severity: 'error',
  message: 'invalid X: expected Y',
  ...extra,
});

describe('formatProblem', () => {
  it('prints file:line:column, the pointer, the message and the hint on one line', () => {
    expect(formatProblem(problem('/rules/0', { hint: 'did you mean "a"?' }))).toBe(
      'f.json:3:7  /rules/0  invalid X: expected Y (did you mean "a"?)',
    );
    expect(formatProblem(problem('', { severity: 'warning' }))).toBe(
      'f.json:3:7  /  warning: invalid X: expected Y',
    );
  });

  it('keeps one line per problem when a key holds line breaks or control characters', () => {
    const pointer = joinPointer('/parameters', 'a\nb\u2028c/~\u0001');
    expect(formatProblem(problem(pointer))).toBe(
      'f.json:3:7  /parameters/a\\nb\\u2028c~1~0\\u0001  invalid X: expected Y',
    );
  });
});

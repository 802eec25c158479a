import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatValueProblem } from '../../engine/json/problem.ts';
import { checkCurve as checkCurveProblems, interpolate, type Curve } from '../../engine/world/curve.ts';

const checkCurve = (x: unknown, pointer: string) => checkCurveProblems(x, pointer).map(formatValueProblem);

const contactByMinutes: Curve = [
  [2, 0.6],
  [20, 0.25],
  [120, 0.1],
];

describe('interpolate', () => {
  it('gives the table value at each point', () => {
    for (const [x, y] of contactByMinutes) expect(interpolate(contactByMinutes, x)).toBe(y);
  });
  it('interpolates linearly between points', () => {
    expect(interpolate(contactByMinutes, 11)).toBeCloseTo(0.425, 12);
    expect(interpolate(contactByMinutes, 70)).toBeCloseTo(0.175, 12);
  });
  it('is flat beyond the ends', () => {
    expect(interpolate(contactByMinutes, 0)).toBe(0.6);
    expect(interpolate(contactByMinutes, -1e9)).toBe(0.6);
    expect(interpolate(contactByMinutes, 1e9)).toBe(0.1);
  });
  it('reads a one-point curve as a constant', () => {
    expect(interpolate([[5, 3]], -1)).toBe(3);
    expect(interpolate([[5, 3]], 99)).toBe(3);
  });
  it('agrees with a plain segment scan on long curves (bisection path)', () => {
    const arbCurve = fc
      .uniqueArray(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 40 })
      .chain((xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        return fc
          .array(fc.double({ min: -100, max: 100, noNaN: true }), {
            minLength: sorted.length,
            maxLength: sorted.length,
          })
          .map((ys) => sorted.map((x, i) => [x, ys[i]!] as const));
      });
    fc.assert(
      fc.property(arbCurve, fc.double({ min: -1200, max: 1200, noNaN: true }), (curve, x) => {
        const expected = reference(curve, x);
        expect(interpolate(curve, x)).toBeCloseTo(expected, 9);
      }),
    );
  });
});

function reference(curve: Curve, x: number): number {
  if (x <= curve[0]![0]) return curve[0]![1];
  for (let i = 1; i < curve.length; i++) {
    const [x0, y0] = curve[i - 1]!;
    const [x1, y1] = curve[i]!;
    if (x <= x1) return y0 + ((y1 - y0) * (x - x0)) / (x1 - x0);
  }
  return curve[curve.length - 1]![1];
}

describe('checkCurve', () => {
  const at = '/world/leads/contactByResponseMinutes';
  it('accepts a table of [x, y] points with increasing x', () => {
    expect(checkCurve(contactByMinutes, at)).toEqual([]);
    expect(checkCurve([[0, 1]], at)).toEqual([]);
  });
  it.each([
    ['not an array', { 2: 0.6 }, [`${at}  invalid curve: expected an array of [x, y] points`]],
    ['an empty array', [], [`${at}  invalid curve: expected at least one [x, y] point, got an empty array`]],
    [
      'a point that is not a pair',
      [[0, 1], [1, 2, 3], 4],
      [
        `${at}/1  invalid curve: expected a point [x, y] of two numbers, got [1,2,3]`,
        `${at}/2  invalid curve: expected a point [x, y] of two numbers, got 4`,
      ],
    ],
    [
      'non-numeric coordinates',
      [
        [0, 'high'],
        [null, 1],
      ],
      [
        `${at}/0/1  invalid curve: y must be a finite number, got "high"`,
        `${at}/1/0  invalid curve: x must be a finite number, got null`,
      ],
    ],
    [
      'x not strictly increasing',
      [
        [0, 1],
        [10, 2],
        [10, 3],
        [5, 4],
      ],
      [
        `${at}/2/0  invalid curve: x 10 is not greater than the previous x 10: x must strictly increase`,
        `${at}/3/0  invalid curve: x 5 is not greater than the previous x 10: x must strictly increase`,
      ],
    ],
  ])('reports %s', (_, value, expected) => {
    const problems = checkCurve(value, at);
    expect(problems).toHaveLength(expected.length);
    problems.forEach((p, i) => expect(p.startsWith(expected[i]!)).toBe(true));
  });
});

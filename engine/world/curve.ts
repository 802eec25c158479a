import { describeValue } from '../json/describe.ts';
import { valueProblem, type ValueProblem } from '../json/problem.ts';

/**
 * A curve: a small table of points [x, y] with strictly increasing x, read by linear interpolation
 * between points and flat beyond the ends (the first y before the first x, the last y after the last x).
 * Consultants read and defend it as a table, e.g. first-contact probability by response minutes:
 * `[[2, 0.6], [20, 0.25], [120, 0.1]]`.
 */
export type Curve = readonly (readonly [number, number])[];

/** Curves with at most this many points are searched linearly; longer ones by bisection. */
const LINEAR_SEARCH_MAX = 8;

/**
 * The value of `curve` at `x`, interpolated linearly, flat beyond the ends. Allocation-free.
 * The curve must be valid ({@link checkCurve}); an empty curve gives NaN.
 * @example interpolate([[0, 1], [10, 0.5]], 4) // 0.8
 */
export function interpolate(curve: Curve, x: number): number {
  const n = curve.length;
  if (n === 0) return NaN;
  const first = curve[0]!;
  if (x <= first[0]) return first[1];
  const last = curve[n - 1]!;
  if (x >= last[0]) return last[1];
  // Find the segment [lo, lo + 1] with curve[lo][0] < x ≤ curve[lo + 1][0]; n ≥ 2 here.
  let lo = 0;
  if (n <= LINEAR_SEARCH_MAX) {
    while (curve[lo + 1]![0] < x) lo++;
  } else {
    let hi = n - 1;
    while (hi - lo > 1) {
      const mid = (lo + hi) >>> 1;
      if (curve[mid]![0] < x) lo = mid;
      else hi = mid;
    }
  }
  const a = curve[lo]!;
  const b = curve[lo + 1]!;
  return a[1] + ((b[1] - a[1]) * (x - a[0])) / (b[0] - a[0]);
}

/**
 * Validates a curve found at JSON pointer `pointer` of a user's file: a non-empty array of [x, y] pairs
 * of finite numbers with strictly increasing x. Returns one problem per fault, its message
 * `invalid <name>: <what is wrong>`; empty when valid.
 */
export function checkCurve(x: unknown, pointer: string, name = 'curve'): ValueProblem[] {
  const fail = (where: string, message: string): ValueProblem =>
    valueProblem(where, `invalid ${name}: ${message}`);
  if (!Array.isArray(x)) {
    return [
      fail(pointer, `expected an array of [x, y] points, e.g. [[0, 1], [12, 0.5]], got ${describeValue(x)}`),
    ];
  }
  if (x.length === 0) return [fail(pointer, 'expected at least one [x, y] point, got an empty array')];
  const problems: ValueProblem[] = [];
  let previousX: number | undefined;
  x.forEach((point: unknown, i) => {
    const at = `${pointer}/${i}`;
    if (!Array.isArray(point) || point.length !== 2) {
      problems.push(fail(at, `expected a point [x, y] of two numbers, got ${describeValue(point)}`));
      previousX = undefined;
      return;
    }
    const [px, py] = point as unknown[];
    const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
    if (!finite(px)) problems.push(fail(`${at}/0`, `x must be a finite number, got ${describeValue(px)}`));
    if (!finite(py)) problems.push(fail(`${at}/1`, `y must be a finite number, got ${describeValue(py)}`));
    if (!finite(px)) {
      previousX = undefined;
      return;
    }
    if (previousX !== undefined && px <= previousX) {
      problems.push(
        fail(`${at}/0`, `x ${px} is not greater than the previous x ${previousX}: x must strictly increase`),
      );
    }
    previousX = px;
  });
  return problems;
}

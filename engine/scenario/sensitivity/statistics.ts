import type { Interval } from '../../result/summary.ts';
import { studentTQuantile } from '../../stats/student-t.ts';

/**
 * The mean of `values` and its 95 % confidence interval (Student's t, n − 1 degrees of freedom): the
 * simulation error of a mean over iterations. NaN values (a KPI undefined in an iteration) are left
 * out; the interval is null below two values.
 * @example meanWithCi([1, 2, 3]) // { mean: 2, ci95: [-0.48, 4.48], n: 3 }
 */
export function meanWithCi(values: readonly number[]): { mean: number; ci95: Interval | null; n: number } {
  const xs = values.filter((v) => !Number.isNaN(v));
  const n = xs.length;
  if (n === 0) return { mean: NaN, ci95: null, n };
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  if (n < 2) return { mean, ci95: null, n };
  const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
  const half = studentTQuantile(0.975, n - 1) * Math.sqrt(variance / n);
  return { mean, ci95: [mean - half, mean + half], n };
}

/**
 * Spearman's rank correlation of paired values (−1…1): Pearson's correlation of their ranks, ties
 * sharing their average rank. Pairs where either is NaN are left out; null when fewer than three pairs
 * remain or either side is constant (no ranking to correlate).
 * @example spearman([1, 2, 3, 4], [10, 30, 20, 40]) // 0.8
 */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  const keep = x.flatMap((v, i) => (Number.isNaN(v) || Number.isNaN(y[i]!) ? [] : [i]));
  if (keep.length < 3) return null;
  const rx = ranks(keep.map((i) => x[i]!));
  const ry = ranks(keep.map((i) => y[i]!));
  const n = rx.length;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = rx[i]! - mean;
    const dy = ry[i]! - mean;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Ranks 1…n of `values`, ties sharing the average of the ranks they span. */
function ranks(values: readonly number[]): number[] {
  const order = values.map((_, i) => i).sort((a, b) => values[a]! - values[b]!);
  const out = new Array<number>(values.length);
  for (let start = 0; start < order.length;) {
    let end = start;
    while (end + 1 < order.length && values[order[end + 1]!] === values[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) out[order[k]!] = rank;
    start = end + 1;
  }
  return out;
}

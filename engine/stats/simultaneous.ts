import { studentTQuantile } from './student-t.ts';

/**
 * A 95% confidence interval of a mean that holds jointly with `family − 1` others (Bonferroni: each at
 * 1 − 0.05/family): mean ± t(1 − 0.025/family, n − 1)·se. With family 1 it is the ordinary 95% CI.
 * Null when undefined (fewer than 2 iterations, an undefined mean).
 * @example simultaneousInterval(10, 1, 50, 4) // [7.4…, 12.5…]: wider than the single [7.99, 12.01]
 */
export function simultaneousInterval(
  mean: number | null,
  se: number | null,
  n: number,
  family: number,
): [number, number] | null {
  if (mean === null || se === null || !(n >= 2) || !Number.isFinite(se)) return null;
  if (se === 0) return [mean, mean];
  const half = studentTQuantile(1 - 0.025 / Math.max(1, family), n - 1) * se;
  return [mean - half, mean + half];
}

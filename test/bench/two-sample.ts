/**
 * Two-sample tests of "these two samples come from the same distribution", for comparing the KPIs of two
 * versions of the engine that draw their luck differently (next-event.ts).
 */
import { studentTCdf } from '../../engine/stats/student-t.ts';

export interface TwoSampleTest {
  /** The test statistic: Welch's t, or the Kolmogorov–Smirnov distance D (0–1). */
  readonly statistic: number;
  /** Two-sided p-value (0–1). */
  readonly p: number;
}

function meanAndVariance(xs: readonly number[]): [number, number] {
  let mean = 0;
  for (const x of xs) mean += x;
  mean /= xs.length;
  let ss = 0;
  for (const x of xs) ss += (x - mean) * (x - mean);
  return [mean, ss / (xs.length - 1)];
}

/**
 * Welch's t-test of equal means (unequal variances, Welch–Satterthwaite degrees of freedom). Two
 * constant samples give p = 1 when their values agree and p = 0 when they differ.
 */
export function welch(a: readonly number[], b: readonly number[]): TwoSampleTest {
  const [ma, va] = meanAndVariance(a);
  const [mb, vb] = meanAndVariance(b);
  const sa = va / a.length;
  const sb = vb / b.length;
  if (sa + sb === 0) return { statistic: 0, p: ma === mb ? 1 : 0 };
  const t = (ma - mb) / Math.sqrt(sa + sb);
  const df = (sa + sb) ** 2 / ((sa * sa) / (a.length - 1) + (sb * sb) / (b.length - 1));
  return { statistic: t, p: 2 * studentTCdf(-Math.abs(t), df) };
}

/**
 * The two-sample Kolmogorov–Smirnov test: D = the largest gap between the empirical CDFs, its p-value
 * from the Kolmogorov distribution with Stephens' small-sample correction, λ = (√nₑ + 0.12 + 0.11/√nₑ)·D
 * with nₑ = n·m/(n + m) (Numerical Recipes §14.3). Ties are handled by stepping past equal values on
 * both sides at once; with ties (counts) the p-value is conservative.
 */
export function kolmogorovSmirnov(a: readonly number[], b: readonly number[]): TwoSampleTest {
  const x = [...a].sort((p, q) => p - q);
  const y = [...b].sort((p, q) => p - q);
  let i = 0;
  let j = 0;
  let d = 0;
  while (i < x.length && j < y.length) {
    const v = x[i]! <= y[j]! ? x[i]! : y[j]!;
    while (i < x.length && x[i] === v) i++;
    while (j < y.length && y[j] === v) j++;
    const gap = Math.abs(i / x.length - j / y.length);
    if (gap > d) d = gap;
  }
  const ne = Math.sqrt((x.length * y.length) / (x.length + y.length));
  return { statistic: d, p: kolmogorovTail((ne + 0.12 + 0.11 / ne) * d) };
}

/** Q(λ) = 2 Σ_{k≥1} (−1)^{k−1} e^{−2k²λ²}: P(the Kolmogorov statistic > λ). */
function kolmogorovTail(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-12) break;
  }
  const q = 2 * sum;
  return q < 0 ? 0 : q > 1 ? 1 : q;
}

/**
 * The paired t-test of a zero mean difference b − a over pairs (a[i], b[i]) of the same iteration. All
 * differences 0 gives p = 1; all equal and not 0, p = 0.
 */
export function paired(a: readonly number[], b: readonly number[]): TwoSampleTest {
  const d = b.map((y, i) => y - a[i]!);
  const [mean, variance] = meanAndVariance(d);
  if (variance === 0) return { statistic: 0, p: mean === 0 ? 1 : 0 };
  const t = mean / Math.sqrt(variance / d.length);
  return { statistic: t, p: 2 * studentTCdf(-Math.abs(t), d.length - 1) };
}

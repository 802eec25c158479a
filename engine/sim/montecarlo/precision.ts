import type { KpiId } from '../../result/kpis.ts';
import type { PrecisionTarget } from '../../result/run.ts';
import type { Moments } from '../../stats/distribution.ts';
import type { PairedAccumulator, RunAccumulator } from '../../stats/index.ts';
import { PRECISION_CHECKS } from '../run-limits.ts';

/** The intervals a precision target watches: every challenger's paired delta, else the scenario's mean. */
export function watchedMoments(
  runs: readonly RunAccumulator[],
  paired: readonly PairedAccumulator[],
  kpi: KpiId,
): Moments[] {
  return paired.length > 0 ? paired.map((p) => p.deltaMoments(kpi)) : runs.map((r) => r.kpiMoments(kpi));
}

/** The widest half-width of the intervals (NaN when any is undefined: too few iterations, an undefined KPI). */
export function widestHalfWidth(moments: readonly Moments[]): number {
  let widest = 0;
  for (const { ci95 } of moments) {
    const half = (ci95[1] - ci95[0]) / 2;
    if (!(half >= 0)) return NaN;
    widest = Math.max(widest, half);
  }
  return widest;
}

/** Whether every watched interval meets the target. */
export function precisionMet(target: PrecisionTarget, moments: readonly Moments[]): boolean {
  if (target.excludesZero) {
    return moments.every(({ ci95: [lo, hi] }) => lo > 0 || hi < 0);
  }
  const half = widestHalfWidth(moments);
  return half <= target.halfWidth!;
}

/**
 * The iteration count of the next check after `merged` iterations: 30, 40, 50 … (PRECISION_CHECKS).
 * @example nextCheck(0) // 30; nextCheck(31) // 40
 */
export function nextCheck(merged: number): number {
  const { minIterations, batch } = PRECISION_CHECKS;
  if (merged < minIterations) return minIterations;
  return minIterations + (Math.floor((merged - minIterations) / batch) + 1) * batch;
}

import type { PolicyKind } from '../domain/lists.ts';
import type { BreakdownDimension } from './iteration.ts';
import type { KpiId, KpiSpec, KpiUnit } from './kpis.ts';

/**
 * The summaries the CLI prints with `--format json` and the workbench shows. Plain JSON: a number
 * that cannot be computed (no defined values; a CI from fewer than two) is `null`, never NaN.
 * Quantiles come from a sketch and are within 0.78% (relative) of the exact type-7 quantile.
 */

/** A closed interval [low, high] in the unit of the quantity. */
export type Interval = [lo: number, hi: number];

/** One KPI over the iterations of one scenario. */
export interface KpiSummary {
  id: string;
  unit: KpiUnit;
  better: KpiSpec['better'];
  /** Iterations in which the KPI was defined. */
  n: number;
  mean: number | null;
  /** Sample standard deviation over iterations (n − 1 denominator). */
  sd: number | null;
  /** Standard error of the mean: sd / √n. */
  se: number | null;
  /** 95% confidence interval of the mean: mean ± t(0.975, n − 1)·se. */
  ci95: Interval | null;
  p05: number | null;
  p50: number | null;
  p95: number | null;
  /** Exact extremes over iterations. */
  min: number | null;
  max: number | null;
  /** Iterations in which the KPI was undefined (e.g. no leads arrived), excluded from everything above. */
  undefinedCount: number;
}

/** Monthly bands of one series: arrays indexed by month 0 … horizon − 1, null where no iteration defined it. */
export interface SeriesSummary {
  id: string;
  unit: string;
  /** Iterations that defined the month. */
  n: number[];
  mean: (number | null)[];
  p05: (number | null)[];
  p25: (number | null)[];
  p50: (number | null)[];
  p75: (number | null)[];
  p95: (number | null)[];
}

/** One group (a cycle, a segment, a region, a dealer…) of a breakdown dimension. */
export interface BreakdownGroupSummary {
  group: string;
  /** Iterations that reported the group. */
  iterations: number;
  /** Mean per iteration of each breakdown metric, by metric id (endedContracts, retained, profit, …). */
  mean: Record<string, number>;
  /** Σ retained / Σ endedContracts over all iterations (0–1); null when no contract ended. */
  retentionRate: number | null;
  /**
   * 95% CI of each metric's mean per iteration, by metric id; null with fewer than two iterations.
   * Absent from results written before breakdowns carried intervals.
   */
  ci95?: Record<string, Interval | null>;
}

export interface BreakdownSummary {
  dimension: BreakdownDimension;
  groups: BreakdownGroupSummary[];
}

/** How often each rule of one policy fired, over all iterations. */
export interface CoverageSummary {
  kind: PolicyKind;
  /** Times the policy was evaluated. */
  decisions: number;
  rules: RuleCoverageSummary[];
}

export interface RuleCoverageSummary {
  /** Position in the compiled policy's decision order. */
  index: number;
  /** The rule's name, when the run supplied names. */
  name: string | null;
  fired: number;
  /** fired / decisions (0–1), null when the policy never ran. */
  share: number | null;
}

/** Everything one scenario's run aggregates to. */
export interface RunSummary {
  iterations: number;
  /** Months simulated. */
  horizon: number;
  /** In KPIS order. */
  kpis: KpiSummary[];
  /** In SERIES order. */
  series: SeriesSummary[];
  breakdowns: BreakdownSummary[];
  coverage: CoverageSummary[];
}

/**
 * One KPI compared between a baseline and a challenger over the same iterations (common random
 * numbers): statistics of the per-iteration delta, challenger − baseline.
 */
export interface PairedKpi {
  id: string;
  unit: KpiUnit;
  better: KpiSpec['better'];
  /** Iterations in which both scenarios defined the KPI. */
  n: number;
  meanDelta: number | null;
  /** Sample standard deviation of the delta. */
  sd: number | null;
  /** Standard error of the mean delta (paired). */
  se: number | null;
  /** 95% confidence interval of the mean delta: [0, 0] when allZero. */
  ci95: Interval | null;
  /**
   * Share of iterations in which the challenger was strictly better in the KPI's `better` direction,
   * ties counting half (so identical scenarios give 0.5).
   */
  pBetter: number | null;
  /** True when the KPI was identical in every iteration (every delta exactly 0, undefined in the same iterations). */
  allZero: boolean;
  /** Quantiles of the per-iteration delta. */
  p05: number | null;
  p25: number | null;
  p50: number | null;
  p75: number | null;
  p95: number | null;
  /** Iterations in which either scenario left the KPI undefined (excluded above). */
  undefinedCount: number;
  /** Of those, iterations in which exactly one scenario defined it. */
  definedInOneOnly: number;
}

export interface PairedSummary {
  iterations: number;
  /** In KPIS order. */
  kpis: PairedKpi[];
  /**
   * The paired delta of each breakdown group, in BREAKDOWN_DIMENSIONS order. Absent from results
   * written before breakdowns were paired.
   */
  breakdowns?: PairedBreakdownSummary[];
}

/**
 * One breakdown group compared over the same iterations: statistics of the per-iteration delta,
 * challenger − baseline, of each breakdown metric. Every iteration of the comparison counts; a
 * scenario that did not report the group in an iteration counts as 0 for it (the metrics are additive).
 */
export interface PairedBreakdownGroupSummary {
  group: string;
  /** Iterations in which exactly one of the two scenarios reported the group. */
  inOneOnly: number;
  /** Mean delta per iteration, by metric id (count or €). */
  meanDelta: Record<string, number>;
  /** 95% CI of the mean delta (paired), by metric id; [0, 0] when every pair tied; null with fewer than two iterations. */
  ci95: Record<string, Interval | null>;
  /**
   * Share of iterations in which the challenger was better for the group (0–1, ties half), by metric
   * id; null for a metric with no favourable direction (endedContracts).
   */
  pBetter: Record<string, number | null>;
}

export interface PairedBreakdownSummary {
  dimension: BreakdownDimension;
  /** Iteration pairs: the n of every group's delta. */
  iterations: number;
  groups: PairedBreakdownGroupSummary[];
}

/** The summary of KPI `id`, or undefined when the summary has none. */
export function findKpi<T extends { id: string }>(kpis: readonly T[], id: KpiId): T | undefined {
  return kpis.find((k) => k.id === id);
}

/** NaN → null, for plain JSON. */
export function orNull(x: number): number | null {
  return Number.isNaN(x) ? null : x;
}

/**
 * The accuracy of every quantile in a summary (p05 … p95), from the quantile sketch that estimates them.
 * Worst-case relative error of a quantile estimate against the true order statistic: each power of
 * two is cut into 64 equal buckets [lo, hi) and a value is reported as 2·lo·hi/(lo+hi), which is
 * within (hi−lo)/(hi+lo) ≤ 1/129 ≈ 0.78% of everything in the bucket.
 */
export const RELATIVE_ACCURACY = 1 / 129;

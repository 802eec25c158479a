import type { PolicyKind } from '../domain/lists.ts';

/**
 * Monthly series, one value per month of the horizon, per iteration. Bands (p5…p95) are built over iterations.
 */
export const SERIES = [
  {
    id: 'activeContracts.cycle1',
    unit: 'count',
    meaning: 'active cycle-1 contracts at the end of the month',
  },
  {
    id: 'activeContracts.cycle2',
    unit: 'count',
    meaning: 'active cycle-2 contracts at the end of the month',
  },
  {
    id: 'activeContracts.cycle3',
    unit: 'count',
    meaning: 'active cycle-3 contracts at the end of the month',
  },
  { id: 'retention.rolling12', unit: '0–1', meaning: 'retention rate over the 12 months up to this month' },
  {
    id: 'cashFlow',
    unit: '€',
    meaning: "the captive's result of the month: its ledger entries, the capital charge included",
  },
  { id: 'delinquency.current', unit: 'count', meaning: 'active contracts with no unpaid instalment' },
  { id: 'delinquency.dpd1to30', unit: 'count', meaning: 'contracts 1–30 days past due' },
  { id: 'delinquency.dpd31to60', unit: 'count', meaning: 'contracts 31–60 days past due' },
  { id: 'delinquency.dpd61to90', unit: 'count', meaning: 'contracts 61–90 days past due' },
  { id: 'delinquency.dpd90plus', unit: 'count', meaning: 'contracts more than 90 days past due' },
  { id: 'inventory', unit: 'count', meaning: 'refurbished vehicles waiting for their next contract' },
] as const;
export type SeriesId = (typeof SERIES)[number]['id'];

/** Breakdown dimensions and the metrics each group reports per iteration. */
export const BREAKDOWN_DIMENSIONS = ['cycle', 'segment', 'creditTier', 'region', 'dealer'] as const;
export type BreakdownDimension = (typeof BREAKDOWN_DIMENSIONS)[number];
export const BREAKDOWN_METRICS = [
  { id: 'endedContracts', unit: 'count', meaning: 'contracts that ended (matured or upgraded early)' },
  { id: 'retained', unit: 'count', meaning: 'ended contracts whose customer renewed' },
  {
    id: 'profit',
    unit: '€',
    meaning: "the captive's result attributed to the group within the horizon (capital charge included)",
  },
  { id: 'creditLoss', unit: '€', meaning: 'net credit loss of the group' },
] as const;

/** Per-rule coverage of one policy in one iteration. */
export interface RuleCoverage {
  /** Times the policy was evaluated. */
  decisions: number;
  /** Times each rule fired (and, under `first`, decided), in the compiled policy's decision order. */
  fired: Float64Array;
}

/**
 * Everything one iteration of one scenario produces: flat typed arrays, so chunks cross worker
 * boundaries cheaply and aggregate without per-iteration objects.
 */
export interface IterationResult {
  readonly iteration: number;
  /** One value per KPI, in `KPIS` order (engine/result/kpis.ts); NaN where undefined (e.g. no leads). */
  readonly kpis: Float64Array;
  /** `series[s * horizon + month]` for s in `SERIES` order. */
  readonly series: Float64Array;
  /** Per dimension: `values[group * BREAKDOWN_METRICS.length + metric]`; group labels in `groups`. */
  readonly breakdowns: Readonly<
    Record<BreakdownDimension, { groups: readonly string[]; values: Float64Array }>
  >;
  readonly coverage: Readonly<Record<PolicyKind, RuleCoverage>>;
  /**
   * The standard-normal scores of the iteration's drawn assumptions: [0] the economic factor, then one
   * per uncertain assumption (engine/world/uncertainty.ts), the same in every scenario of the run.
   * Absent when the run draws no assumptions (a point-assumption run).
   */
  readonly assumptionScores?: Float64Array;
}

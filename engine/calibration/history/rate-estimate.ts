import type { HistoryCell } from './counts.ts';
import type { HistoryRateId, UnusualPeriod } from './dimensions.ts';

/** A rate's cell: a count cell without its period (the estimate pools the base periods). */
export type RateCell = Omit<HistoryCell, 'period'>;

/** A cell pooled into an estimate because it was too small on its own. */
export interface PooledCell {
  readonly cell: RateCell;
  readonly exposure: number;
  readonly events: number;
  /** Which step of the pooling rule took it: the neighbour band, then the tiers, then the products. */
  readonly step: 'band' | 'tier' | 'product';
}

/** An unusual period's counts for the estimate's cell: left out of the rate, reported beside it. */
export interface FlaggedPeriod {
  readonly id: string;
  /** First and last month, YYYY-MM. */
  readonly from: string;
  readonly to: string;
  readonly exposure: number;
  readonly events: number;
  /** events / exposure in the period, or undefined without exposure. */
  readonly rate?: number;
}

/**
 * One estimated rate (docs/history.md, estimates). `rate` is events / exposure over the base periods:
 * monthly 0–1 for roll, cure, default and early settlement; per maturity 0–1 for renewal; € per € for
 * the residual result and recovery; months for recovery months.
 */
export interface RateEstimate {
  readonly id: HistoryRateId;
  readonly cell: RateCell;
  /** Exposure over the base periods (contract-months, maturities, € or defaults, by kind). */
  readonly observations: number;
  readonly events: number;
  readonly contracts: number;
  readonly rate: number;
  /** 95% interval of the rate, clustered by contract (ratio estimator, cluster-robust variance). */
  readonly interval95: readonly [number, number];
  /**
   * The rate across the calendar years with enough exposure (min–max of the yearly rates), or
   * undefined with fewer than two such years: the year-to-year variation an assumption's range reflects.
   */
  readonly periodSpread?: { readonly low: number; readonly high: number; readonly years: number };
  /** Cells pooled into this one (small cells); empty when it stands on its own. */
  readonly pooled: readonly PooledCell[];
  /**
   * Whether the estimate holds at least `minEvents` events, pooled or not: a rate that is not
   * supported keeps the world's default.
   */
  readonly supported: boolean;
  readonly flaggedPeriods: readonly FlaggedPeriod[];
}

/** How {@link RateEstimate}s are formed from count tables. */
export interface EstimateOptions {
  /**
   * A cell with fewer events than this (over its base periods) is pooled: first with its neighbour
   * months-on-book band, then across tiers, then across products. Default 20.
   */
  readonly minEvents?: number;
  /** A calendar year enters the period spread with at least this share of the mean year's exposure. Default 0.5. */
  readonly spreadMinShare?: number;
  /** The unusual periods the counts were made with (for their months); default UNUSUAL_PERIODS. */
  readonly unusualPeriods?: readonly UnusualPeriod[];
}

import type { HistoryPeriod, HistoryRateId } from './dimensions.ts';

/**
 * The count tables: the sufficient statistics of a history (docs/history.md). Each rate is a ratio of
 * sums, events / exposure, over the contracts of a cell; the per-cell sums over contracts of squares
 * and products let an interval clustered by contract be computed from the counts alone, without the
 * rows they came from.
 */

/** Where a count belongs. Dimensions a kind is not counted by are `*`. */
export interface HistoryCell {
  readonly rate: HistoryRateId;
  /** A tape product, or `*`. */
  readonly product: string;
  /** prime, near-prime, subprime, or `*`. */
  readonly tier: string;
  /** The days-past-due bucket the contract was in at the start of the month (roll, cure), or `*`. */
  readonly bucket: string;
  /** The months-on-book band at the start of the month (default, early settlement), or `*`. */
  readonly band: string;
  readonly period: HistoryPeriod;
}

/**
 * The sums of one cell. For contract i with exposure e_i and events n_i in the cell: exposure = Σ e_i,
 * events = Σ n_i, and the cluster sums Σ e_i², Σ n_i², Σ e_i n_i over the `contracts` contracts with
 * e_i > 0. Units by kind: monthly kinds count contract-months and events; renewal counts maturities and
 * renewals; residual result counts € of guide residual and € of sale price; recovery € at default and
 * € recovered; recovery months recovering defaults and months.
 */
export interface CellCounts {
  contracts: number;
  exposure: number;
  events: number;
  sumE2: number;
  sumN2: number;
  sumEN: number;
}

export interface CountRow extends HistoryCell, CellCounts {}

/** What the pass over a history saw, besides the counts. */
export interface HistoryCoverage {
  /** First and last month with a snapshot, YYYY-MM. */
  readonly from: string;
  readonly to: string;
  readonly contracts: number;
  readonly snapshots: number;
  readonly events: number;
  /** Contracts already running at the history's first month (left-truncated). */
  readonly enteredRunning: number;
  /** Contracts with a row in the history's last month and no terminating event (right-censored). */
  readonly stillOpen: number;
}

export interface CountTables {
  readonly format: 'cyclecast-history-counts/1';
  /** Absent when the counts were read from a counts file that does not say. */
  readonly coverage?: HistoryCoverage;
  /** The unusual periods counted apart (ids of UNUSUAL_PERIODS or the caller's). */
  readonly unusualPeriods: readonly string[];
  /** One row per non-empty cell, sorted by rate, product, tier, bucket, band, period. */
  readonly rows: readonly CountRow[];
}

/** An empty cell's sums. */
export function emptyCounts(): CellCounts {
  return { contracts: 0, exposure: 0, events: 0, sumE2: 0, sumN2: 0, sumEN: 0 };
}

/** Adds `b`'s sums to `a`: exact only when no contract is in both (else the cluster sums lack the cross terms). */
export function addCounts(a: CellCounts, b: CellCounts): void {
  a.contracts += b.contracts;
  a.exposure += b.exposure;
  a.events += b.events;
  a.sumE2 += b.sumE2;
  a.sumN2 += b.sumN2;
  a.sumEN += b.sumEN;
}

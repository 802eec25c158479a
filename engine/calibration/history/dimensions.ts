import type { CREDIT_TIERS } from '../../domain/lists.ts';
import { TAPE_PRODUCTS } from '../../portfolio/tape/columns.ts';

/**
 * The dimensions a history is counted by (docs/history.md, count tables): rate kind, product, credit
 * tier, days-past-due bucket, months-on-book band and period. A kind is counted only by the dimensions
 * that matter to it; the others read `*` (all).
 */

/** The rates a history estimates. */
export const HISTORY_RATE_IDS = [
  /** Monthly: a contract in a days-past-due bucket is in a worse one a month later; by tier and bucket. */
  'roll',
  /** Monthly: back to current from a bucket; from `91+`, the EBA cure out of default; by tier and bucket. */
  'cure',
  /** Monthly: a performing contract enters default (EBA); by product, tier and months on book. */
  'default',
  /** Monthly: a performing contract is settled before its maturity; by product and months on book. */
  'early-settlement',
  /** Per maturing contract: the customer takes a new contract within ±6 months; by product. */
  'renewal-at-maturity',
  /** Sale price / guide residual of a vehicle returned at maturity (€ per €); by product. */
  'residual-result-at-return',
  /** € recovered per € of balance at default; by product. */
  'recovery',
  /** Months from default to the last recovery, per recovering default; by product. */
  'recovery-months',
] as const;
export type HistoryRateId = (typeof HISTORY_RATE_IDS)[number];

/** `*`: the kind is not counted by this dimension. */
export const ALL = '*';

export const HISTORY_PRODUCTS = TAPE_PRODUCTS;
export type HistoryProduct = (typeof TAPE_PRODUCTS)[number];
export type HistoryTier = (typeof CREDIT_TIERS)[number];

/** Days-past-due buckets: missed instalments, ceil(days / 30), with 91+ the EBA backstop of default. */
export const DPD_BUCKETS = ['current', '1-30', '31-60', '61-90', '91+'] as const;
export type DpdBucket = (typeof DPD_BUCKETS)[number];

/** The bucket of `days` past due (index into {@link DPD_BUCKETS}). */
export function bucketOf(days: number): number {
  return days <= 0 ? 0 : days <= 30 ? 1 : days <= 60 ? 2 : days <= 90 ? 3 : 4;
}

/** Months-on-book bands, months since origination at the start of the month at risk. */
export const MOB_BANDS = ['0-5', '6-11', '12-23', '24-35', '36-47', '48+'] as const;
export type MobBand = (typeof MOB_BANDS)[number];
const BAND_STARTS = [0, 6, 12, 24, 36, 48];

/** The band of `months` on book (index into {@link MOB_BANDS}). */
export function bandOf(months: number): number {
  let band = 0;
  while (band + 1 < BAND_STARTS.length && months >= BAND_STARTS[band + 1]!) band++;
  return band;
}

/** An unusual period: its months are counted apart, left out of the base rate and reported. */
export interface UnusualPeriod {
  readonly id: string;
  /** First and last month, YYYY-MM. */
  readonly from: string;
  readonly to: string;
  /** The rates it distorts. */
  readonly rates: readonly HistoryRateId[];
  readonly why: string;
}

/**
 * The periods flagged by default: the payment moratoria of 2020–21 held arrears and defaults down, the
 * used-car price spike of 2021–22 lifted sale prices, buy-outs and early settlements.
 */
export const UNUSUAL_PERIODS: readonly UnusualPeriod[] = [
  {
    id: 'moratorium',
    from: '2020-03',
    to: '2021-12',
    rates: ['roll', 'cure', 'default'],
    why: 'payment moratoria suspended instalments and held arrears and defaults down',
  },
  {
    id: 'used-price-spike',
    from: '2021-06',
    to: '2022-12',
    rates: [
      'early-settlement',
      'renewal-at-maturity',
      'residual-result-at-return',
      'recovery',
      'recovery-months',
    ],
    why: 'used-car prices rose far above guide residuals, lifting sale prices, buy-outs and settlements',
  },
];

/**
 * A count table's period: `base` (every month outside the kind's unusual periods, with cluster sums
 * over all of them), a calendar year `YYYY` (that year's months outside the unusual periods), or an
 * unusual period's id (its months).
 */
export type HistoryPeriod = string;
export const BASE_PERIOD = 'base';

/** A month as a number: year × 12 + month − 1. */
export type MonthIndex = number;

/** `YYYY-MM` as a {@link MonthIndex}, or undefined when it is not one. */
export function monthIndex(text: string): MonthIndex | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(text);
  if (match === null) return undefined;
  const y = Number(match[1]);
  const m = Number(match[2]);
  if (y < 1900 || y > 2199 || m < 1 || m > 12) return undefined;
  return y * 12 + m - 1;
}

/** A {@link MonthIndex} as YYYY-MM. */
export function monthText(month: MonthIndex): string {
  return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
}

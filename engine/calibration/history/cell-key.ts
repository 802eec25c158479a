import { CREDIT_TIERS } from '../../domain/lists.ts';
import type { CountRow, HistoryCell } from './counts.ts';
import {
  ALL,
  BASE_PERIOD,
  DPD_BUCKETS,
  HISTORY_PRODUCTS,
  HISTORY_RATE_IDS,
  MOB_BANDS,
  type UnusualPeriod,
} from './dimensions.ts';

/**
 * A count cell as one integer, so the pass over a history looks cells up without building strings:
 * each dimension is an index, its last value meaning `*`; the period is 0 for `base`, 1 + i for the
 * i-th unusual period, or {@link YEAR_CODE} + (year − 1900).
 */
export type CellKey = number;

export const ANY_PRODUCT = HISTORY_PRODUCTS.length;
export const ANY_TIER = CREDIT_TIERS.length;
export const ANY_BUCKET = DPD_BUCKETS.length;
export const ANY_BAND = MOB_BANDS.length;
const MAX_UNUSUAL = 9;
export const YEAR_CODE = 1 + MAX_UNUSUAL;
const PERIODS = YEAR_CODE + 300;

export function cellKey(
  rate: number,
  product: number,
  tier: number,
  bucket: number,
  band: number,
  period: number,
): CellKey {
  return (
    ((((rate * (ANY_PRODUCT + 1) + product) * (ANY_TIER + 1) + tier) * (ANY_BUCKET + 1) + bucket) *
      (ANY_BAND + 1) +
      band) *
      PERIODS +
    period
  );
}

/** The same cell in another period. */
export function withPeriod(key: CellKey, period: number): CellKey {
  return key - (key % PERIODS) + period;
}

/** The period code of a calendar year. */
export function yearCode(year: number): number {
  return YEAR_CODE + year - 1900;
}

/** Checks that a list of unusual periods fits the key. */
export function checkUnusual(periods: readonly UnusualPeriod[]): void {
  if (periods.length > MAX_UNUSUAL) throw new Error(`at most ${MAX_UNUSUAL} unusual periods`);
}

/** The cell a key stands for. */
export function cellOf(key: CellKey, unusual: readonly UnusualPeriod[]): HistoryCell {
  let k = key;
  const period = k % PERIODS;
  k = Math.floor(k / PERIODS);
  const band = k % (ANY_BAND + 1);
  k = Math.floor(k / (ANY_BAND + 1));
  const bucket = k % (ANY_BUCKET + 1);
  k = Math.floor(k / (ANY_BUCKET + 1));
  const tier = k % (ANY_TIER + 1);
  k = Math.floor(k / (ANY_TIER + 1));
  const product = k % (ANY_PRODUCT + 1);
  const rate = Math.floor(k / (ANY_PRODUCT + 1));
  return {
    rate: HISTORY_RATE_IDS[rate]!,
    product: HISTORY_PRODUCTS[product] ?? ALL,
    tier: CREDIT_TIERS[tier] ?? ALL,
    bucket: DPD_BUCKETS[bucket] ?? ALL,
    band: MOB_BANDS[band] ?? ALL,
    period:
      period === 0
        ? BASE_PERIOD
        : period < YEAR_CODE
          ? unusual[period - 1]!.id
          : String(1900 + period - YEAR_CODE),
  };
}

/** Count rows in their documented order: rate kind, product, tier, bucket, band, then period. */
export function compareRows(a: CountRow, b: CountRow): number {
  const order = (list: readonly string[], v: string): number => {
    const i = list.indexOf(v);
    return i < 0 ? list.length : i;
  };
  return (
    order(HISTORY_RATE_IDS, a.rate) - order(HISTORY_RATE_IDS, b.rate) ||
    order(HISTORY_PRODUCTS, a.product) - order(HISTORY_PRODUCTS, b.product) ||
    order(CREDIT_TIERS, a.tier) - order(CREDIT_TIERS, b.tier) ||
    order(DPD_BUCKETS, a.bucket) - order(DPD_BUCKETS, b.bucket) ||
    order(MOB_BANDS, a.band) - order(MOB_BANDS, b.band) ||
    periodOrder(a.period) - periodOrder(b.period) ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0)
  );
}

/** base first, then the years, then the unusual periods. */
function periodOrder(p: string): number {
  return p === BASE_PERIOD ? 0 : /^\d{4}$/.test(p) ? Number(p) : 10_000;
}

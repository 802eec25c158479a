import {
  ALL_CELLS,
  BASE_PERIOD,
  counted,
  type CountTables,
  type HistoryRateId,
  type RateEstimate,
} from '../../../engine/index.ts';

/** The plain name of each rate a history estimates (docs/history.md, estimates). */
export const RATE_LABELS: Readonly<Record<HistoryRateId, string>> = {
  roll: 'Roll to a worse arrears bucket',
  cure: 'Cure back to current',
  default: 'Default (EBA)',
  'early-settlement': 'Early settlement',
  'renewal-at-maturity': 'Renewal at maturity',
  'residual-result-at-return': 'Sale price per € of guide residual',
  recovery: 'Recovery per € at default',
  'recovery-months': 'Months from default to last recovery',
};

/** The unit of a rate's value, by kind. */
function unit(id: HistoryRateId): 'month' | 'maturity' | 'euro' | 'months' {
  if (id === 'renewal-at-maturity') return 'maturity';
  if (id === 'residual-result-at-return' || id === 'recovery') return 'euro';
  if (id === 'recovery-months') return 'months';
  return 'month';
}

/** A rate's value as read: '1.23% a month', '41.0% of maturities', '0.962 € per €', '14.2 months'. */
export function rateText(id: HistoryRateId, x: number, withUnit = true): string {
  switch (unit(id)) {
    case 'month':
      return `${percent(x)}${withUnit ? ' a month' : ''}`;
    case 'maturity':
      return `${percent(x)}${withUnit ? ' of maturities' : ''}`;
    case 'euro':
      return `${x.toFixed(3)}${withUnit ? ' € per €' : ''}`;
    case 'months':
      return `${x.toFixed(1)}${withUnit ? ' months' : ''}`;
  }
}

/** A 0–1 share as a percentage with three significant figures (rates of a few in a thousand stay readable). */
function percent(x: number): string {
  const p = x * 100;
  return `${p === 0 ? '0' : p < 1 ? p.toPrecision(2) : p < 10 ? p.toFixed(2) : p.toFixed(1)}%`;
}

/** One row of the rates table, as shown. */
export interface RateRow {
  readonly key: string;
  readonly rate: string;
  readonly cell: string;
  readonly value: string;
  readonly interval: string;
  readonly spread: string;
  readonly observations: string;
  /** 'Supported' or why the world's default is kept. */
  readonly status: string;
  readonly supported: boolean;
  readonly unusual: string;
}

const n = (x: number): string => Math.round(x).toLocaleString('en-GB');

/** What the exposure of a kind counts. */
function exposureUnit(id: HistoryRateId): string {
  if (id === 'renewal-at-maturity') return 'maturities';
  if (id === 'residual-result-at-return') return '€ of guide residual';
  if (id === 'recovery') return '€ at default';
  if (id === 'recovery-months') return 'recovering defaults';
  return 'contract-months';
}

/** The estimates as table rows, in the order estimateRates gives (the count tables' order). */
export function rateRows(estimates: readonly RateEstimate[], minEvents: number): RateRow[] {
  return estimates.map((e, i) => {
    const c = e.cell;
    const cell = [
      c.product === ALL_CELLS ? '' : c.product,
      c.tier === ALL_CELLS ? '' : c.tier,
      c.bucket === ALL_CELLS ? '' : `${c.bucket} days past due`,
      c.band === ALL_CELLS ? '' : `${c.band} months on book`,
    ]
      .filter((s) => s !== '')
      .join(', ');
    const pooled = e.pooled.length > 0 ? `, pooled with ${counted(e.pooled.length, 'neighbour cell')}` : '';
    return {
      key: `${e.id}|${c.product}|${c.tier}|${c.bucket}|${c.band}|${i}`,
      rate: RATE_LABELS[e.id],
      cell: cell || 'all contracts',
      value: rateText(e.id, e.rate),
      interval: `${rateText(e.id, e.interval95[0], false)} to ${rateText(e.id, e.interval95[1], false)}`,
      spread: e.periodSpread
        ? `${rateText(e.id, e.periodSpread.low, false)} to ${rateText(e.id, e.periodSpread.high, false)} (${counted(e.periodSpread.years, 'year')})`
        : 'fewer than 2 full years',
      observations: `${n(e.observations)} ${exposureUnit(e.id)}, ${counted(Math.round(e.events), 'event')}, ${counted(e.contracts, 'contract')}`,
      status: e.supported
        ? `Supported${pooled}`
        : `Kept at default: ${n(e.events)} of the ${n(minEvents)} events needed${pooled}`,
      supported: e.supported,
      unusual:
        e.flaggedPeriods
          .map(
            (p) =>
              `${p.id}${p.from ? ` (${p.from} to ${p.to})` : ''}: ${p.rate === undefined ? 'no exposure' : rateText(e.id, p.rate, false)}, left out`,
          )
          .join('; ') || 'none',
    };
  });
}

/**
 * How many contracts the history held, at least: a contract keeps its product and tier, so within one
 * rate kind the contracts of different products and tiers are different contracts, while across
 * arrears buckets and months-on-book bands one contract is counted in several cells (the most of
 * those is taken). The largest such sum over the kinds is a floor, not a count: a counts file does not
 * say how many contracts were never at risk of any rate.
 */
export function contractsAtLeast(counts: CountTables): number {
  const byKind = new Map<string, Map<string, number>>();
  for (const r of counts.rows) {
    if (r.period !== BASE_PERIOD) continue;
    const groups = byKind.get(r.rate) ?? new Map<string, number>();
    const key = `${r.product}|${r.tier}`;
    groups.set(key, Math.max(groups.get(key) ?? 0, r.contracts));
    byKind.set(r.rate, groups);
  }
  let most = 0;
  for (const groups of byKind.values()) {
    let sum = 0;
    for (const c of groups.values()) sum += c;
    most = Math.max(most, sum);
  }
  return most;
}

/** The calendar years the count tables have counts for, as 'YYYY to YYYY', or undefined. */
export function yearsCovered(counts: CountTables): string | undefined {
  const years = counts.rows.filter((r) => /^\d{4}$/.test(r.period)).map((r) => Number(r.period));
  if (years.length === 0) return undefined;
  const from = Math.min(...years);
  const to = Math.max(...years);
  return from === to ? String(from) : `${from} to ${to}`;
}

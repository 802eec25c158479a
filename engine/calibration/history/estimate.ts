import { CREDIT_TIERS } from '../../domain/lists.ts';
import type { CellCounts, CountRow, CountTables } from './counts.ts';
import {
  ALL,
  BASE_PERIOD,
  HISTORY_PRODUCTS,
  MOB_BANDS,
  UNUSUAL_PERIODS,
  type HistoryRateId,
  type UnusualPeriod,
} from './dimensions.ts';
import type { EstimateOptions, FlaggedPeriod, PooledCell, RateCell, RateEstimate } from './rate-estimate.ts';
import { ratioInterval } from './ratio-interval.ts';

/** The kinds whose rate is a probability (0–1); the others are € per € or months. */
const PROBABILITIES: ReadonlySet<HistoryRateId> = new Set([
  'roll',
  'cure',
  'default',
  'early-settlement',
  'renewal-at-maturity',
]);

const DEFAULT_MIN_EVENTS = 20;
const DEFAULT_SPREAD_MIN_SHARE = 0.5;

/** A rate cell's counts: its base, its calendar years and its unusual periods. */
interface CellGroup {
  readonly cell: RateCell;
  base?: CountRow;
  readonly years: Map<string, CountRow>;
  readonly unusual: Map<string, CountRow>;
}

const cellId = (c: RateCell): string => `${c.rate}|${c.product}|${c.tier}|${c.bucket}|${c.band}`;

/**
 * The rates a history's counts support (docs/history.md, estimates): for each cell with base exposure,
 * events / exposure over the months outside the unusual periods, with its 95% interval clustered by
 * contract, the spread of its yearly rates, and its unusual periods reported beside it.
 *
 * Pooling rule: a cell with fewer than `minEvents` events is pooled with its neighbour months-on-book
 * bands (nearest first), then across credit tiers, then across products, stopping as soon as the pool
 * holds `minEvents` events; the cells taken are listed in `pooled`, and `supported` is false when even
 * the widest pool holds fewer.
 */
export function estimateRates(counts: CountTables, options: EstimateOptions = {}): RateEstimate[] {
  const minEvents = options.minEvents ?? DEFAULT_MIN_EVENTS;
  const spreadMinShare = options.spreadMinShare ?? DEFAULT_SPREAD_MIN_SHARE;
  const unusual = options.unusualPeriods ?? UNUSUAL_PERIODS;
  const groups = new Map<string, CellGroup>();
  for (const row of counts.rows) {
    const cell: RateCell = {
      rate: row.rate,
      product: row.product,
      tier: row.tier,
      bucket: row.bucket,
      band: row.band,
    };
    const id = cellId(cell);
    let g = groups.get(id);
    if (g === undefined) groups.set(id, (g = { cell, years: new Map(), unusual: new Map() }));
    if (row.period === BASE_PERIOD) g.base = row;
    else if (/^\d{4}$/.test(row.period)) g.years.set(row.period, row);
    else g.unusual.set(row.period, row);
  }
  const estimates: RateEstimate[] = [];
  for (const g of groups.values()) {
    if (g.base === undefined || g.base.exposure <= 0) continue;
    const { members, pooled } = pool(g, groups, minEvents);
    const bases = members.map((m) => m.base!);
    const events = sum(bases, 'events');
    const probability = PROBABILITIES.has(g.cell.rate);
    // Cells of different products hold different contracts; within a product they may share some.
    const byProduct = new Map<string, CountRow[]>();
    for (const m of members)
      byProduct.set(m.cell.product, [...(byProduct.get(m.cell.product) ?? []), m.base!]);
    const { rate, interval95 } = ratioInterval([...byProduct.values()], probability);
    const spread = periodSpread(members, spreadMinShare);
    estimates.push({
      id: g.cell.rate,
      cell: g.cell,
      observations: sum(bases, 'exposure'),
      events,
      contracts: sum(bases, 'contracts'),
      rate,
      interval95,
      ...(spread ? { periodSpread: spread } : {}),
      pooled,
      supported: events >= minEvents,
      flaggedPeriods: flagged(members, unusual),
    });
  }
  return estimates;
}

/** The cells pooled with `g` by the pooling rule (g first), and those taken in besides it. */
function pool(
  g: CellGroup,
  groups: ReadonlyMap<string, CellGroup>,
  minEvents: number,
): { members: CellGroup[]; pooled: PooledCell[] } {
  const members = [g];
  const pooled: PooledCell[] = [];
  let events = g.base!.events;
  const take = (candidate: RateCell, step: PooledCell['step']): void => {
    const other = groups.get(cellId(candidate));
    if (other?.base === undefined || members.includes(other)) return;
    members.push(other);
    events += other.base.events;
    pooled.push({ cell: other.cell, exposure: other.base.exposure, events: other.base.events, step });
  };
  const c = g.cell;
  if (events < minEvents && c.band !== ALL) {
    const i = MOB_BANDS.indexOf(c.band as (typeof MOB_BANDS)[number]);
    for (let d = 1; d < MOB_BANDS.length && events < minEvents; d++) {
      for (const j of [i - d, i + d])
        if (j >= 0 && j < MOB_BANDS.length && events < minEvents) take({ ...c, band: MOB_BANDS[j]! }, 'band');
    }
  }
  const bands = (): string[] => [...new Set(members.map((m) => m.cell.band))];
  if (events < minEvents && c.tier !== ALL) {
    for (const tier of CREDIT_TIERS)
      for (const band of bands()) if (events < minEvents) take({ ...c, tier, band }, 'tier');
  }
  if (events < minEvents && c.product !== ALL) {
    const tiers = [...new Set(members.map((m) => m.cell.tier))];
    for (const product of HISTORY_PRODUCTS)
      for (const tier of tiers)
        for (const band of bands()) if (events < minEvents) take({ ...c, product, tier, band }, 'product');
  }
  return { members, pooled };
}

/**
 * The min–max of the yearly rates of the pool, over the years whose exposure is at least `minShare`
 * of the mean year's (a year only partly in the history, or mostly in an unusual period, says little).
 */
function periodSpread(
  members: readonly CellGroup[],
  minShare: number,
): { low: number; high: number; years: number } | undefined {
  const years = new Map<string, { exposure: number; events: number }>();
  for (const m of members)
    for (const [year, row] of m.years) {
      const y = years.get(year) ?? { exposure: 0, events: 0 };
      y.exposure += row.exposure;
      y.events += row.events;
      years.set(year, y);
    }
  if (years.size < 2) return undefined;
  let total = 0;
  for (const y of years.values()) total += y.exposure;
  const floor = (minShare * total) / years.size;
  const rates = [...years.values()]
    .filter((y) => y.exposure > 0 && y.exposure >= floor)
    .map((y) => y.events / y.exposure);
  if (rates.length < 2) return undefined;
  return { low: Math.min(...rates), high: Math.max(...rates), years: rates.length };
}

/** The pool's counts in each unusual period. */
function flagged(members: readonly CellGroup[], unusual: readonly UnusualPeriod[]): FlaggedPeriod[] {
  const out: FlaggedPeriod[] = [];
  const ids = new Set(members.flatMap((m) => [...m.unusual.keys()]));
  for (const id of ids) {
    const rows = members.flatMap((m) => (m.unusual.has(id) ? [m.unusual.get(id)!] : []));
    const exposure = sum(rows, 'exposure');
    const events = sum(rows, 'events');
    const period = unusual.find((u) => u.id === id);
    out.push({
      id,
      from: period?.from ?? '',
      to: period?.to ?? '',
      exposure,
      events,
      ...(exposure > 0 ? { rate: events / exposure } : {}),
    });
  }
  return out;
}

function sum(rows: readonly CellCounts[], key: 'exposure' | 'events' | 'contracts'): number {
  let total = 0;
  for (const r of rows) total += r[key];
  return total;
}

import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import { BREAKDOWN_METRICS } from '../result/iteration.ts';
import type {
  BreakdownGroupSummary,
  PairedBreakdownGroupSummary,
  PairedBreakdownSummary,
  RunSummary,
} from '../result/summary.ts';
import { formatDelta, formatInterval, formatProbability, formatValue } from './number.ts';
import type { Table } from './tables.ts';

const DIMENSION_NAMES: Readonly<Record<string, string>> = {
  cycle: 'cycle',
  segment: 'customer segment',
  creditTier: 'credit tier',
  region: 'region',
  dealer: 'dealer',
};

const profit = (g: BreakdownGroupSummary | undefined) => g?.mean.profit ?? 0;

/** The paired breakdown of `dimension` in comparison `i`, or undefined (results written before they were paired). */
export function pairedBreakdown(
  result: MonteCarloResult,
  i: number,
  dimension: string,
): PairedBreakdownSummary | undefined {
  return result.comparisons[i]?.summary.breakdowns?.find((b) => b.dimension === dimension);
}

/**
 * One row per group of one dimension: the baseline's group (absent when only challengers report it)
 * and each challenger's group and paired delta, in the order the tables show them — dealers sorted by
 * the size of the first challenger's paired effect on profit, other dimensions as reported.
 */
export function breakdownRows(result: MonteCarloResult, dimension: string): BreakdownRow[] {
  const [baseline, ...challengers] = result.scenarios;
  if (!baseline) return [];
  const rows = groupsOf(result, dimension).map((group) => ({
    group,
    baseline: groupIn(baseline.summary, dimension, group),
    challengers: challengers.map((s, i) => {
      const paired = pairedBreakdown(result, i, dimension)?.groups.find((g) => g.group === group);
      return { group: groupIn(s.summary, dimension, group), paired };
    }),
  }));
  if (dimension === 'dealer' && challengers.length > 0) {
    rows.sort((a, z) => Math.abs(effect(z)) - Math.abs(effect(a)));
  }
  return rows;
}

export interface BreakdownRow {
  group: string;
  baseline: BreakdownGroupSummary | undefined;
  challengers: {
    group: BreakdownGroupSummary | undefined;
    paired: PairedBreakdownGroupSummary | undefined;
  }[];
}

/** The first challenger's mean profit change of the row (€): paired when available. */
export function effect(row: BreakdownRow): number {
  const c = row.challengers[0];
  if (!c) return 0;
  return c.paired ? (c.paired.meanDelta.profit ?? 0) : profit(c.group) - profit(row.baseline);
}

/** A dimension's name as a heading reads it: "customer segment", "credit tier". */
export function dimensionName(dimension: string): string {
  return DIMENSION_NAMES[dimension] ?? dimension;
}

/**
 * The breakdowns of a result as tables, one per dimension (cycle, segment, credit tier, region,
 * dealer): per group the baseline's retention rate, mean profit per iteration (€) with its 95% CI, and
 * for each challenger the change of the retention rate and the paired change of profit per iteration
 * (challenger − baseline in the same iterations) with its 95% CI and P(better). Dealers are sorted by
 * the size of the first challenger's effect on profit. A result written before breakdowns were paired
 * shows differences of means with no interval.
 */
export function breakdownTables(result: MonteCarloResult): Table[] {
  const [baseline, ...challengers] = result.scenarios;
  if (!baseline) return [];
  return baseline.summary.breakdowns.map((b) => {
    const paired = challengers.every((_, i) => pairedBreakdown(result, i, b.dimension));
    const name = dimensionName(b.dimension);
    const change =
      challengers.length === 0
        ? ''
        : paired
          ? ' and the paired change of each challenger (same iterations)'
          : ' and the change of each challenger (difference of means; this result has no paired breakdowns)';
    return {
      title: `By ${name}: ${scenarioTitle(result, baseline.name)}${change}`,
      header: [
        name,
        'retention',
        'profit per iteration',
        '95% CI',
        ...challengers.flatMap((s) => {
          const title = scenarioTitle(result, s.name);
          return [`retention Δ ${title}`, `profit Δ ${title}`, 'Δ 95% CI', 'P(better)'];
        }),
      ],
      rows: breakdownRows(result, b.dimension).map(({ group, baseline: g, challengers: c }) => [
        group,
        formatValue(g?.retentionRate ?? null, '0–1'),
        g ? formatValue(profit(g), '€') : '–',
        formatInterval(g?.ci95?.profit ?? null, '€'),
        ...c.flatMap((x) => [
          x.group && x.group.retentionRate !== null && g && g.retentionRate !== null
            ? formatDelta(x.group.retentionRate - g.retentionRate, '0–1')
            : '–',
          x.paired
            ? formatDelta(x.paired.meanDelta.profit ?? null, '€')
            : x.group
              ? formatDelta(profit(x.group) - profit(g), '€')
              : '–',
          formatInterval(x.paired?.ci95.profit ?? null, '€', true),
          formatProbability(x.paired?.pBetter.profit ?? null),
        ]),
      ]),
    };
  });
}

/** A CSV cell: raw numbers (€, 0–1, counts), text, or empty. */
type Cell = string | number | null;

/** The breakdown measures as CSV rows name them, with their units. */
const CSV_MEASURES = [
  ...BREAKDOWN_METRICS.map((m) => ({
    kpi: `breakdown.${m.id}`,
    unit: m.unit,
    of: (g: BreakdownGroupSummary) => g.mean[m.id] ?? null,
    ci: (g: BreakdownGroupSummary) => g.ci95?.[m.id] ?? null,
    paired: m.id as string | null,
  })),
  {
    kpi: 'breakdown.retentionRate',
    unit: '0–1',
    of: (g: BreakdownGroupSummary) => g.retentionRate,
    // A ratio of sums over all iterations, not a mean per iteration: no interval, no paired delta.
    ci: () => null,
    paired: null,
  },
];

/** Every group of `dimension` in any scenario: the baseline's in its order, then groups only others report. */
function groupsOf(result: MonteCarloResult, dimension: string): string[] {
  const seen = new Set<string>();
  for (const s of result.scenarios) {
    for (const g of s.summary.breakdowns.find((b) => b.dimension === dimension)?.groups ?? [])
      seen.add(g.group);
  }
  return [...seen];
}

const groupIn = (summary: RunSummary, dimension: string, group: string) =>
  summary.breakdowns.find((b) => b.dimension === dimension)?.groups.find((g) => g.group === group);

/**
 * The breakdowns as CSV rows in the columns of the KPI rows (see docs/kpis.md, Breakdowns): `kpi` is
 * `breakdown.<metric>`, the last two columns name the dimension and the group. A run gives each
 * scenario's means per iteration (`n` = iterations that reported the group; no CI or quantiles); a
 * comparison gives per challenger both means and the paired delta (`n` = the iterations of the
 * comparison) with its 95% CI and P(better); the retention rate, a ratio of sums, gets the difference
 * of the two rates only. Group order is the JSON's.
 */
export function breakdownCsvRows(result: MonteCarloResult): Cell[][] {
  const [baseline, ...challengers] = result.scenarios;
  if (!baseline) return [];
  const dimensions = baseline.summary.breakdowns.map((b) => b.dimension);
  const rows: Cell[][] = [];
  for (const dimension of dimensions) {
    for (const group of groupsOf(result, dimension)) {
      const base = groupIn(baseline.summary, dimension, group);
      if (challengers.length === 0) {
        if (!base) continue;
        for (const m of CSV_MEASURES) {
          const ci = m.ci(base);
          rows.push([
            baseline.name,
            m.kpi,
            m.unit,
            base.iterations,
            m.of(base),
            null,
            ci?.[0] ?? null,
            ci?.[1] ?? null,
            null,
            null,
            null,
            dimension,
            group,
          ]);
        }
        continue;
      }
      challengers.forEach((challenger, i) => {
        const other = groupIn(challenger.summary, dimension, group);
        const table = pairedBreakdown(result, i, dimension);
        const paired = table?.groups.find((g) => g.group === group);
        for (const m of CSV_MEASURES) {
          const b = base ? m.of(base) : null;
          const c = other ? m.of(other) : null;
          const id = m.paired;
          const ci = id && paired ? (paired.ci95[id] ?? null) : null;
          rows.push([
            baseline.name,
            challenger.name,
            m.kpi,
            m.unit,
            table && id ? table.iterations : Math.min(base?.iterations ?? 0, other?.iterations ?? 0),
            b,
            c,
            id && table ? (paired?.meanDelta[id] ?? 0) : b !== null && c !== null ? c - b : null,
            ci?.[0] ?? null,
            ci?.[1] ?? null,
            id && paired ? (paired.pBetter[id] ?? null) : null,
            dimension,
            group,
          ]);
        }
      });
    }
  }
  return rows;
}

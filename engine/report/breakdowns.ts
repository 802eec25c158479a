import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import { BREAKDOWN_METRICS } from '../result/iteration.ts';
import type { BreakdownGroupSummary, RunSummary } from '../result/summary.ts';
import { formatDelta, formatInterval, formatValue } from './number.ts';
import type { Table } from './tables.ts';

const DIMENSION_NAMES: Readonly<Record<string, string>> = {
  cycle: 'cycle',
  segment: 'customer segment',
  creditTier: 'credit tier',
  region: 'region',
  dealer: 'dealer',
};

const profit = (g: BreakdownGroupSummary | undefined) => g?.mean.profit ?? 0;

/**
 * The breakdowns of a result as tables, one per dimension (cycle, segment, credit tier, region,
 * dealer): per group the baseline's retention rate, mean profit per iteration (€) with its 95% CI, and
 * for each challenger the difference of those means. Dealers are sorted by the size of the first
 * challenger's effect on profit. Differences of means: the deltas carry no paired interval yet.
 */
export function breakdownTables(result: MonteCarloResult): Table[] {
  const [baseline, ...challengers] = result.scenarios;
  if (!baseline) return [];
  return baseline.summary.breakdowns.map((b) => {
    const others = challengers.map((s) => s.summary.breakdowns.find((x) => x.dimension === b.dimension));
    let groups = b.groups.map((g) => ({
      g,
      c: others.map((o) => o?.groups.find((x) => x.group === g.group)),
    }));
    if (b.dimension === 'dealer' && others.length > 0) {
      const effect = (x: (typeof groups)[number]) => Math.abs(profit(x.c[0]) - profit(x.g));
      groups = groups.sort((a, z) => effect(z) - effect(a));
    }
    const name = DIMENSION_NAMES[b.dimension] ?? b.dimension;
    return {
      title: `By ${name}: ${scenarioTitle(result, baseline.name)}${challengers.length > 0 ? ' and the change of each challenger (difference of means)' : ''}`,
      header: [
        name,
        'retention',
        'profit per iteration',
        '95% CI',
        ...challengers.flatMap((s) => {
          const title = scenarioTitle(result, s.name);
          return [`retention Δ ${title}`, `profit Δ ${title}`];
        }),
      ],
      rows: groups.map(({ g, c }) => [
        g.group,
        formatValue(g.retentionRate, '0–1'),
        formatValue(profit(g), '€'),
        formatInterval(g.ci95?.profit ?? null, '€'),
        ...c.flatMap((x) => [
          x && x.retentionRate !== null && g.retentionRate !== null
            ? formatDelta(x.retentionRate - g.retentionRate, '0–1')
            : '–',
          x ? formatDelta(profit(x) - profit(g), '€') : '–',
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
  })),
  {
    kpi: 'breakdown.retentionRate',
    unit: '0–1',
    of: (g: BreakdownGroupSummary) => g.retentionRate,
    // A ratio of sums over all iterations, not a mean per iteration: no interval.
    ci: () => null,
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
 * comparison gives per challenger both means and their difference (`n` = the fewer iterations of the
 * two; no interval or P(better) yet). Group order is the JSON's.
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
      for (const challenger of challengers) {
        const other = groupIn(challenger.summary, dimension, group);
        for (const m of CSV_MEASURES) {
          const b = base ? m.of(base) : null;
          const c = other ? m.of(other) : null;
          rows.push([
            baseline.name,
            challenger.name,
            m.kpi,
            m.unit,
            Math.min(base?.iterations ?? 0, other?.iterations ?? 0),
            b,
            c,
            b !== null && c !== null ? c - b : null,
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            dimension,
            group,
          ]);
        }
      }
    }
  }
  return rows;
}

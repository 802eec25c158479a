import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import type { BreakdownGroupSummary } from '../result/summary.ts';
import { formatDelta, formatValue } from './number.ts';
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
 * dealer): per group the baseline's retention rate and mean profit per iteration (€), and for each
 * challenger the difference of those means. Dealers are sorted by the size of the first challenger's
 * effect on profit. Differences of means: breakdowns carry no intervals or paired deltas yet.
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
        ...challengers.flatMap((s) => {
          const title = scenarioTitle(result, s.name);
          return [`retention Δ ${title}`, `profit Δ ${title}`];
        }),
      ],
      rows: groups.map(({ g, c }) => [
        g.group,
        formatValue(g.retentionRate, '0–1'),
        formatValue(profit(g), '€'),
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

import type { MonteCarloResult } from '../../engine/result/run.ts';

/**
 * Contract-months a run simulated, over every scenario: Σ over iterations and months of the
 * contracts active at the end of the month (the activeContracts.cycle1|2|3 series, whose monthly
 * mean × count is that sum exactly). Reads the result's JSON shape only, so it counts the runs of
 * another build too (`--against`).
 */
export function contractMonths(result: Pick<MonteCarloResult, 'scenarios'>): number {
  let total = 0;
  for (const { summary } of result.scenarios) {
    for (const series of summary.series) {
      if (!series.id.startsWith('activeContracts.')) continue;
      series.mean.forEach((mean, t) => (total += (mean ?? 0) * (series.n[t] ?? 0)));
    }
  }
  return Math.round(total);
}

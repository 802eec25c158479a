import { KPIS } from '../result/kpis.ts';
import type { MonteCarloResult } from '../result/run.ts';
import { formatDelta, formatValue } from './number.ts';

/** A table of text cells with a header row: the one shape every output format renders. */
export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Per scenario: every KPI's mean, 95% CI of the mean and p5/p50/p95 over iterations. */
export function kpiTable(result: MonteCarloResult, scenarioIndex: number): Table {
  const { name, summary } = result.scenarios[scenarioIndex]!;
  return {
    title: `${name}: ${summary.iterations} iterations × ${summary.horizon} months`,
    header: ['kpi', 'mean', '95% CI', 'p5', 'p50', 'p95'],
    rows: summary.kpis.map((k) => [
      k.id,
      formatValue(k.mean, k.unit),
      k.ci95 ? `${formatValue(k.ci95[0], k.unit)} … ${formatValue(k.ci95[1], k.unit)}` : '–',
      formatValue(k.p05, k.unit),
      formatValue(k.p50, k.unit),
      formatValue(k.p95, k.unit),
    ]),
  };
}

/** Per challenger: each KPI side by side with the baseline, the paired delta, its 95% CI and P(better). */
export function comparisonTable(result: MonteCarloResult, comparisonIndex: number): Table {
  const comparison = result.comparisons[comparisonIndex]!;
  const baseline = result.scenarios[0]!.summary;
  const challenger = result.scenarios[comparisonIndex + 1]!.summary;
  return {
    title: `${comparison.challenger} vs ${comparison.baseline} (paired over ${comparison.summary.iterations} iterations)`,
    header: ['kpi', comparison.baseline, comparison.challenger, 'delta', '95% CI of delta', 'P(better)'],
    rows: comparison.summary.kpis.map((d, i) => [
      d.id,
      formatValue(baseline.kpis[i]!.mean, d.unit),
      formatValue(challenger.kpis[i]!.mean, d.unit),
      formatDelta(d.meanDelta, d.unit),
      d.ci95 ? `${formatDelta(d.ci95[0], d.unit)} … ${formatDelta(d.ci95[1], d.unit)}` : '–',
      d.pBetter === null ? '–' : `${Math.round(d.pBetter * 100)}%`,
    ]),
  };
}

/** The tables a result is reported as: KPIs of a single run, or comparisons of challengers with the baseline. */
export function resultTables(result: MonteCarloResult): Table[] {
  if (result.comparisons.length === 0) return [kpiTable(result, 0)];
  return result.comparisons.map((_, i) => comparisonTable(result, i));
}

/** KPI ids in catalogue order, for docs and checks. */
export const KPI_ORDER = KPIS.map((k) => k.id);

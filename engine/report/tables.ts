import { KPIS } from '../result/kpis.ts';
import type { MonteCarloResult } from '../result/run.ts';
import {
  counted,
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantile,
  formatValue,
} from './number.ts';

/** A table of text cells with a header row: the one shape every output format renders. */
export interface Table {
  readonly title: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** Per scenario: every KPI's mean, 95% CI of the mean and p05/p50/p95 over iterations. */
export function kpiTable(result: MonteCarloResult, scenarioIndex: number): Table {
  const { name, summary } = result.scenarios[scenarioIndex]!;
  return {
    title: `${name}: ${counted(summary.iterations, 'iteration')} × ${counted(summary.horizon, 'month')}`,
    header: ['kpi', 'mean', '95% CI', 'p05', 'p50', 'p95'],
    rows: summary.kpis.map((k) => [
      k.id,
      formatValue(k.mean, k.unit),
      formatInterval(k.ci95, k.unit),
      formatQuantile(k.p05, k.unit),
      formatQuantile(k.p50, k.unit),
      formatQuantile(k.p95, k.unit),
    ]),
  };
}

/** Per challenger: each KPI side by side with the baseline, the paired delta, its 95% CI and P(better). */
export function comparisonTable(result: MonteCarloResult, comparisonIndex: number): Table {
  const comparison = result.comparisons[comparisonIndex]!;
  const baseline = result.scenarios[0]!.summary;
  const challenger = result.scenarios[comparisonIndex + 1]!.summary;
  return {
    title: `${comparison.challenger} vs ${comparison.baseline} (paired over ${counted(comparison.summary.iterations, 'iteration')})`,
    header: ['kpi', comparison.baseline, comparison.challenger, 'delta', '95% CI of delta', 'P(better)'],
    rows: comparison.summary.kpis.map((d, i) => [
      d.id,
      formatValue(baseline.kpis[i]!.mean, d.unit),
      formatValue(challenger.kpis[i]!.mean, d.unit),
      formatDelta(d.meanDelta, d.unit),
      formatInterval(d.ci95, d.unit, true),
      formatProbability(d.pBetter),
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

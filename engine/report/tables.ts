import { KPIS, PERSPECTIVE_PREFIXES, type PerspectiveId } from '../result/kpis.ts';
import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
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

/** Whose money a report shows: one perspective (money KPIs of the others left out) or all. */
export type ReportPerspective = PerspectiveId | 'all';
export const REPORT_PERSPECTIVES: readonly ReportPerspective[] = ['captive', 'network', 'group', 'all'];

/** The perspective a KPI id belongs to (ids without a perspective prefix are the captive's or shared). */
export function perspectiveOf(id: string): PerspectiveId {
  if (id.startsWith(PERSPECTIVE_PREFIXES.network)) return 'network';
  if (id.startsWith(PERSPECTIVE_PREFIXES.group)) return 'group';
  return 'captive';
}

/** Whether KPI `id` is shown for `perspective`: the perspective's money KPIs and every other KPI. */
export function shownFor(id: string, perspective: ReportPerspective): boolean {
  if (perspective === 'all') return true;
  const own = perspectiveOf(id);
  if (perspective === 'captive') return own === 'captive';
  // Another perspective replaces the captive's money KPIs with its own; the rest stay.
  const money = id.startsWith('profit.') || id.startsWith('pnl.');
  return own === perspective || (own === 'captive' && !money);
}

/** Per scenario: every KPI's mean, 95% CI of the mean and p05/p50/p95 over iterations. */
export function kpiTable(
  result: MonteCarloResult,
  scenarioIndex: number,
  perspective: ReportPerspective = 'captive',
): Table {
  const { name, summary } = result.scenarios[scenarioIndex]!;
  return {
    title: `${scenarioTitle(result, name)}: ${counted(summary.iterations, 'iteration')} × ${counted(summary.horizon, 'month')}`,
    header: ['kpi', 'mean', '95% CI', 'p05', 'p50', 'p95'],
    rows: summary.kpis
      .filter((k) => shownFor(k.id, perspective))
      .map((k) => [
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
export function comparisonTable(
  result: MonteCarloResult,
  comparisonIndex: number,
  perspective: ReportPerspective = 'captive',
): Table {
  const comparison = result.comparisons[comparisonIndex]!;
  const baseline = result.scenarios[0]!.summary;
  const challenger = result.scenarios[comparisonIndex + 1]!.summary;
  const baselineTitle = scenarioTitle(result, comparison.baseline);
  const challengerTitle = scenarioTitle(result, comparison.challenger);
  return {
    title: `${challengerTitle} vs ${baselineTitle} (paired over ${counted(comparison.summary.iterations, 'iteration')})`,
    header: ['kpi', baselineTitle, challengerTitle, 'delta', '95% CI of delta', 'P(better)'],
    rows: comparison.summary.kpis.flatMap((d, i) =>
      shownFor(d.id, perspective)
        ? [
            [
              d.id,
              formatValue(baseline.kpis[i]!.mean, d.unit),
              formatValue(challenger.kpis[i]!.mean, d.unit),
              formatDelta(d.meanDelta, d.unit),
              formatInterval(d.ci95, d.unit, true),
              formatProbability(d.pBetter),
            ],
          ]
        : [],
    ),
  };
}

/** The tables a result is reported as: KPIs of a single run, or comparisons of challengers with the baseline. */
export function resultTables(result: MonteCarloResult, perspective: ReportPerspective = 'captive'): Table[] {
  if (result.comparisons.length === 0) return [kpiTable(result, 0, perspective)];
  return result.comparisons.map((_, i) => comparisonTable(result, i, perspective));
}

/** KPI ids in catalogue order, for docs and checks. */
export const KPI_ORDER = KPIS.map((k) => k.id);

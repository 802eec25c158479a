import { KPIS, PERSPECTIVE_PREFIXES, type PerspectiveId } from '../result/kpis.ts';
import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import {
  counted,
  formatDelta,
  formatInterval,
  formatProbability,
  formatQuantile,
  formatQuantileRange,
  formatValue,
} from './number.ts';

/** A confidence level as a percentage, to one decimal where it needs one: 0.95 → '95%', 0.983 → '98.3%'. */
function percent(level: number): string {
  return `${Number((level * 100).toFixed(1))}%`;
}

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

/**
 * Per scenario: every KPI's mean, its simulation error (95% CI of the mean) and its forecast interval
 * (p05 and p95 of the per-iteration values) with the median.
 */
export function kpiTable(
  result: MonteCarloResult,
  scenarioIndex: number,
  perspective: ReportPerspective = 'captive',
): Table {
  const { name, summary } = result.scenarios[scenarioIndex]!;
  return {
    title: `${scenarioTitle(result, name)}: ${counted(summary.iterations, 'iteration')} × ${counted(summary.horizon, 'month')}`,
    header: [
      'kpi',
      'mean',
      'simulation error: 95% CI of the mean',
      'forecast interval: p05',
      'p50',
      'forecast interval: p95',
    ],
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

/**
 * Per challenger: each KPI side by side with the baseline, the paired delta with its simulation error
 * (CI of the mean delta) and forecast interval (of the per-iteration delta), both simultaneous over the
 * run's challengers when there are several (Bonferroni), P(better), the share of the delta's variance
 * the assumptions explain and the value of perfect information.
 */
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
  const { ciLevel, forecastLevel, comparisons } = comparison.summary;
  const simultaneous =
    comparisons > 1 ? `; intervals simultaneous over ${comparisons} challengers (Bonferroni)` : '';
  return {
    title: `${challengerTitle} vs ${baselineTitle} (paired over ${counted(comparison.summary.iterations, 'iteration')}${simultaneous})`,
    header: [
      'kpi',
      baselineTitle,
      challengerTitle,
      'delta',
      `simulation error: ${percent(ciLevel)} CI of the mean delta`,
      `forecast interval: ${percent(forecastLevel)} of deltas`,
      'P(better)',
      'variance from assumptions',
      'value of information',
    ],
    rows: comparison.summary.kpis.flatMap((d, i) =>
      shownFor(d.id, perspective)
        ? [
            [
              d.id,
              formatValue(baseline.kpis[i]!.mean, d.unit),
              formatValue(challenger.kpis[i]!.mean, d.unit),
              formatDelta(d.meanDelta, d.unit),
              formatInterval(d.ci, d.unit, true),
              formatQuantileRange(d.forecast?.[0] ?? null, d.forecast?.[1] ?? null, d.unit, true),
              formatProbability(d.pBetter),
              d.varianceFromAssumptions === null ? '–' : `${Math.round(d.varianceFromAssumptions * 100)}%`,
              formatDelta(d.valueOfInformation, d.unit),
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

import { kpiSpec, type KpiId, type KpiSpec } from '../result/kpis.ts';
import type { MonteCarloResult } from '../result/run.ts';
import { counted, formatDelta, formatInterval, formatProbability, formatValue } from '../report/number.ts';
import {
  renderCsv,
  renderMarkdownTable,
  renderTextTable,
  type Format,
  type RawCell,
} from '../report/render.ts';
import type { Table } from '../report/tables.ts';
import { simultaneousInterval } from '../stats/index.ts';
import type { GridPoint, ParamRange } from './param-grid.ts';

/** One point of a sweep: the parameter values, the KPI there and its paired change from the first point. */
export interface SweepPoint {
  /** The value of each swept setting, by its name (`dunning.agencyDays`). */
  readonly values: Readonly<Record<string, number>>;
  /** Mean of the KPI over iterations (its unit), and its simultaneous 95% CI. */
  readonly mean: number | null;
  readonly ci: readonly [number, number] | null;
  /** The paired change from the first point (same iterations, same random numbers); null at the first. */
  readonly delta: {
    readonly mean: number | null;
    readonly ci: readonly [number, number] | null;
    /** Share of iterations (0–1) in which this point was better than the first, ties counting half. */
    readonly pBetter: number | null;
  } | null;
}

/** The result of `cyclecast sweep`, as `--format json` writes it. */
export interface SweepResult {
  readonly format: 'cyclecast.sweep';
  readonly version: 1;
  readonly kpi: KpiId;
  readonly unit: KpiSpec['unit'];
  readonly better: KpiSpec['better'];
  readonly params: readonly { readonly name: string; readonly values: readonly number[] }[];
  /**
   * How the intervals are made: 95% simultaneous by Bonferroni, so that all the means (family: the
   * points) hold together, and all the changes (family: the points after the first) hold together.
   */
  readonly intervals: {
    readonly level: 0.95;
    readonly method: 'Bonferroni';
    readonly meansFamily: number;
    readonly deltasFamily: number;
  };
  readonly points: readonly SweepPoint[];
  /** The underlying comparison: every point a scenario, the first the baseline, in grid order. */
  readonly result: MonteCarloResult;
}

/**
 * The sweep over a comparison whose scenarios are the grid's points (first point the baseline): the KPI
 * at each point and its paired change from the first, with Bonferroni-simultaneous 95% intervals.
 */
export function sweepResult(
  result: MonteCarloResult,
  ranges: readonly ParamRange[],
  grid: readonly GridPoint[],
  kpi: KpiId,
): SweepResult {
  const spec = kpiSpec(kpi);
  const points = result.scenarios.length;
  const names = ranges.map((r) => r.name);
  return {
    format: 'cyclecast.sweep',
    version: 1,
    kpi,
    unit: spec.unit,
    better: spec.better,
    params: ranges.map((r) => ({ name: r.name, values: r.values })),
    intervals: {
      level: 0.95,
      method: 'Bonferroni',
      meansFamily: points,
      deltasFamily: Math.max(1, points - 1),
    },
    points: result.scenarios.map((scenario, i) => {
      const k = scenario.summary.kpis.find((x) => x.id === kpi)!;
      const d = i === 0 ? undefined : result.comparisons[i - 1]!.summary.kpis.find((x) => x.id === kpi)!;
      return {
        values: Object.fromEntries(names.map((n, j) => [n, grid[i]!.values[j]!])),
        mean: k.mean,
        ci: simultaneousInterval(k.mean, k.se, k.n, points),
        delta: d
          ? {
              mean: d.meanDelta,
              // The comparison's own interval: already simultaneous over its points − 1 challengers.
              ci: d.ci,
              pBetter: d.pBetter,
            }
          : null,
      };
    }),
    result,
  };
}

/** The sentence that says what the intervals are. */
export function sweepIntervalNote(sweep: SweepResult): string {
  const { meansFamily, deltasFamily } = sweep.intervals;
  return (
    `Intervals are simultaneous 95% confidence intervals of the mean (simulation error, Bonferroni): ` +
    `the ${meansFamily} means hold together, and the ${deltasFamily} changes from the first point hold together. ` +
    `Every point ran on the same random numbers, so the changes are paired.`
  );
}

/** The sweep as a table of text cells (for `table` and `md`). */
export function sweepTable(sweep: SweepResult): Table {
  const { unit } = sweep;
  const first = sweep.points[0]!;
  const firstLabel = sweep.params.map((p) => `${p.name}=${first.values[p.name]}`).join(', ');
  return {
    title: `${sweep.kpi} by ${sweep.params.map((p) => p.name).join(' and ')} (${counted(sweep.points.length, 'point')}, ${counted(sweep.result.manifest.iterations, 'iteration')}, seed ${sweep.result.manifest.seed}; changes from ${firstLabel})`,
    header: [
      ...sweep.params.map((p) => p.name),
      sweep.kpi,
      'simultaneous 95% CI',
      'change',
      'simultaneous 95% CI of change',
      'P(better)',
    ],
    rows: sweep.points.map((p) => [
      ...sweep.params.map((q) => String(p.values[q.name])),
      formatValue(p.mean, unit),
      formatInterval(p.ci, unit),
      p.delta ? formatDelta(p.delta.mean, unit) : '(first)',
      p.delta ? formatInterval(p.delta.ci, unit, true) : '',
      p.delta ? formatProbability(p.delta.pBetter) : '',
    ]),
  };
}

/** The sweep in one of the CLI's formats. */
export function renderSweep(sweep: SweepResult, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(sweep, null, 2) + '\n';
    case 'csv':
      return renderCsv(sweepRows(sweep));
    case 'md':
      return renderMarkdownTable(sweepTable(sweep)) + `\n${sweepIntervalNote(sweep)}\n`;
    case 'table':
      return renderTextTable(sweepTable(sweep)) + `\n${sweepIntervalNote(sweep)}\n`;
  }
}

/** The raw rows of `--format csv`: numbers in the KPI's unit (€, 0–1 …), a header row first. */
export function sweepRows(sweep: SweepResult): RawCell[][] {
  const header = [
    ...sweep.params.map((p) => p.name),
    'kpi',
    'mean',
    'ci_low',
    'ci_high',
    'change',
    'change_ci_low',
    'change_ci_high',
    'p_better',
  ];
  return [
    header,
    ...sweep.points.map((p) => [
      ...sweep.params.map((q) => p.values[q.name]!),
      sweep.kpi,
      p.mean,
      p.ci?.[0] ?? null,
      p.ci?.[1] ?? null,
      p.delta?.mean ?? null,
      p.delta?.ci?.[0] ?? null,
      p.delta?.ci?.[1] ?? null,
      p.delta?.pBetter ?? null,
    ]),
  ];
}

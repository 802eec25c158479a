import { kpiSpec, type KpiId, type KpiSpec } from '../result/kpis.ts';
import type { Manifest, MonteCarloResult } from '../result/run.ts';
import { counted, formatDelta, formatInterval, formatProbability, formatValue } from '../report/number.ts';
import {
  renderCsv,
  renderMarkdownTable,
  renderTextTable,
  type Format,
  type RawCell,
} from '../report/render.ts';
import type { Table } from '../report/tables.ts';
import type { Constraint, SelectionOutcome } from '../sim/montecarlo/select-best.ts';
import type { GridPoint, ParamRange } from './param-grid.ts';

/** The result of `cyclecast optimise`, as `--format json` writes it. */
export interface OptimiseResult {
  readonly format: 'cyclecast.optimise';
  readonly version: 1;
  readonly kpi: KpiId;
  readonly unit: KpiSpec['unit'];
  readonly direction: 'maximise' | 'minimise';
  readonly constraints: readonly Constraint[];
  readonly params: readonly { readonly name: string; readonly values: readonly number[] }[];
  readonly procedure: SelectionOutcome['procedure'];
  /** The chosen values, with the KPI re-estimated on the fresh seed (95% CI) and as the selection saw it. */
  readonly chosen: Choice;
  readonly runnerUp?: Choice & {
    /** Runner-up minus chosen on the fresh seed, paired: mean, 95% CI, P(runner-up better) 0–1. */
    readonly change: {
      readonly mean: number | null;
      readonly ci: readonly [number, number] | null;
      readonly pBetter: number | null;
    };
  };
  /** What to be wary of, in words: a value at the edge of the searched range, an uncertain constraint, no guarantee. */
  readonly flags: readonly string[];
  readonly alternatives: readonly (Omit<SelectionOutcome['alternatives'][number], 'constraints'> & {
    readonly values: Readonly<Record<string, number>>;
    readonly constraints: SelectionOutcome['alternatives'][number]['constraints'];
  })[];
  /** The selection's settings (seed, horizon, the most iterations): what reproduces it. */
  readonly manifest: Pick<Manifest, 'engine' | 'engineVersion' | 'seed' | 'horizonMonths'> & {
    readonly maxIterations: number;
  };
  /** The re-estimation: the chosen alternative (baseline) and the runner-up on the fresh seed. */
  readonly fresh: MonteCarloResult;
}

interface Choice {
  readonly values: Readonly<Record<string, number>>;
  readonly selectionMean: number;
  readonly freshMean: number | null;
  readonly freshCi: readonly [number, number] | null;
}

/** Assembles the report of a selection over the grid's points. */
export function optimiseResult(
  outcome: SelectionOutcome,
  ranges: readonly ParamRange[],
  grid: readonly GridPoint[],
  settings: {
    kpi: KpiId;
    direction: 'maximise' | 'minimise';
    constraints: readonly Constraint[];
    seed: number;
    horizonMonths: number;
    maxIterations: number;
    /** Per range, the [min, max] its parameter declares (values beyond are refused before the run). */
    declared: readonly (readonly [number | undefined, number | undefined])[];
  },
): OptimiseResult {
  const valuesOf = (i: number) => Object.fromEntries(ranges.map((r, j) => [r.name, grid[i]!.values[j]!]));
  const { fresh } = outcome;
  const freshKpi = (s: number) => fresh.scenarios[s]!.summary.kpis.find((k) => k.id === settings.kpi)!;
  const choice = (i: number, s: number): Choice => ({
    values: valuesOf(i),
    selectionMean: outcome.alternatives[i]!.mean,
    freshMean: freshKpi(s).mean,
    freshCi: freshKpi(s).ci95,
  });
  const flags: string[] = [];
  ranges.forEach((r, j) => {
    const v = grid[outcome.winner]!.values[j]!;
    const [min, max] = settings.declared[j]!;
    const atEdge = v === r.values[0] ? v !== min : v === r.values.at(-1) ? v !== max : false;
    if (r.values.length > 1 && atEdge) {
      flags.push(
        `${r.name}=${v} is at the ${v === r.values[0] ? 'bottom' : 'top'} of the range searched (${r.values[0]}..${r.values.at(-1)}): the best value may lie beyond it; widen the range`,
      );
    }
  });
  outcome.alternatives[outcome.winner]!.constraints.forEach((c, ci) => {
    if (c.verdict !== 'meets') {
      flags.push(
        `the chosen values meet "${settings.constraints[ci]!.text}" on average (${formatValue(c.mean, kpiSpec(settings.constraints[ci]!.kpi).unit)}), but its interval crosses the bound: more iterations would tell`,
      );
    }
  });
  if (outcome.procedure.endedBy === 'maximum') {
    flags.push(
      `the alternatives left were not told apart within the indifference zone by the maximum of ${settings.maxIterations} iterations: the probability of correct selection is not guaranteed; raise --iterations or widen --indifference`,
    );
  }
  const change = fresh.comparisons[0]?.summary.kpis.find((k) => k.id === settings.kpi);
  return {
    format: 'cyclecast.optimise',
    version: 1,
    kpi: settings.kpi,
    unit: kpiSpec(settings.kpi).unit,
    direction: settings.direction,
    constraints: settings.constraints,
    params: ranges.map((r) => ({ name: r.name, values: r.values })),
    procedure: outcome.procedure,
    chosen: choice(outcome.winner, 0),
    ...(outcome.runnerUp !== undefined && change
      ? {
          runnerUp: {
            ...choice(outcome.runnerUp, 1),
            change: { mean: change.meanDelta, ci: change.ci95, pBetter: change.pBetter },
          },
        }
      : {}),
    flags,
    alternatives: outcome.alternatives.map((a, i) => ({ values: valuesOf(i), ...a })),
    manifest: {
      engine: fresh.manifest.engine,
      engineVersion: fresh.manifest.engineVersion,
      seed: settings.seed,
      horizonMonths: settings.horizonMonths,
      maxIterations: settings.maxIterations,
    },
    fresh,
  };
}

/** The optimisation in one of the CLI's formats. */
export function renderOptimise(result: OptimiseResult, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'csv':
      return renderCsv(optimiseRows(result));
    case 'md':
      return [
        `### Optimisation\n\n${summaryLines(result)
          .map((l) => `- ${l}`)
          .join('\n')}\n`,
        renderMarkdownTable(alternativesTable(result)),
      ].join('\n');
    case 'table':
      return [summaryLines(result).join('\n') + '\n', renderTextTable(alternativesTable(result))].join('\n');
  }
}

/** What was chosen, how sure, the runner-up and the flags, one sentence each. */
export function summaryLines(r: OptimiseResult): string[] {
  const { unit, procedure: p } = r;
  const values = (v: Readonly<Record<string, number>>) =>
    Object.entries(v)
      .map(([n, x]) => `${n}=${x}`)
      .join(', ');
  const subject =
    r.constraints.length > 0 ? ` subject to ${r.constraints.map((c) => c.text).join(' and ')}` : '';
  const lines = [
    `${r.direction === 'maximise' ? 'Maximise' : 'Minimise'} ${r.kpi} over ${r.params.map((q) => q.name).join(' and ')} (${counted(r.alternatives.length, 'alternative')})${subject}.`,
    `Chosen: ${values(r.chosen.values)}. ${r.kpi} on a fresh seed (${r.fresh.manifest.seed}, ${counted(r.fresh.manifest.iterations, 'iteration')}): ${formatValue(r.chosen.freshMean, unit)} (95% CI ${formatInterval(r.chosen.freshCi, unit)}); ${formatValue(r.chosen.selectionMean, unit)} in the selection, which flatters the winner.`,
  ];
  if (r.runnerUp) {
    const c = r.runnerUp.change;
    lines.push(
      `Runner-up: ${values(r.runnerUp.values)}: ${formatDelta(c.mean, unit)} against the chosen on the fresh seed (paired 95% CI ${formatInterval(c.ci, unit, true)}; better in ${formatProbability(c.pBetter)} of iterations).`,
    );
  }
  lines.push(
    p.endedBy === 'single'
      ? 'How sure: only one alternative met the constraints after the first stage.'
      : `How sure: ${p.name}; indifference zone ${formatValue(p.delta, unit)}${p.deltaGiven ? '' : " (the verdict's materiality threshold, by default)"}; ${p.endedBy === 'maximum' ? 'NOT guaranteed (stopped at the maximum)' : `with probability at least ${Math.round(p.confidence * 100)}% the chosen is the best or within the indifference zone of it`}; ${counted(p.observations, 'batch', 'batches')} of ${p.batchSize} iterations.`,
  );
  for (const flag of r.flags) lines.push(`Flag: ${flag}.`);
  return lines;
}

function alternativesTable(r: OptimiseResult): Table {
  const sign = r.direction === 'maximise' ? 1 : -1;
  const order = [...r.alternatives.keys()].sort(
    (a, b) =>
      rank(r.alternatives[a]!.status) - rank(r.alternatives[b]!.status) ||
      sign * (r.alternatives[b]!.mean - r.alternatives[a]!.mean),
  );
  return {
    title: `Alternatives (means over the iterations each ran in the selection, seed ${r.manifest.seed})`,
    header: [
      ...r.params.map((p) => p.name),
      'status',
      'iterations',
      r.kpi,
      ...r.constraints.map((c) => c.kpi),
    ],
    rows: order.map((i) => {
      const a = r.alternatives[i]!;
      return [
        ...r.params.map((p) => String(a.values[p.name])),
        a.status,
        String(a.iterations),
        formatValue(a.mean, r.unit),
        ...a.constraints.map(
          (c, ci) => `${formatValue(c.mean, kpiSpec(r.constraints[ci]!.kpi).unit)} (${c.verdict})`,
        ),
      ];
    }),
  };
}

function rank(status: string): number {
  return ['selected', 'runner-up', 'eliminated', 'infeasible'].indexOf(status);
}

/** The raw rows of `--format csv`: one per alternative, numbers in their units. */
export function optimiseRows(r: OptimiseResult): RawCell[][] {
  return [
    [
      ...r.params.map((p) => p.name),
      'status',
      'iterations',
      `${r.kpi}_mean`,
      ...r.constraints.flatMap((c) => [`${c.kpi}_mean`, `${c.kpi}_verdict`]),
    ],
    ...r.alternatives.map((a) => [
      ...r.params.map((p) => a.values[p.name]!),
      a.status,
      a.iterations,
      a.mean,
      ...a.constraints.flatMap((c) => [c.mean, c.verdict]),
    ]),
  ];
}

import { kpiSpec, type KpiId } from '../../result/kpis.ts';
import type { Interval } from '../../result/summary.ts';
import { aggregateMonteCarlo, type RunProgress } from '../../sim/montecarlo/driver.ts';
import type { ChunkExecutor } from '../../sim/montecarlo/executor.ts';
import type { RunSettings } from '../format.ts';
import { runSpec } from '../input.ts';
import type { ResolvedScenario } from '../load.ts';
import { parseOverride, type ScenarioOverride } from '../overrides.ts';
import { WORLD_DISTRIBUTIONS, type AssumptionSource, type UncertainAssumption } from './assumptions.ts';
import { findBreakEven, type BreakEven } from './break-even.ts';
import { DECLARED_RANGES } from './declared-ranges.ts';
import { meanWithCi, spearman } from './statistics.ts';

/** The global measure's name, as the output states it. */
export const GLOBAL_METHOD =
  "Spearman's rank correlation between the assumption's drawn value and the outcome across the base run's iterations";

/** What a sensitivity analysis runs: one scenario, or a challenger against its baseline, and how. */
export interface SensitivityRequest {
  /**
   * The analysed scenarios (the baseline first, then the challenger, when comparing), loaded with
   * `fixed` applied after the command's own `--set` options: how an assumption is held at a value.
   */
  readonly load: (fixed: readonly ScenarioOverride[]) => Promise<ResolvedScenario[]>;
  /** Run settings given on the command line, over the (first) scenario's run block. */
  readonly settings: Partial<RunSettings>;
  readonly kpi: KpiId;
  readonly executor: ChunkExecutor;
  /** The low and high quantiles each assumption is held at, 0–1 (default 0.1 and 0.9). */
  readonly low?: number;
  readonly high?: number;
  /** With a comparison: how many of the widest bars get a break-even value (default 5). */
  readonly breakEvens?: number;
  /**
   * With a comparison: assumptions (world paths, e.g. 'parties.upliftSupport') that get a break-even
   * value whatever their rank, after the widest bars'. Each must be uncertain (see {@link unknownPaths}).
   */
  readonly breakEvenFor?: readonly string[];
  /** Bisection steps per break-even value, each one run (default 12: 1/4096 of the range). */
  readonly bisectionSteps?: number;
  /** Where the uncertain assumptions come from (default: the world's distributions). */
  readonly sources?: readonly AssumptionSource[];
  /**
   * How many of the screenable assumptions (all but the world's explicit distributions) are held at
   * their quantiles: the top ones by |ρ| in the base run (default 10; Infinity: every one).
   */
  readonly top?: number;
  /** Progress over every run of the analysis: iterations done and (at most) to do. */
  readonly onProgress?: (progress: RunProgress) => void;
}

/** One assumption's bar in the tornado. */
export interface TornadoBar extends Pick<UncertainAssumption, 'path' | 'label' | 'unit' | 'distribution'> {
  /** The assumption held at its low quantile: its value, and the outcome's mean and 95 % CI. */
  readonly low: HeldAt;
  readonly high: HeldAt;
  /** Outcome at the high quantile minus at the low, in the KPI's unit. */
  readonly swing: number;
  /** 95 % CI of the swing over iterations (paired: the same random numbers at both ends). */
  readonly swingCi95: Interval | null;
  /** The swing's CI includes 0: the bar is within simulation error. */
  readonly withinSimulationError: boolean;
  /** Spearman's ρ of the drawn value against the outcome in the base run (−1…1), null when undefined. */
  readonly rankCorrelation: number | null;
}

/** An assumption screened out by its rank correlation: drawn in every run, never held. */
export interface ScreenedAssumption extends Pick<
  UncertainAssumption,
  'path' | 'label' | 'unit' | 'distribution'
> {
  /** Spearman's ρ of the drawn value against the outcome in the base run (−1…1), null when undefined. */
  readonly rankCorrelation: number | null;
}

export interface HeldAt {
  /** The quantile, 0–1. */
  readonly p: number;
  /** The assumption's value at it, in its own unit. */
  readonly value: number;
  readonly mean: number;
  readonly ci95: Interval | null;
}

export interface SensitivityResult {
  readonly scenario: string;
  /** The baseline's name when the outcome is the paired delta against it. */
  readonly baseline?: string;
  readonly kpi: KpiId;
  readonly unit: string;
  readonly better: 'higher' | 'lower';
  readonly seed: number;
  readonly iterations: number;
  readonly horizonMonths: number;
  /** The command's `--set` options, so the analysis can be repeated. */
  readonly overrides: readonly string[];
  /** The outcome with every assumption drawn: the KPI, or the challenger minus the baseline. */
  readonly base: { readonly mean: number; readonly ci95: Interval | null };
  /** Widest swing first. */
  readonly bars: readonly TornadoBar[];
  /** Assumptions not held because their |ρ| ranked below the top `top`, highest |ρ| first. */
  readonly screened: readonly ScreenedAssumption[];
  /** How many screenable assumptions were held (null: every one). */
  readonly top: number | null;
  readonly globalMethod: string;
  /** With a comparison: break-even values of the widest bars, in the tornado's order. */
  readonly breakEvens?: readonly BreakEven[];
  /** Runs of the whole analysis (each on the same seed and iterations). */
  readonly runs: number;
}

/**
 * The tornado of `request`: for each uncertain world assumption, the outcome with that assumption held
 * at its low and high quantiles and everything else drawn as usual, every run on the same seed and
 * iterations (common random numbers: each assumption is drawn from its own stream, so holding one
 * leaves the others' draws as they were). Adds the rank correlation of each drawn value with the
 * outcome in the base run and, for a comparison, break-even values by bisection.
 */
export async function runSensitivity(
  request: SensitivityRequest,
  overrides: readonly ScenarioOverride[] = [],
): Promise<SensitivityResult> {
  const low = request.low ?? 0.1;
  const high = request.high ?? 0.9;
  const baseScenarios = await request.load([]);
  const comparing = baseScenarios.length > 1;
  const subject = baseScenarios.at(-1)!;
  const spec = runSpec(baseScenarios, request.settings);
  const sources = request.sources ?? sensitivitySources(baseScenarios, request.settings);
  const assumptions = assumptionsOf(baseScenarios, sources);
  const explicit = new Set(assumptionsOf(baseScenarios, [WORLD_DISTRIBUTIONS]).map((a) => a.path));
  const top = request.top ?? DEFAULT_TOP;
  const screenable = assumptions.filter((a) => !explicit.has(a.path)).length;
  const heldCount = assumptions.length - screenable + Math.min(top, screenable);
  const steps = request.bisectionSteps ?? 12;
  const breakEvenCount = comparing ? Math.min(request.breakEvens ?? 5, heldCount) : 0;
  const asked = comparing ? (request.breakEvenFor ?? []) : [];
  const plannedRuns = 1 + 2 * heldCount + (breakEvenCount + asked.length) * (2 + steps);
  let runs = 0;
  const better = kpiSpec(request.kpi).better;

  /** The outcome per iteration with `fixed` held: the KPI, or challenger − baseline. */
  const outcomes = async (fixed: readonly ScenarioOverride[]): Promise<number[]> => {
    const scenarios = fixed.length === 0 ? baseScenarios : await request.load(fixed);
    const done = runs++ * spec.iterations;
    const aggregates = await aggregateMonteCarlo(
      { ...runSpec(scenarios, request.settings), trackKpi: request.kpi },
      request.executor,
      {
        onProgress: (p) =>
          request.onProgress?.({
            completedIterations: done + p.completedIterations,
            totalIterations: plannedRuns * spec.iterations,
          }),
      },
    );
    const values = aggregates.kpiValues!;
    return comparing ? values[1]!.map((c, i) => c - values[0]![i]!) : [...values[0]!];
  };

  const baseOutcomes = await outcomes([]);
  const draws = drawnValues(subject, sources, spec.seed, spec.iterations, assumptions);
  const rho = new Map(assumptions.map((a) => [a.path, spearman(draws.get(a.path)!, baseOutcomes)]));
  const byRho = [...assumptions]
    .filter((a) => !explicit.has(a.path))
    .sort((x, y) => absRho(rho.get(y.path)) - absRho(rho.get(x.path)) || x.path.localeCompare(y.path));
  const dropped = new Set(byRho.slice(Math.min(top, byRho.length)).map((a) => a.path));
  const screened = byRho
    .filter((a) => dropped.has(a.path))
    .map((a) => ({
      path: a.path,
      label: a.label,
      unit: a.unit,
      distribution: a.distribution,
      rankCorrelation: rho.get(a.path)!,
    }));
  const bars: TornadoBar[] = [];
  for (const a of assumptions.filter((x) => !dropped.has(x.path))) {
    const [lowValue, highValue] = [a.quantile(low), a.quantile(high)];
    const atLow = await outcomes([holdAt(a, lowValue)]);
    const atHigh = await outcomes([holdAt(a, highValue)]);
    const swing = meanWithCi(atHigh.map((h, i) => h - atLow[i]!));
    bars.push({
      path: a.path,
      label: a.label,
      unit: a.unit,
      distribution: a.distribution,
      low: { p: low, value: lowValue, ...meanOf(atLow) },
      high: { p: high, value: highValue, ...meanOf(atHigh) },
      swing: swing.mean,
      swingCi95: swing.ci95,
      withinSimulationError: swing.ci95 === null || (swing.ci95[0] <= 0 && swing.ci95[1] >= 0),
      rankCorrelation: rho.get(a.path)!,
    });
  }
  bars.sort((x, y) => Math.abs(y.swing) - Math.abs(x.swing) || x.path.localeCompare(y.path));

  let breakEvens: BreakEven[] | undefined;
  if (comparing) {
    breakEvens = [];
    const sign = better === 'higher' ? 1 : -1;
    const paths = [...new Set([...bars.slice(0, breakEvenCount).map((b) => b.path), ...asked])];
    for (const path of paths) {
      const a = assumptions.find((x) => x.path === path);
      if (!a) throw new RangeError(`invalid break-even assumption ${path}: it is not uncertain here`);
      breakEvens.push(
        await findBreakEven(
          a,
          async (value) => sign * meanOf(await outcomes([holdAt(a, value)])).mean,
          steps,
        ),
      );
    }
  }
  return {
    scenario: subject.name,
    ...(comparing ? { baseline: baseScenarios[0]!.name } : {}),
    kpi: request.kpi,
    unit: kpiSpec(request.kpi).unit,
    better,
    seed: spec.seed,
    iterations: spec.iterations,
    horizonMonths: spec.horizonMonths,
    overrides: overrides.map((o) => o.text),
    base: meanOf(baseOutcomes),
    bars,
    screened,
    top: Number.isFinite(top) ? top : null,
    globalMethod: GLOBAL_METHOD,
    ...(breakEvens ? { breakEvens } : {}),
    runs,
  };
}

/** Screenable assumptions held by default: the top 10 by |ρ|. */
export const DEFAULT_TOP = 10;

/** |ρ| for ranking, an undefined ρ last. */
function absRho(r: number | null | undefined): number {
  return r === null || r === undefined || Number.isNaN(r) ? -1 : Math.abs(r);
}

/**
 * Where the analysis finds its uncertain assumptions by default: the world's explicit distributions and,
 * when the run draws them (run.uncertainty), the declared ranges of the values left at their defaults.
 */
export function sensitivitySources(
  scenarios: readonly ResolvedScenario[],
  settings: Partial<RunSettings>,
): AssumptionSource[] {
  return runSpec(scenarios, settings).uncertainty === true
    ? [WORLD_DISTRIBUTIONS, DECLARED_RANGES]
    : [WORLD_DISTRIBUTIONS];
}

/**
 * The paths of `wanted` that name no uncertain assumption of `scenarios` (with the paths that do, for a
 * did-you-mean): checked before any run, so a misspelt --break-even-for fails at once.
 */
export function unknownPaths(
  scenarios: readonly ResolvedScenario[],
  wanted: readonly string[],
  sources: readonly AssumptionSource[] = [WORLD_DISTRIBUTIONS],
): { unknown: string[]; known: string[] } {
  const known = assumptionsOf(scenarios, sources).map((a) => a.path);
  return { unknown: wanted.filter((p) => !known.includes(p)), known };
}

/**
 * The uncertain assumptions of the analysed scenarios: the challenger's (the last), then any only the
 * baseline draws. Held values are applied to every scenario, so the challenger's distribution sets them.
 */
function assumptionsOf(
  scenarios: readonly ResolvedScenario[],
  sources: readonly AssumptionSource[],
): UncertainAssumption[] {
  const all = new Map<string, UncertainAssumption>();
  for (const scenario of [...scenarios].reverse()) {
    for (const source of sources) {
      for (const a of source.find(scenario.world)) if (!all.has(a.path)) all.set(a.path, a);
    }
  }
  return [...all.values()];
}

/** The `--set` that holds `a` at `value` in every scenario (so it is checked like the user's own). */
function holdAt(a: UncertainAssumption, value: number): ScenarioOverride {
  const { override, problem } = parseOverride(`world.${a.path}=${JSON.stringify(a.held(value))}`);
  if (!override) throw new Error(`cannot hold ${a.path}: ${problem?.message}`);
  return override;
}

function meanOf(values: readonly number[]): { mean: number; ci95: Interval | null } {
  const { mean, ci95 } = meanWithCi(values);
  return { mean, ci95 };
}

/**
 * Each assumption's drawn value per iteration of the base run, recomputed from the run's seed by its
 * source (the draws depend only on the seed, the iteration and the assumption's path).
 */
function drawnValues(
  scenario: ResolvedScenario,
  sources: readonly AssumptionSource[],
  seed: number,
  iterations: number,
  assumptions: readonly UncertainAssumption[],
): Map<string, number[]> {
  const draws = new Map(
    assumptions.map((a): [string, number[]] => [a.path, new Array<number>(iterations).fill(NaN)]),
  );
  for (let i = 0; i < iterations; i++) {
    for (const source of sources) {
      source.drawn(scenario.world, seed, i, (path, value) => {
        const row = draws.get(path);
        if (row) row[i] = value;
      });
    }
  }
  return draws;
}

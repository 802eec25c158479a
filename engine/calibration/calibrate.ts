import type { ResolvedScenario } from '../scenario/load.ts';
import { scenarioInput } from '../scenario/input.ts';
import { generatePortfolio } from '../portfolio/population.ts';
import { prepareScenario, simulate } from '../sim/iteration.ts';
import { studentTQuantile } from '../stats/student-t.ts';
import type { World } from '../world/assumptions.ts';
import { fitParameter, type Fit } from './fit.ts';
import { measure } from './measures.ts';
import type { CalibrationTarget } from './targets.ts';
import { numericPaths, valueAt, withValue } from './world-path.ts';

/*
 * `cyclecast calibrate`: fits each target's parameter in turn on the baseline (each fit starting from
 * the world the earlier fits left), then runs the fitted world once more and reports every target
 * against what it achieves, with a 95 % confidence interval over the iterations. Every evaluation
 * runs the same iterations with the same seed (common random numbers), so a change of the measure is
 * the parameter's doing, not luck's.
 */

export interface CalibrationSettings {
  /** Iterations per evaluation (at least 2, for an interval). */
  readonly iterations: number;
  readonly seed: number;
  readonly horizonMonths: number;
  /** Evaluations allowed per target and pass (at least 2: the bracket's ends). */
  readonly maxEvaluations: number;
  /**
   * Rounds over the targets (at least 1): a later fit moves what an earlier one measured (more
   * renewals change the book's losses), so a second round refits each on the others' fitted values.
   * 0 measures the targets on the world as it is and fits nothing.
   */
  readonly passes: number;
}

/** What a target achieves in the fitted world: mean over the iterations and its 95 % CI, 0–1. */
export interface Achieved {
  readonly mean: number;
  readonly low: number;
  readonly high: number;
}

export interface CalibrationRow {
  readonly target: CalibrationTarget;
  /** The parameter in the scenario's world before the fit. */
  readonly from: number;
  readonly fit: Fit;
  /** With every fitted value in place. */
  readonly achieved: Achieved;
}

export interface Calibration {
  readonly scenario: string;
  readonly file: string;
  /** The `--set` what-ifs the scenario was run with, as given. */
  readonly overrides: readonly string[];
  readonly contracts: number;
  readonly settings: CalibrationSettings;
  readonly rows: readonly CalibrationRow[];
}

/**
 * The problems that stop a calibration before it runs, each `invalid target "ID": …`: an unknown
 * parameter, a bracket outside its domain, a parameter the scenario gives as a distribution.
 */
export function targetProblems(scenario: ResolvedScenario, targets: readonly CalibrationTarget[]): string[] {
  const domains = numericPaths();
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const t of targets) {
    const at = `invalid target "${t.id}"`;
    const domain = domains.get(t.parameter);
    if (domain === undefined) {
      problems.push(`${at}: parameter "${t.parameter}" is not a number of the world`);
      continue;
    }
    const [low, high] = t.bracket;
    if (!(low < high) || low < domain.lo || high > domain.hi) {
      problems.push(
        `${at}: bracket [${low}, ${high}] must be increasing and within "${t.parameter}"'s domain [${domain.lo}, ${domain.hi}] (${domain.unit})`,
      );
    }
    if (typeof valueAt(scenario.world, t.parameter) !== 'number') {
      problems.push(
        `${at}: ${scenario.file} gives "${t.parameter}" as a distribution; calibrate fits a number`,
      );
    }
    const other = seen.get(t.parameter);
    if (other !== undefined) {
      problems.push(`${at}: parameter "${t.parameter}" is fitted by target "${other}" already`);
    }
    seen.set(t.parameter, t.id);
  }
  return problems;
}

/**
 * Fits every target's parameter on `scenario` (see the module comment). `progress` hears each target
 * as it is fitted. Throws `invalid target …` for what targetProblems finds.
 */
export function calibrate(
  scenario: ResolvedScenario,
  targets: readonly CalibrationTarget[],
  settings: CalibrationSettings,
  progress: (line: string) => void = () => {},
  overrides: readonly string[] = [],
): Calibration {
  const problems = targetProblems(scenario, targets);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const population = generatePortfolio(scenario.portfolio, settings.seed);
  const run = (world: World): ((target: CalibrationTarget) => number[]) => {
    const setup = prepareScenario(
      scenarioInput({ ...scenario, world }),
      settings.horizonMonths,
      settings.seed,
      population,
    );
    const results = Array.from({ length: settings.iterations }, (_, k) => simulate(setup, k).result);
    return (target) => results.map((r) => measure(target.measure, r));
  };

  let world = scenario.world;
  const from = targets.map((t) => valueAt(world, t.parameter) as number);
  const fits: { target: CalibrationTarget; from: number; fit: Fit }[] = targets.map((target, k) => ({
    target,
    from: from[k]!,
    fit: { value: from[k]!, achieved: NaN, evaluations: 0, status: 'not fitted' },
  }));
  for (let pass = 1; pass <= settings.passes; pass++) {
    targets.forEach((target, k) => {
      const before = valueAt(world, target.parameter) as number;
      const base = world;
      const fit = fitParameter(
        (x) => mean(run(withValue(base, target.parameter, x))(target)),
        target.value,
        target.bracket,
        target.tolerance,
        settings.maxEvaluations,
      );
      world = withValue(world, target.parameter, fit.value);
      const runs = fit.evaluations + fits[k]!.fit.evaluations;
      fits[k] = { target, from: from[k]!, fit: { ...fit, evaluations: runs } };
      progress(
        `pass ${pass}, ${target.id}: ${target.parameter} ${before} → ${fit.value} (${fit.status}, ${fit.evaluations} runs)`,
      );
    });
  }
  const fitted = run(world);
  return {
    scenario: scenario.name,
    file: scenario.file,
    overrides,
    contracts: population.contracts.count,
    settings,
    rows: fits.map((f) => ({ ...f, achieved: interval(fitted(f.target)) })),
  };
}

function mean(xs: readonly number[]): number {
  let sum = 0;
  for (const x of xs) sum += x;
  return sum / xs.length;
}

/** Mean and 95 % Student-t confidence interval of the iterations' values. */
function interval(xs: readonly number[]): Achieved {
  const m = mean(xs);
  let squares = 0;
  for (const x of xs) squares += (x - m) * (x - m);
  const half =
    xs.length < 2
      ? NaN
      : studentTQuantile(0.975, xs.length - 1) * Math.sqrt(squares / (xs.length - 1) / xs.length);
  return { mean: m, low: m - half, high: m + half };
}

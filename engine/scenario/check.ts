import {
  formatProblem,
  joinPointer,
  valueProblem,
  type Problem,
  type ValueProblem,
} from '../json/problem.ts';
import { comparabilityProblems } from './comparable.ts';
import type { MonteCarloResult } from '../result/run.ts';
import type { RunSettings } from './format.ts';
import { judgeLevel, judgePaired, type Verdict } from './judge.ts';
import { locateInScenario, type ReadFile, type ResolvedScenario } from './load.ts';

/**
 * `cyclecast check` without the file system: which Monte Carlo runs judge a set of scenarios'
 * expectations, and the verdicts from their results. Each scenario compared with (`vs`) runs once, as the
 * baseline of every scenario that compares with it, so all those pairs share common random numbers.
 */

/** One Monte Carlo run: the baseline first, then its challengers, on the baseline's settings. */
export interface CheckRun {
  readonly scenarios: readonly ResolvedScenario[];
  readonly settings: RunSettings;
}

/** A problem with a scenario's claims, at a JSON pointer of its (resolved) file, not yet placed at a line. */
export interface CheckPlanProblem {
  /** The scenario file the problem is in (the challenger, for a pair that cannot be compared). */
  readonly file: string;
  readonly problem: ValueProblem;
}

export interface CheckPlan {
  readonly runs: readonly CheckRun[];
  /**
   * Why the scenarios cannot be checked as given: a scenario compared with that is not loaded, or a
   * pair whose book or run settings differ; {@link runCheck} places each at its line.
   */
  readonly problems: readonly CheckPlanProblem[];
}

export interface CheckedScenario {
  readonly scenario: ResolvedScenario;
  /** One per assertion, in `expect` order. */
  readonly verdicts: readonly Verdict[];
  /** The run its own (level) claims were judged on: for its settings in reports. */
  readonly settings: RunSettings;
}

export interface CheckOutcome {
  readonly scenarios: readonly CheckedScenario[];
  readonly runs: number;
  readonly passed: number;
  readonly failed: number;
}

export interface CheckOptions {
  /** Overrides every run's iteration count. */
  readonly iterations?: number;
  /**
   * The identity of a scenario file, so that two spellings of one path run once
   * (the CLI passes an absolute path resolver). Default: the path as is.
   */
  readonly key?: (file: string) => string;
}

/**
 * Plans the runs that judge the `judged` scenarios' expectations (scenarios without any are skipped).
 * `lookup` returns the loaded scenario of a `vs` path. Runs come in a stable order: one per compared
 * scenario (sorted by key) with the judged scenarios that compare with it (in the order given), then one
 * per remaining judged scenario with level claims only.
 */
export function planCheck(
  judged: readonly ResolvedScenario[],
  lookup: (file: string) => ResolvedScenario | undefined,
  options: CheckOptions = {},
): CheckPlan {
  const key = options.key ?? ((file: string) => file);
  const problems: CheckPlanProblem[] = [];
  const groups = new Map<
    string,
    { baseline: ResolvedScenario; challengers: Map<string, ResolvedScenario> }
  >();
  const scenarios = unique(
    judged.filter((s) => s.expect.length > 0),
    key,
  );

  for (const scenario of scenarios) {
    for (const [index, assertion] of scenario.expect.entries()) {
      if (assertion.kind !== 'paired') continue;
      const baseline = lookup(assertion.vs);
      if (!baseline) {
        problems.push({
          file: scenario.file,
          problem: valueProblem(
            joinPointer('/expect', index, 'vs'),
            `invalid vs: the scenario compared with, ${assertion.vs}, is not among the scenarios loaded`,
            'check it together with this scenario',
          ),
        });
        continue;
      }
      const group = groups.get(key(baseline.file)) ?? { baseline, challengers: new Map() };
      groups.set(key(baseline.file), group);
      group.challengers.set(key(scenario.file), scenario);
    }
  }

  const runs: CheckRun[] = [];
  for (const groupKey of [...groups.keys()].sort()) {
    const { baseline, challengers } = groups.get(groupKey)!;
    const settings = runSettings(baseline, options.iterations);
    for (const challenger of challengers.values()) {
      // The run settings are compared below, iterations included: a claim is judged on one run.
      for (const p of comparabilityProblems(baseline, challenger).filter((p) =>
        p.pointer.startsWith('/portfolio'),
      )) {
        problems.push({
          file: challenger.file,
          problem: { ...p, message: `compared with ${baseline.file}, ${p.message}` },
        });
      }
      for (const problem of settingsMismatch(
        runSettings(challenger, options.iterations),
        settings,
        baseline,
      )) {
        problems.push({ file: challenger.file, problem });
      }
    }
    runs.push({ scenarios: [baseline, ...challengers.values()], settings });
  }
  const covered = new Set(runs.flatMap((r) => r.scenarios.map((s) => key(s.file))));
  for (const scenario of scenarios) {
    if (!covered.has(key(scenario.file))) {
      runs.push({ scenarios: [scenario], settings: runSettings(scenario, options.iterations) });
    }
  }
  return { runs, problems };
}

/**
 * Judges every assertion of the `judged` scenarios on the results of the plan's runs (`results[i]` is
 * the result of `plan.runs[i]`). A scenario's level claims read its own summary from the run in which it
 * is the baseline, else the first run that holds it; a paired claim reads the comparison in the run of
 * its `vs` scenario.
 */
export function judgeCheck(
  judged: readonly ResolvedScenario[],
  plan: CheckPlan,
  results: readonly MonteCarloResult[],
  options: CheckOptions = {},
): CheckOutcome {
  const key = options.key ?? ((file: string) => file);
  const runKeys = plan.runs.map((run) => run.scenarios.map((s) => key(s.file)));
  const checked: CheckedScenario[] = [];
  let passed = 0;
  let failed = 0;
  for (const scenario of unique(
    judged.filter((s) => s.expect.length > 0),
    key,
  )) {
    const own = key(scenario.file);
    const home = homeOf(runKeys, own);
    const verdicts = scenario.expect.map((assertion): Verdict => {
      if (assertion.kind === 'level') {
        const result = results[home.run]!;
        return judgeLevel(assertion, result.scenarios[home.position]!.summary);
      }
      const run = runKeys.findIndex((keys) => keys[0] === key(assertion.vs));
      // Challengers follow the baseline; comparisons are numbered from the first challenger.
      const position = runKeys[run]!.indexOf(own, 1);
      return judgePaired(assertion, results[run]!.comparisons[position - 1]!.summary);
    });
    for (const v of verdicts) {
      if (v.passed) passed++;
      else failed++;
    }
    // A run that stopped on precision may have taken fewer iterations than planned: report those.
    const settings = plan.runs[home.run]!.settings;
    const precision = results[home.run]!.manifest.precision;
    checked.push({
      scenario,
      verdicts,
      settings: precision ? { ...settings, iterations: precision.iterationsTaken } : settings,
    });
  }
  return { scenarios: checked, runs: plan.runs.length, passed, failed };
}

/**
 * Plans, runs (one `simulate` call per run, one after the other) and judges. `read` reads the
 * scenario files again to place a plan problem at its line.
 * @throws CheckPlanError with the plan's problems, each located, before anything runs, when there are any.
 */
export async function runCheck(
  judged: readonly ResolvedScenario[],
  lookup: (file: string) => ResolvedScenario | undefined,
  simulate: (run: CheckRun, index: number, of: number) => Promise<MonteCarloResult>,
  read: ReadFile,
  options: CheckOptions = {},
): Promise<CheckOutcome> {
  const plan = planCheck(judged, lookup, options);
  if (plan.problems.length > 0) throw new CheckPlanError(await locatePlanProblems(plan.problems, read));
  const results: MonteCarloResult[] = [];
  for (const [index, run] of plan.runs.entries()) results.push(await simulate(run, index, plan.runs.length));
  return judgeCheck(judged, plan, results, options);
}

/** Each plan problem placed in the file of its scenario's `extends` chain that holds the value, in plan order by file. */
export async function locatePlanProblems(
  problems: readonly CheckPlanProblem[],
  read: ReadFile,
): Promise<Problem[]> {
  const files = [...new Set(problems.map((p) => p.file))];
  const located = await Promise.all(
    files.map((file) =>
      locateInScenario(
        file,
        read,
        problems.filter((p) => p.file === file).map((p) => p.problem),
      ),
    ),
  );
  return located.flat();
}

/** The scenarios as given cannot be checked; `problems` says why and where, one located problem each. */
export class CheckPlanError extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super(problems.map(formatProblem).join('\n'));
    this.name = 'CheckPlanError';
  }
}

function runSettings(scenario: ResolvedScenario, iterations: number | undefined): RunSettings {
  return iterations === undefined ? scenario.run : { ...scenario.run, iterations };
}

/** One problem per run setting in which a challenger (`ours`) differs from the baseline it is compared with. */
function settingsMismatch(
  ours: RunSettings,
  theirs: RunSettings,
  baseline: ResolvedScenario,
): ValueProblem[] {
  return (['horizonMonths', 'seed', 'iterations'] as const)
    .filter((k) => ours[k] !== theirs[k])
    .map((k) =>
      valueProblem(
        joinPointer('/run', k),
        `invalid run.${k}: ${ours[k]} differs from the ${theirs[k]} of ${baseline.file}, which it is compared with; ` +
          'paired claims run both scenarios on the same iterations, seed and horizon',
        `give both the same run settings; a scenario that extends the other inherits them${k === 'iterations' ? ', or pass --iterations' : ''}`,
      ),
    );
}

/** Where a scenario's own summary is read: the run it leads, else the first run that holds it. */
function homeOf(runKeys: readonly (readonly string[])[], own: string): { run: number; position: number } {
  const led = runKeys.findIndex((keys) => keys[0] === own);
  if (led >= 0) return { run: led, position: 0 };
  const run = runKeys.findIndex((keys) => keys.includes(own));
  return { run, position: runKeys[run]!.indexOf(own) };
}

function unique(scenarios: readonly ResolvedScenario[], key: (file: string) => string): ResolvedScenario[] {
  const seen = new Set<string>();
  return scenarios.filter((s) => {
    const k = key(s.file);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

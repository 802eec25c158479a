import { comparabilityProblems } from './comparable.ts';
import type { MonteCarloResult } from '../result/run.ts';
import type { RunSettings } from './format.ts';
import { judgeLevel, judgePaired, type Verdict } from './judge.ts';
import type { ResolvedScenario } from './load.ts';

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

export interface CheckPlan {
  readonly runs: readonly CheckRun[];
  /** Why the scenarios cannot be checked as given (run settings of compared scenarios that differ). */
  readonly problems: readonly string[];
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
  const problems: string[] = [];
  const groups = new Map<
    string,
    { baseline: ResolvedScenario; challengers: Map<string, ResolvedScenario> }
  >();
  const scenarios = unique(
    judged.filter((s) => s.expect.length > 0),
    key,
  );

  for (const scenario of scenarios) {
    for (const assertion of scenario.expect) {
      if (assertion.kind !== 'paired') continue;
      const baseline = lookup(assertion.vs);
      if (!baseline) {
        problems.push(`${scenario.file}: the scenario compared with, ${assertion.vs}, is not loaded`);
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
        problems.push(`${challenger.file}: compared with ${baseline.file}, ${p.message}`);
      }
      const mismatch = settingsMismatch(runSettings(challenger, options.iterations), settings);
      if (mismatch) {
        problems.push(
          `${challenger.file}: its run settings differ from those of ${baseline.file}, which it is compared with (${mismatch}); ` +
            'paired claims run both scenarios on the same iterations, seed and horizon: give them the same run settings ' +
            '(a scenario that extends the other inherits them)',
        );
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
 * Plans, runs (one `simulate` call per run, one after the other) and judges.
 * @throws Error listing the plan's problems, before anything runs, when there are any.
 */
export async function runCheck(
  judged: readonly ResolvedScenario[],
  lookup: (file: string) => ResolvedScenario | undefined,
  simulate: (run: CheckRun, index: number, of: number) => Promise<MonteCarloResult>,
  options: CheckOptions = {},
): Promise<CheckOutcome> {
  const plan = planCheck(judged, lookup, options);
  if (plan.problems.length > 0) throw new CheckPlanError(plan.problems);
  const results: MonteCarloResult[] = [];
  for (const [index, run] of plan.runs.entries()) results.push(await simulate(run, index, plan.runs.length));
  return judgeCheck(judged, plan, results, options);
}

/** The scenarios as given cannot be checked; `problems` says why, one sentence each. */
export class CheckPlanError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
    this.name = 'CheckPlanError';
  }
}

function runSettings(scenario: ResolvedScenario, iterations: number | undefined): RunSettings {
  return iterations === undefined ? scenario.run : { ...scenario.run, iterations };
}

function settingsMismatch(a: RunSettings, b: RunSettings): string | undefined {
  const differences = (['horizonMonths', 'seed', 'iterations'] as const)
    .filter((k) => a[k] !== b[k])
    .map((k) => `run.${k} ${a[k]} against ${b[k]}`);
  return differences.length > 0 ? differences.join(', ') : undefined;
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

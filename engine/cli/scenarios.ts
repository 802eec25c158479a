import {
  comparabilityProblems,
  formatProblem,
  loadScenario,
  locateInScenario,
  parseJsonDocument,
} from '../index.ts';
import type { Problem, ResolvedScenario, RunSettings, ScenarioOverride } from '../index.ts';
import { UserError } from './errors.ts';
import { attachTape } from './tape/attach.ts';
import { classify, diskReader } from './scenario-files.ts';

/**
 * Loads and validates a scenario from disk; every problem is a located line, and any error stops. A
 * rule set given where a scenario belongs is said so in one line, not as a scenario's nine problems.
 * `overrides` (`--set`) apply over the file and are checked like it.
 */
export async function readScenario(
  file: string,
  overrides: readonly ScenarioOverride[] = [],
  read = diskReader(),
  excludeShare?: number,
): Promise<ResolvedScenario> {
  const text = await read(file).catch(() => undefined);
  if (text !== undefined && classify(parseJsonDocument(text, file).value) === 'rule-set') {
    throw new UserError(
      `${file} is a rule set, not a scenario: simulations run scenarios, which name one rule set per policy kind in "policies" (see scenarios/baseline.json); check a rule set with cyclecast validate or cyclecast rules eval`,
    );
  }
  const { scenario, problems } = await loadScenario(file, read, overrides);
  const errors = problems.filter((p) => p.severity === 'error');
  if (!scenario || errors.length > 0) throw new UserError(errors.map(formatProblem).join('\n'));
  const withTape = await attachTape(scenario, excludeShare);
  if (!withTape.scenario) throw new UserError(withTape.problems.map(formatProblem).join('\n'));
  return withTape.scenario;
}

/**
 * Loads the scenarios of a run or a comparison (baseline first) with the same `overrides`, and refuses,
 * before anything runs, a challenger that cannot be paired with the baseline: one located problem per
 * difference in book, horizon or seed (run settings `given` on the command line apply to all).
 */
export async function readComparison(
  files: readonly string[],
  overrides: readonly ScenarioOverride[],
  given: Partial<RunSettings>,
  excludeShare?: number,
): Promise<ResolvedScenario[]> {
  const read = diskReader();
  const scenarios: ResolvedScenario[] = [];
  for (const file of files) scenarios.push(await readScenario(file, overrides, read, excludeShare));
  const [baseline, ...challengers] = scenarios;
  const problems: Problem[] = [];
  for (const challenger of challengers) {
    const found = comparabilityProblems(baseline!, challenger, given);
    problems.push(...(await locateInScenario(challenger.file, read, found)));
  }
  if (problems.length > 0) throw new UserError(problems.map(formatProblem).join('\n'));
  return scenarios;
}

export { scenarioInput } from '../index.ts';

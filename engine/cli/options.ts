import { describeValue, formatProblem, kpiIdProblem, parseOverride, RUN_LIMITS } from '../index.ts';
import type { KpiId, MonteCarloResult, Problem, ScenarioOverride } from '../index.ts';
import { UserError } from './errors.ts';

/**
 * A whole-number option, or undefined when it was not given.
 * @example parseWhole('--iterations', '200', 1, 1_000_000) // 200
 */
export function parseWhole(
  flag: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UserError(
      `invalid ${flag} ${describeValue(text)}: expected a whole number from ${min} to ${max}`,
    );
  }
  return value;
}

/**
 * A run setting's flag within its limits (RUN_LIMITS), or undefined when it was not given.
 * @example parseRunSetting('--horizon', '60', 'horizonMonths') // 60
 */
export function parseRunSetting(
  flag: string,
  text: string | undefined,
  key: keyof typeof RUN_LIMITS,
): number | undefined {
  return parseWhole(flag, text, RUN_LIMITS[key].min, RUN_LIMITS[key].max);
}

/**
 * The worker count, warning on standard error (one line) when it is above the machine's cores: the
 * results are the same, but extra workers only compete for the cores and slow the run down.
 */
export function checkWorkers(workers: number, cores: number, warn: (line: string) => void): number {
  if (workers > cores) {
    warn(
      `warning: --workers ${workers} is more than the ${cores} core${cores === 1 ? '' : 's'} here: the results are the same, but the extra workers slow the run; use --workers ${cores} or leave it out\n`,
    );
  }
  return workers;
}

/** One of a fixed list of words, or the fallback when it was not given. */
export function parseChoice<T extends string>(
  flag: string,
  text: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (text === undefined) return fallback;
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UserError(`invalid ${flag} ${describeValue(text)}: expected one of ${choices.join(', ')}`);
}

/**
 * The `--set PATH=VALUE` options, in the order given; every malformed one is reported (one line each)
 * before anything is loaded.
 */
export function parseOverrides(texts: readonly string[] | undefined): ScenarioOverride[] {
  const overrides: ScenarioOverride[] = [];
  const problems: Problem[] = [];
  for (const text of texts ?? []) {
    const { override, problem } = parseOverride(text);
    if (override) overrides.push(override);
    if (problem) problems.push(problem);
  }
  if (problems.length > 0) throw new UserError(problems.map(formatProblem).join('\n'));
  return overrides;
}

/** `--iterations`, `--seed` and `--horizon`, each within RUN_LIMITS, when given. */
export function runSettingOptions(options: { iterations?: string; seed?: string; horizon?: string }): {
  iterations?: number;
  seed?: number;
  horizonMonths?: number;
} {
  const iterations = parseRunSetting('--iterations', options.iterations, 'iterations');
  const seed = parseRunSetting('--seed', options.seed, 'seed');
  const horizonMonths = parseRunSetting('--horizon', options.horizon, 'horizonMonths');
  return {
    ...(iterations !== undefined ? { iterations } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(horizonMonths !== undefined ? { horizonMonths } : {}),
  };
}

/**
 * The result with its `--set` options in the manifest, so the run can be repeated; a run without any
 * is left as it was, byte for byte.
 */
export function withOverrides(
  result: MonteCarloResult,
  overrides: readonly ScenarioOverride[],
): MonteCarloResult {
  if (overrides.length === 0) return result;
  return { ...result, manifest: { ...result.manifest, overrides: overrides.map((o) => o.text) } };
}

/** A KPI id option, with the closest id as a hint when misspelt. */
export function parseKpi(flag: string, text: string): KpiId {
  const problem = kpiIdProblem(text);
  if (problem)
    throw new UserError(`invalid ${flag}: ${problem.message}${problem.hint ? `; ${problem.hint}` : ''}`);
  return text as KpiId;
}

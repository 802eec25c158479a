import { describeValue } from '../json/describe.ts';
import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import type { RunSettings } from './format.ts';
import type { ResolvedScenario } from './load.ts';
import { isPlainObject } from './merge.ts';

/**
 * Portfolio settings a challenger may change: they are the network's decisions a policy is tested with
 * (scenarios/bdc.json puts a BDC at every dealer), not who is in the book.
 */
const DECISIONS: readonly string[] = ['bdcShare'];

/** The run settings a comparison runs every scenario on; iterations only set the precision. */
const PAIRED_RUN = [
  { key: 'horizonMonths', flag: '--horizon', what: 'horizon' },
  { key: 'seed', flag: '--seed', what: 'seed (common random numbers)' },
] as const;

/**
 * Why `challenger` cannot be paired with `baseline`, one problem per difference at the challenger's
 * pointer: a different book (any portfolio setting but the network's decisions), horizon or seed — a
 * paired delta would then be mostly the difference in book or time, not the policy's. Run settings
 * given on the command line (`given`) apply to both and are not compared; iterations may differ, as
 * the comparison runs the baseline's (or --iterations) for every scenario.
 * @example comparabilityProblems(baseline, big, {})[0].pointer // '/portfolio/contracts'
 */
export function comparabilityProblems(
  baseline: ResolvedScenario,
  challenger: ResolvedScenario,
  given: Partial<RunSettings> = {},
): ValueProblem[] {
  const problems: ValueProblem[] = [];
  for (const { key, flag, what } of PAIRED_RUN) {
    const ours = challenger.run[key];
    const theirs = baseline.run[key];
    if (given[key] !== undefined || ours === theirs) continue;
    problems.push(
      valueProblem(
        joinPointer('/run', key),
        `run.${key} ${ours} differs from the baseline's (${theirs}): a paired comparison runs every scenario on the same ${what}; pass ${flag} to override both, or set run.${key} to ${theirs} here or in the baseline`,
      ),
    );
  }
  for (const { pointer, ours, theirs } of differences(
    challenger.portfolio,
    baseline.portfolio,
    '/portfolio',
  )) {
    problems.push(
      valueProblem(
        pointer,
        `${pointer.slice(1).replaceAll('/', '.')} ${describeValue(ours)} differs from the baseline's (${describeValue(theirs)}): a paired comparison needs the same book; set it to ${describeValue(theirs)} or compare against a baseline with ${describeValue(ours)}`,
      ),
    );
  }
  return problems;
}

/** The leaves where two resolved portfolios differ (a distribution or a list is one value). */
function differences(
  ours: unknown,
  theirs: unknown,
  pointer: string,
): { pointer: string; ours: unknown; theirs: unknown }[] {
  const branch = (v: unknown): v is Record<string, unknown> => isPlainObject(v) && !Object.hasOwn(v, 'dist');
  if (branch(ours) && branch(theirs)) {
    const keys = [...new Set([...Object.keys(theirs), ...Object.keys(ours)])];
    return keys
      .filter((key) => pointer !== '/portfolio' || !DECISIONS.includes(key))
      .flatMap((key) => differences(ours[key], theirs[key], joinPointer(pointer, key)));
  }
  return JSON.stringify(ours) === JSON.stringify(theirs) ? [] : [{ pointer, ours, theirs }];
}

import { describeValue } from '../json/describe.ts';
import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { DEFAULT_RUN, type NumericRunSetting, type RunSettings } from './format.ts';
import { isPlainObject } from './merge.ts';
import { RUN_LIMITS } from '../sim/run-limits.ts';
import { checkPrecision } from './precision-setting.ts';

/** The whole-number settings of a scenario's `run` block (the others are the CLI's: workers, chunk size). */
const NUMERIC_KEYS = Object.keys(DEFAULT_RUN) as NumericRunSetting[];
const RUN_KEYS: readonly string[] = [...NUMERIC_KEYS, 'precision'];

/**
 * The `run` block over {@link DEFAULT_RUN}: whole numbers within {@link RUN_LIMITS}. `settings` is
 * undefined when any setting is unknown or out of range; each such problem is at its JSON pointer.
 */
export function checkRun(run: unknown): { settings: RunSettings | undefined; problems: ValueProblem[] } {
  if (run === undefined) return { settings: { ...DEFAULT_RUN }, problems: [] };
  if (!isPlainObject(run)) {
    return {
      settings: undefined,
      problems: [
        valueProblem(
          '/run',
          'invalid run: expected an object with horizonMonths, iterations, seed and optionally precision',
        ),
      ],
    };
  }
  const problems: ValueProblem[] = [];
  const settings: RunSettings = { ...DEFAULT_RUN };
  let ok = true;
  for (const key of Object.keys(run)) {
    if (!RUN_KEYS.includes(key)) {
      problems.push(
        valueProblem(
          joinPointer('/run', key),
          `unknown run setting ${describeValue(key)}: expected horizonMonths, iterations, seed or precision`,
          didYouMean(key, RUN_KEYS),
        ),
      );
      ok = false;
      continue;
    }
    if (key === 'precision') {
      const checked = checkPrecision(run[key], '/run/precision');
      problems.push(...checked.problems);
      if (checked.target) settings.precision = checked.target;
      else ok = false;
      continue;
    }
    const { min, max, unit } = RUN_LIMITS[key as NumericRunSetting];
    const value = run[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      problems.push(
        valueProblem(
          joinPointer('/run', key),
          `invalid run.${key}: expected a whole number from ${min} to ${max} (${unit}), got ${describeValue(value)}`,
        ),
      );
      ok = false;
    } else settings[key as NumericRunSetting] = value;
  }
  return { settings: ok ? settings : undefined, problems };
}

import { joinPointer } from '../json/problem.ts';
import { didYouMean } from '../policy/validate/suggest.ts';
import { DEFAULT_RUN, type RunSettings } from './format.ts';
import { isPlainObject } from './merge.ts';
import { show } from '../json/show.ts';

/** Accepted range of each run setting, inclusive, and the unit people read it in. */
export const RUN_LIMITS: Readonly<
  Record<keyof RunSettings, { readonly min: number; readonly max: number; readonly unit: string }>
> = {
  horizonMonths: { min: 1, max: 600, unit: 'months' },
  iterations: { min: 1, max: 1_000_000, unit: 'iterations' },
  seed: { min: 0, max: 2 ** 31 - 1, unit: 'a whole number' },
};

/** Where a problem sits (JSON pointer into the merged scenario) and what it is. */
export type Report = (pointer: string, message: string, hint?: string) => void;

/**
 * The `run` block over {@link DEFAULT_RUN}: whole numbers within {@link RUN_LIMITS}. Undefined (and
 * each problem reported) when any setting is unknown or out of range.
 */
export function checkRun(run: unknown, report: Report): RunSettings | undefined {
  if (run === undefined) return { ...DEFAULT_RUN };
  if (!isPlainObject(run)) {
    report('/run', 'invalid run: expected an object with horizonMonths, iterations and seed');
    return undefined;
  }
  const settings = { ...DEFAULT_RUN };
  let ok = true;
  for (const key of Object.keys(run)) {
    if (!Object.hasOwn(RUN_LIMITS, key)) {
      report(
        joinPointer('/run', key),
        `unknown run setting ${show(key)}: expected horizonMonths, iterations or seed`,
        didYouMean(key, Object.keys(RUN_LIMITS)),
      );
      ok = false;
      continue;
    }
    const { min, max, unit } = RUN_LIMITS[key as keyof RunSettings];
    const value = run[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      report(
        joinPointer('/run', key),
        `invalid run.${key}: expected a whole number from ${min} to ${max} (${unit}), got ${show(value)}`,
      );
      ok = false;
    } else settings[key as keyof RunSettings] = value;
  }
  return ok ? settings : undefined;
}

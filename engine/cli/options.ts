import { RUN_LIMITS } from '../index.ts';
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
    throw new UserError(`invalid ${flag} "${text}": expected a whole number from ${min} to ${max}`);
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

/** One of a fixed list of words, or the fallback when it was not given. */
export function parseChoice<T extends string>(
  flag: string,
  text: string | undefined,
  choices: readonly T[],
  fallback: T,
): T {
  if (text === undefined) return fallback;
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new UserError(`invalid ${flag} "${text}": expected one of ${choices.join(', ')}`);
}

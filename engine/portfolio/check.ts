import { describeValue as describe } from '../json/describe.ts';
import { joinPointer, valueProblem, type ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { checkNum, distSupport, type Num } from '../world/distributions.ts';

/*
 * Checks of the portfolio section of a user's file. Each problem is at the JSON pointer of the offending
 * value, its message `invalid portfolio.<path>: <what is wrong, what was expected>`.
 */

/** Where a value sits: its dotted name for people and its JSON pointer for editors. */
export interface Place {
  readonly name: string;
  readonly pointer: string;
}

export function child(place: Place, key: string): Place {
  return { name: `${place.name}.${key}`, pointer: joinPointer(place.pointer, key) };
}

export function problem(place: Place, message: string, hint?: string): ValueProblem {
  return valueProblem(place.pointer, `invalid ${place.name}: ${message}`, hint);
}

export function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An integer in [min, max]. */
export function checkInteger(x: unknown, place: Place, min: number, max: number): ValueProblem[] {
  if (typeof x !== 'number' || !Number.isInteger(x) || x < min || x > max) {
    return [problem(place, `expected an integer from ${min} to ${max}, got ${describe(x)}`)];
  }
  return [];
}

/** A finite number in [min, max]. */
export function checkNumber(x: unknown, place: Place, min: number, max: number): ValueProblem[] {
  if (typeof x !== 'number' || !Number.isFinite(x) || x < min || x > max) {
    return [problem(place, `expected a number from ${min} to ${max}, got ${describe(x)}`)];
  }
  return [];
}

/** Shares of a mix must sum to 1 within this tolerance. */
export const MIX_TOLERANCE = 1e-6;

/**
 * A mix: an object whose keys are among `values` and whose shares (0–1) sum to 1; values not named
 * have share 0.
 */
export function checkMix(x: unknown, place: Place, values: readonly string[]): ValueProblem[] {
  const example = `{ ${values.map((v) => `"${v}": …`).join(', ')} }`;
  if (!isPlainObject(x)) {
    return [
      problem(
        place,
        `expected an object of shares over ${values.join(', ')}, e.g. ${example}, got ${describe(x)}`,
      ),
    ];
  }
  const problems: ValueProblem[] = [];
  let sum = 0;
  for (const key of Object.keys(x)) {
    const at = child(place, key);
    if (!values.includes(key)) {
      problems.push(
        problem(
          at,
          `unknown value ${JSON.stringify(key)}: expected ${values.join(', ')}`,
          didYouMean(key, values, { limit: 1 }),
        ),
      );
      continue;
    }
    const share = x[key];
    const shareProblems = checkNumber(share, at, 0, 1);
    if (shareProblems.length > 0) problems.push(...shareProblems);
    else sum += share as number;
  }
  // The sum of a mix with a misspelt or invalid share would only repeat the problem already reported.
  if (problems.length === 0 && Math.abs(sum - 1) > MIX_TOLERANCE) {
    problems.push(
      problem(place, `shares sum to ${+sum.toFixed(9)}, expected 1 (values not named count as 0)`),
    );
  }
  return problems;
}

/**
 * A `Num` whose every possible value lies in [lo, hi], e.g. a share drawn per dealer within 0–1.
 * The distribution checks come from {@link checkNum}; the range check names the distributions that fit.
 */
export function checkNumWithin(x: unknown, place: Place, lo: number, hi: number): ValueProblem[] {
  const problems = checkNum(x, place.pointer, place.name);
  if (problems.length > 0) return problems;
  const [min, max] = distSupport(x as Num);
  if (min < lo || max > hi) {
    const bounds = hi === Infinity ? `[${lo}, ∞)` : `[${lo}, ${hi}]`;
    const what =
      typeof x === 'number'
        ? `${x} is outside ${bounds}`
        : `the distribution can take values outside ${bounds}`;
    const fits =
      hi === Infinity
        ? 'use lognormal, or triangular, pert, uniform or beta with min ≥ ' + lo
        : `use beta (default [0, 1]), or triangular, pert or uniform with bounds within ${bounds}`;
    return [problem(place, `${what}: ${fits}`)];
  }
  return [];
}

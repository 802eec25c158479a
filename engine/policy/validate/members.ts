import type { ProblemReporter } from '../../json/reporter.ts';
import { joinPointer } from '../../json/problem.ts';
import { suggest, didYouMean } from '../../json/suggest.ts';
import { andList, show } from './text.ts';

/** json-rules-engine features the Cyclecast rule language leaves out, with the reason. */
const UNSUPPORTED: ReadonlyMap<string, string> = new Map([
  ['path', 'json-rules-engine\'s "path" is not part of the Cyclecast rule language: facts are plain values'],
  ['params', 'json-rules-engine\'s fact "params" are not part of the Cyclecast rule language'],
  ['onSuccess', 'rule callbacks are not part of the Cyclecast rule language'],
  ['onFailure', 'rule callbacks are not part of the Cyclecast rule language'],
]);

/**
 * Checks an object's keys: every key not in `allowed` is reported at the key with the nearest
 * allowed key as a hint, and every key of `required` that is absent at the object, saying what was
 * expected — unless a misspelt key already explains its absence (reported once, not twice).
 * @param where the place, for the message: 'a rule', 'a comparison', 'the rule set'.
 * @param required pairs of key and what its value should be.
 */
export function checkMembers(
  report: ProblemReporter,
  object: Record<string, unknown>,
  pointer: string,
  allowed: readonly string[],
  where: string,
  required: readonly (readonly [key: string, expected: string])[] = [],
): void {
  const misspelt = new Set<string>();
  for (const key of Object.keys(object)) {
    if (allowed.includes(key)) continue;
    const near = suggest(key, allowed, { limit: 1 })[0];
    if (near !== undefined && !Object.hasOwn(object, near)) misspelt.add(near);
    report.error(joinPointer(pointer, key), `unknown property ${show(key)} in ${where}`, {
      at: 'key',
      hint: unknownPropertyHint(key, allowed, where),
    });
  }
  for (const [key, expected] of required)
    if (!Object.hasOwn(object, key) && !misspelt.has(key))
      report.error(pointer, `missing property ${show(key)}: expected ${expected}`);
}

export function unknownPropertyHint(key: string, allowed: readonly string[], where: string): string {
  return (
    UNSUPPORTED.get(key) ??
    didYouMean(key, allowed) ??
    `${where} has ${andList(allowed.map((k) => JSON.stringify(k)))}`
  );
}

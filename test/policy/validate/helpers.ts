import { readdirSync } from 'node:fs';
import { formatProblem } from '../../../engine/json/problem.ts';
import { POLICY_KINDS } from '../../../engine/domain/lists.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';

/** Every problem of a rule-set text, formatted as `cyclecast validate` prints it. */
export function problemsOf(text: string, file = 'r.json'): string[] {
  return loadRuleSet(text, file).problems.map(formatProblem);
}

/**
 * A rule-set text, one line per argument between line 1 (`{`) and the last (`}`); line 2 is the
 * header below, so the first argument is line 3.
 */
export function ruleSetText(...lines: string[]): string {
  return ['{', HEADER, ...lines, '}'].join('\n') + '\n';
}
export const HEADER = '  "kind": "engagement", "name": "t", "description": "d", "hitPolicy": "first",';

/**
 * A rule set whose only rule (line 4) tests `comparisons` under `all`, and takes `event`:
 * `    { "name": "r", "conditions": { "all": [<comparisons>] }, "event": <event> }`.
 * The first comparison starts at column 44.
 */
export function oneRule(comparisons: string, event = '{ "type": "none" }', before: string[] = []): string {
  return ruleSetText(
    ...before,
    '  "rules": [',
    `    { "name": "r", "conditions": { "all": [${comparisons}] }, "event": ${event} }`,
    '  ]',
  );
}

/** The repository root, for reading shipped files. */
export const REPOSITORY = new URL('../../../', import.meta.url);

/** Every rule set shipped under `rules/<kind>/`, as repository paths. */
export function shippedRuleSets(): string[] {
  return POLICY_KINDS.flatMap((kind) => {
    let files: string[];
    try {
      files = readdirSync(new URL(`rules/${kind}/`, REPOSITORY));
    } catch {
      return [];
    }
    return files.filter((f) => f.endsWith('.json')).map((f) => `rules/${kind}/${f}`);
  });
}

import { loadRuleSet } from '../../../engine/index.ts';
import type { PolicyKind, Problem, RuleSet } from '../../../engine/index.ts';

/** What the editor shows about a rule-set text. */
export interface RuleSetCheck {
  /** No error (warnings allowed), and the rule set is of the kind the editor edits. */
  readonly ok: boolean;
  /** One line: valid with its rule count and hit policy, or how many problems. */
  readonly summary: string;
  readonly problems: readonly Problem[];
  /** The rule set, when it has no error. */
  readonly ruleSet?: RuleSet;
}

/**
 * Validates a rule-set text with the same validator as `cyclecast validate` and checks that it is a
 * rule set of `kind` (a scenario's policy of one kind cannot take another's rule set).
 */
export function checkRuleSetText(text: string, file: string, kind: PolicyKind): RuleSetCheck {
  const { ruleSet, problems } = loadRuleSet(text, file);
  const all: Problem[] = [...problems];
  if (ruleSet && ruleSet.kind !== kind) {
    all.unshift({
      file,
      line: 1,
      column: 1,
      pointer: '/kind',
      severity: 'error',
      message: `invalid kind: this is the ${kind} policy's rule set, so "kind" must be "${kind}", got "${ruleSet.kind}"`,
    });
  }
  const errors = all.filter((p) => p.severity === 'error').length;
  const warnings = all.length - errors;
  if (ruleSet && errors === 0) {
    const rules = ruleSet.rules.length;
    return {
      ok: true,
      summary: `✓ Valid ${kind} rule set “${ruleSet.name}”: ${rules} rule${rules === 1 ? '' : 's'}, hit policy “${ruleSet.hitPolicy}”${warnings ? `, ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}.`,
      problems: all,
      ruleSet,
    };
  }
  return {
    ok: false,
    summary: `✗ ${errors} problem${errors === 1 ? '' : 's'} to fix${warnings ? ` and ${warnings} warning${warnings === 1 ? '' : 's'}` : ''}: this rule set cannot run until ${errors === 1 ? 'it is' : 'they are'} fixed.`,
    problems: all,
  };
}

/** Offsets [start, end) of 1-based line `line` in `text` (end excludes the line break). */
export function lineRange(text: string, line: number): [number, number] {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const next = text.indexOf('\n', start);
    if (next < 0) return [text.length, text.length];
    start = next + 1;
  }
  const end = text.indexOf('\n', start);
  return [start, end < 0 ? text.length : end];
}

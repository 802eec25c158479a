import type { Rule } from '../rule-set.ts';

/**
 * A rule's priority as json-rules-engine uses it: `parseInt(priority || 1, 10)`, so an omitted
 * priority is 1 and 2.7 counts as 2. Throws for anything that is not then a positive integer.
 */
export function effectivePriority(rule: Rule): number {
  const priority = Number.parseInt(String(rule.priority || 1), 10);
  if (!(priority > 0)) throw new Error(`priority must be a positive integer, got ${String(rule.priority)}`);
  return priority;
}

/**
 * File positions of the rules in decision order: priority descending (json-rules-engine runs
 * higher priorities first), ties in file order.
 */
export function decisionOrder(priorities: readonly number[]): number[] {
  return priorities
    .map((priority, position) => ({ priority, position }))
    .sort((a, b) => b.priority - a.priority || a.position - b.position)
    .map((r) => r.position);
}

/**
 * How big a rule set is, in the units its evaluation cost grows with: rules, and leaf comparisons
 * (each use of a shared condition counted where it is used, since it is evaluated there).
 */
import type { Condition, RuleSet } from '../../engine/policy/rule-set.ts';

export interface RuleSetSize {
  readonly rules: number;
  /** Leaf comparisons over all rules, shared conditions expanded at each reference. */
  readonly comparisons: number;
}

export function ruleSetSize(ruleSet: RuleSet): RuleSetSize {
  const shared = new Map(Object.entries(ruleSet.conditions ?? {}));
  const count = (condition: Condition, expanding: readonly string[]): number => {
    if ('all' in condition) return condition.all.reduce((sum, c) => sum + count(c, expanding), 0);
    if ('any' in condition) return condition.any.reduce((sum, c) => sum + count(c, expanding), 0);
    if ('not' in condition) return count(condition.not, expanding);
    if ('condition' in condition) {
      const target = shared.get(condition.condition);
      // A validated rule set has no unknown or cyclic reference; count such a leaf as nothing.
      if (target === undefined || expanding.includes(condition.condition)) return 0;
      return count(target, [...expanding, condition.condition]);
    }
    return 1;
  };
  return {
    rules: ruleSet.rules.length,
    comparisons: ruleSet.rules.reduce((sum, rule) => sum + count(rule.conditions, []), 0),
  };
}

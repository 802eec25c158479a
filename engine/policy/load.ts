import { parseJsonDocument } from '../json/document.ts';
import type { Problem } from '../json/problem.ts';
import { sortProblems } from '../json/reporter.ts';
import type { RuleSet } from './rule-set.ts';
import { validateRuleSet } from './validate/rule-set.ts';

export { validateRuleSet };

/**
 * Reads a rule-set file: parses the JSON, then validates it. `ruleSet` is present only when there
 * is no error (warnings allowed). Every problem is located (line, column, JSON pointer) in `file`.
 * @example loadRuleSet(text, 'rules/engagement/tcm.json').problems.map(formatProblem)
 */
export function loadRuleSet(text: string, file: string): { ruleSet?: RuleSet; problems: Problem[] } {
  const doc = parseJsonDocument(text, file);
  if (!Object.hasOwn(doc, 'value')) return { problems: doc.problems };
  const problems = sortProblems([...doc.problems, ...validateRuleSet(doc.value, doc)]);
  if (problems.some((p) => p.severity === 'error')) return { problems };
  return { ruleSet: doc.value as RuleSet, problems };
}

import { joinPointer } from '../../json/problem.ts';
import { TOP_CONDITION_FORMS, checkCondition } from './conditions.ts';
import type { Scope } from './context.ts';
import { checkEvent } from './events.ts';
import { checkPriority } from './name-and-priority.ts';
import { checkMembers } from './members.ts';
import { isJsonObject, listText, show } from './text.ts';

export const RULE_KEYS = ['name', 'priority', 'conditions', 'event'] as const;

/** Checks the `rules` array: each rule's shape, a unique name, a priority ≥ 1, conditions and event. */
export function checkRules(scope: Scope, rules: unknown, pointer: string): void {
  const { report } = scope;
  if (!Array.isArray(rules)) {
    report.error(pointer, `invalid rules ${show(rules)}: expected an array of rules`);
    return;
  }
  const firstByName = new Map<string, number>();
  rules.forEach((rule, index) => {
    const at = joinPointer(pointer, index);
    if (!isJsonObject(rule)) {
      report.error(
        at,
        `invalid rule ${show(rule)}: expected an object with "name", "conditions" and "event"`,
      );
      return;
    }
    const actions = scope.catalogue?.actions.map((a) => a.type);
    checkMembers(report, rule, at, RULE_KEYS, 'a rule', [
      ['name', 'a name for the rule, unique in the rule set'],
      ['conditions', TOP_CONDITION_FORMS],
      [
        'event',
        `the action to take, {"type": ${actions ? `one of ${listText(actions)}` : '…'}, "params": {…}}`,
      ],
    ]);
    if (Object.hasOwn(rule, 'name')) {
      const name = rule.name;
      const namePointer = joinPointer(at, 'name');
      if (typeof name !== 'string' || name === '') {
        report.error(namePointer, `invalid rule name ${show(name)}: expected a non-empty string`);
      } else if (firstByName.has(name)) {
        report.error(
          namePointer,
          `duplicate rule name ${show(name)}: rule ${firstByName.get(name)} has it already`,
          {
            hint: 'rule names identify rules in explanations and comparisons; give each its own',
          },
        );
      } else {
        firstByName.set(name, index);
      }
    }
    if (Object.hasOwn(rule, 'priority')) checkPriority(scope, rule.priority, joinPointer(at, 'priority'));
    if (Object.hasOwn(rule, 'conditions'))
      checkCondition(scope, rule.conditions, joinPointer(at, 'conditions'), { top: true, depth: 0 });
    if (Object.hasOwn(rule, 'event')) checkEvent(scope, rule.event, joinPointer(at, 'event'));
  });
}

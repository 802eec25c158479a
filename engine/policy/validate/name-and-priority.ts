import { joinPointer } from '../../json/problem.ts';
import type { Scope } from './context.ts';
import { show } from './text.ts';

/**
 * Checks the members every condition may carry: a `name` (a string, shown in explanations) and a
 * `priority` (json-rules-engine evaluates higher-priority conditions first; an integer ≥ 1).
 */
export function checkConditionExtras(
  scope: Scope,
  condition: Record<string, unknown>,
  pointer: string,
): void {
  if (Object.hasOwn(condition, 'name') && typeof condition.name !== 'string')
    scope.report.error(
      joinPointer(pointer, 'name'),
      `invalid name ${show(condition.name)}: expected a string`,
    );
  if (Object.hasOwn(condition, 'priority'))
    checkPriority(scope, condition.priority, joinPointer(pointer, 'priority'));
}

/**
 * A rule's or condition's priority: an integer of at least 1. json-rules-engine truncates a
 * priority to an integer and rejects one below 1, so a fraction would silently mean something else.
 */
export function checkPriority(scope: Scope, priority: unknown, pointer: string): void {
  if (typeof priority === 'number' && Number.isInteger(priority) && priority >= 1) {
    // json-rules-engine parses the number's text: 1e21 is "1e+21", which it reads as 1.
    const effective = Number.parseInt(String(priority), 10);
    if (effective !== priority)
      scope.report.warning(
        pointer,
        `priority ${show(priority)} counts as ${effective}: json-rules-engine reads a priority's digits up to the exponent`,
        { hint: 'write a priority below 1e21' },
      );
    return;
  }
  scope.report.error(
    pointer,
    `invalid priority ${show(priority)}: expected an integer of at least 1 (higher runs first)`,
  );
}

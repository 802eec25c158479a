import { joinPointer } from '../../json/problem.ts';
import type { Scope } from './context.ts';
import { checkMembers } from './members.ts';
import type { Operand } from './operand-types.ts';
import { checkOperandTypes } from './operand-types.ts';
import { checkOperator } from './operator.ts';
import { lookupReadable } from './readables.ts';
import { checkConditionExtras } from './name-and-priority.ts';
import { isJsonObject, nameText, show } from './text.ts';

export const COMPARISON_KEYS = ['fact', 'operator', 'value', 'name', 'priority'] as const;

/**
 * Checks one comparison `{"fact", "operator", "value"}`: the fact or parameter exists, the operator
 * is json-rules-engine's, the value is a literal or `{"fact": name}`, and the operator fits both
 * sides' types.
 */
export function checkComparison(scope: Scope, comparison: Record<string, unknown>, pointer: string): void {
  const { report } = scope;
  checkMembers(report, comparison, pointer, COMPARISON_KEYS, 'a comparison', [
    ['fact', 'the name of a fact or parameter'],
    ['operator', 'an operator such as "equal" or "not:in"'],
    ['value', 'a value, or {"fact": name}'],
  ]);
  checkConditionExtras(scope, comparison, pointer);
  const hasFact = Object.hasOwn(comparison, 'fact');
  const hasOperator = Object.hasOwn(comparison, 'operator');
  const hasValue = Object.hasOwn(comparison, 'value');

  const factPointer = joinPointer(pointer, 'fact');
  const readable = hasFact ? lookupReadable(scope, comparison.fact, factPointer) : undefined;
  const parsed = hasOperator
    ? checkOperator(report, comparison.operator, joinPointer(pointer, 'operator'))
    : undefined;
  const value = hasValue ? valueOperand(scope, comparison.value, joinPointer(pointer, 'value')) : undefined;

  if (!readable?.spec || !parsed || !value) return;
  const fact: Operand = {
    form: 'typed',
    spec: readable.spec,
    label: nameText(readable.name),
    side: 'fact',
    pointer: factPointer,
  };
  checkOperandTypes(
    report,
    { pointer, fact: readable.name, operator: comparison.operator as string },
    parsed,
    fact,
    value,
  );
}

/** The right-hand side as an operand: a literal, or the fact or parameter it references. */
function valueOperand(scope: Scope, value: unknown, pointer: string): Operand | undefined {
  if (!isJsonObject(value)) return { form: 'literal', value, side: 'value', pointer };
  if (!Object.hasOwn(value, 'fact')) {
    scope.report.error(
      pointer,
      `invalid value ${show(value)}: expected a number, string, boolean, null, array, or a fact reference {"fact": name}`,
    );
    return undefined;
  }
  checkMembers(scope.report, value, pointer, ['fact'], 'a fact reference');
  const factPointer = joinPointer(pointer, 'fact');
  const readable = lookupReadable(scope, value.fact, factPointer);
  if (!readable?.spec) return undefined;
  return {
    form: 'typed',
    spec: readable.spec,
    label: nameText(readable.name),
    side: 'value',
    pointer: factPointer,
  };
}

import type { ProblemReporter } from '../../json/reporter.ts';
import type { ParsedOperator } from '../operators.ts';
import { DECORATORS, OPERATORS, parseOperator } from '../operators.ts';
import { didYouMean } from '../../json/suggest.ts';
import { listText, show } from './text.ts';

const operatorNames: readonly string[] = OPERATORS;
const decoratorNames: readonly string[] = DECORATORS;

/**
 * Parses a comparison's operator, reporting what json-rules-engine would not resolve: an unknown
 * operator or decorator, with the nearest known name.
 */
export function checkOperator(
  report: ProblemReporter,
  operator: unknown,
  pointer: string,
): ParsedOperator | undefined {
  if (typeof operator !== 'string') {
    report.error(
      pointer,
      `invalid operator ${show(operator)}: expected a string such as "equal" or "not:in"`,
    );
    return undefined;
  }
  const parsed = parseOperator(operator);
  if (parsed) return parsed;

  const segments = operator.split(':');
  const base = segments[segments.length - 1]!;
  const decorators = segments.slice(0, -1);
  const badDecorator = decorators.find((d) => !decoratorNames.includes(d));
  if (badDecorator !== undefined) {
    report.error(
      pointer,
      `invalid operator ${show(operator)}: unknown decorator ${show(badDecorator)}: expected one of ${listText(DECORATORS)}`,
      { hint: didYouMean(badDecorator, decoratorNames) ?? orderHint(segments) },
    );
    return undefined;
  }
  const hint = didYouMean(base, operatorNames) ?? orderHint(segments);
  if (decorators.length === 0) {
    report.error(pointer, `invalid operator ${show(operator)}: expected one of ${listText(OPERATORS)}`, {
      hint,
    });
  } else {
    report.error(
      pointer,
      `invalid operator ${show(operator)}: unknown operator ${show(base)} after the decorators: expected one of ${listText(OPERATORS)}`,
      { hint },
    );
  }
  return undefined;
}

/** `equal:not` → decorators come first; `not` alone → a decorator needs an operator. */
function orderHint(segments: readonly string[]): string | undefined {
  const last = segments[segments.length - 1]!;
  if (decoratorNames.includes(last)) {
    const operator = segments.find((s) => operatorNames.includes(s));
    const decorators = segments.filter((s) => decoratorNames.includes(s));
    if (operator !== undefined && decorators.length === segments.length - 1)
      return `decorators come before the operator: ${show([...decorators, operator].join(':'))}`;
    return `a decorator needs an operator after it, e.g. ${show(`${last}:equal`)}`;
  }
  return undefined;
}

import { isNumberLike, parseOperator, type DecoratorName, type OperatorName } from '../operators.ts';
import { isFactRef, type Comparison } from '../rule-set.ts';
import type { EmitContext } from './emit-context.ts';
import { composeOperator } from './evaluators.ts';
import { quote } from './quote.ts';

/**
 * One side of a comparison as the generated code reads it. `slot-num` and `slot-ref` read the
 * frame (`n[3]`, `r[1]`); `literal` reads a table binding (`d0`, `k2`) and keeps the value so
 * validators on it can be decided at compile time.
 */
type Operand =
  | { readonly kind: 'slot-num' | 'slot-ref'; readonly expr: string }
  | { readonly kind: 'literal'; readonly expr: string; readonly value: unknown };

/**
 * The source of one comparison, `{fact, operator, value}`, with json-rules-engine 7 semantics:
 * each base operator is the same JS expression as its callback, behind the same fact-value
 * validator, so the result is identical for every input (even out-of-type ones).
 * @example `monthsToEnd lessThanInclusive 18` → `(n[2] <= d0)`, with `d0 = 18` in the tables
 */
export function emitComparison(comparison: Comparison, ctx: EmitContext): string {
  if (Object.hasOwn(comparison, 'path') || Object.hasOwn(comparison, 'params')) {
    throw ctx.error(`fact ${quote(comparison.fact)} uses "path" or "params", which policies do not support`);
  }
  const operator = parseOperator(comparison.operator);
  if (operator === undefined) throw ctx.error(`unknown operator ${quote(comparison.operator)}`);
  const lhs = slotOperand(comparison.fact, ctx);
  const rhs = isFactRef(comparison.value)
    ? slotOperand(comparison.value.fact, ctx)
    : literalOperand(comparison.value, ctx);
  return emitDecorated(operator.decorators, operator.base, lhs, rhs, ctx);
}

function slotOperand(name: string, ctx: EmitContext): Operand {
  const slot = ctx.layout.slots.get(name);
  if (slot === undefined) throw ctx.error(`unknown fact ${quote(name)}`);
  ctx.referenced.add(name);
  return slot.store === 'num'
    ? { kind: 'slot-num', expr: `n[${slot.index}]` }
    : { kind: 'slot-ref', expr: `r[${slot.index}]` };
}

function literalOperand(value: unknown, ctx: EmitContext): Operand {
  return { kind: 'literal', expr: ctx.tables.literal(value), value };
}

/**
 * Decorators outermost first. `not` and `swap` become source; from the first iterating decorator
 * on, the source calls a composed evaluation from the tables (it carries the validators).
 */
function emitDecorated(
  decorators: readonly DecoratorName[],
  base: OperatorName,
  lhs: Operand,
  rhs: Operand,
  ctx: EmitContext,
): string {
  const [decorator, ...rest] = decorators;
  switch (decorator) {
    case undefined:
      return emitBase(base, lhs, rhs);
    case 'not':
      return `(!${emitDecorated(rest, base, lhs, rhs, ctx)})`;
    case 'swap':
      return emitDecorated(rest, base, rhs, lhs, ctx);
    default: {
      const composed = ctx.tables.operator(composeOperator({ decorators, base }));
      return `${composed}(${lhs.expr}, ${rhs.expr})`;
    }
  }
}

/** The base operators, written as json-rules-engine's callbacks (engine-default-operators.js). */
function emitBase(base: OperatorName, a: Operand, b: Operand): string {
  switch (base) {
    case 'equal':
      return `(${a.expr} === ${b.expr})`;
    case 'notEqual':
      return `(${a.expr} !== ${b.expr})`;
    case 'in':
      return `(${b.expr}.indexOf(${a.expr}) > -1)`;
    case 'notIn':
      return `(${b.expr}.indexOf(${a.expr}) === -1)`;
    case 'contains':
      return guarded(arrayCheck(a), `(${a.expr}.indexOf(${b.expr}) > -1)`);
    case 'doesNotContain':
      return guarded(arrayCheck(a), `(${a.expr}.indexOf(${b.expr}) === -1)`);
    case 'lessThan':
      return guarded(numberCheck(a), `(${a.expr} < ${b.expr})`);
    case 'lessThanInclusive':
      return guarded(numberCheck(a), `(${a.expr} <= ${b.expr})`);
    case 'greaterThan':
      return guarded(numberCheck(a), `(${a.expr} > ${b.expr})`);
    case 'greaterThanInclusive':
      return guarded(numberCheck(a), `(${a.expr} >= ${b.expr})`);
  }
}

/** A validator decided at compile time (true/false) or the source that decides it at run time. */
type Check = boolean | string;

function guarded(check: Check, expr: string): string {
  if (check === true) return expr;
  if (check === false) return 'false';
  return `(${check} && ${expr})`;
}

/**
 * json-rules-engine's numberValidator. A double fails it only when NaN, and NaN fails every
 * relational comparison anyway, so on a number slot the check is dropped without changing a result.
 */
function numberCheck(a: Operand): Check {
  if (a.kind === 'slot-num') return true;
  if (a.kind === 'literal') return isNumberLike(a.value);
  return `N(${a.expr})`;
}

/** The Array.isArray validator of contains/doesNotContain. */
function arrayCheck(a: Operand): Check {
  if (a.kind === 'slot-num') return false;
  if (a.kind === 'literal') return Array.isArray(a.value);
  return `I(${a.expr})`;
}

import { isNumberLike, parseOperator, type DecoratorName, type OperatorName } from '../operators.ts';
import { isFactRef, type Comparison } from '../rule-set.ts';
import type { EmitContext } from './emit-context.ts';
import { emitListTest } from './emit-lists.ts';
import { composeOperator } from './evaluators.ts';
import { quote } from './quote.ts';

/**
 * One side of a comparison as the generated code reads it. `slot-num` and `slot-ref` read the
 * frame (`n[3]`, `r[1]`, or the local it was read into) and keep the slot index; `literal` reads a
 * table binding (`d0`, `k2`) and keeps the value so validators on it can be decided at compile
 * time. `expr` is made when the source first uses it: a list compiled to `===` needs no binding for
 * the list, a bit test reads no list element.
 */
type Operand =
  | { readonly kind: 'slot-num' | 'slot-ref'; readonly expr: string; readonly index: number }
  | { readonly kind: 'literal'; readonly expr: string; readonly value: unknown };

/**
 * The source of one comparison, `{fact, operator, value}`, with json-rules-engine 7 semantics:
 * each base operator is the same JS expression as its callback, behind the same fact-value
 * validator, so the result is identical for every input (even out-of-type ones).
 * `must`: evaluation always gets here once it reaches the rule (see emitTopCondition).
 * @example `monthsToEnd lessThanInclusive 18` → `(n2 <= d0)`, with `d0 = 18` in the tables
 */
export function emitComparison(comparison: Comparison, ctx: EmitContext, must: boolean): string {
  if (Object.hasOwn(comparison, 'path') || Object.hasOwn(comparison, 'params')) {
    throw ctx.error(`fact ${quote(comparison.fact)} uses "path" or "params", which policies do not support`);
  }
  const operator = parseOperator(comparison.operator);
  if (operator === undefined) throw ctx.error(`unknown operator ${quote(comparison.operator)}`);
  const where = { ctx, must };
  const lhs = slotOperand(comparison.fact, where);
  const rhs = isFactRef(comparison.value)
    ? slotOperand(comparison.value.fact, where)
    : literalOperand(comparison.value, ctx);
  return emitDecorated(operator.decorators, operator.base, lhs, rhs, where);
}

function slotOperand(name: string, { ctx, must }: Where): Operand {
  const slot = ctx.layout.slots.get(name);
  if (slot === undefined) throw ctx.error(`unknown fact ${quote(name)}`);
  ctx.referenced.add(name);
  const store = slot.store === 'num' ? 'n' : 'r';
  let expr: string | undefined;
  return {
    kind: store === 'n' ? 'slot-num' : 'slot-ref',
    index: slot.index,
    get expr() {
      return (expr ??= ctx.reads.read(store, slot.index, must));
    },
  };
}

function literalOperand(value: unknown, ctx: EmitContext): Operand {
  let expr: string | undefined;
  return {
    kind: 'literal',
    value,
    get expr() {
      return (expr ??= ctx.tables.literal(value));
    },
  };
}

interface Where {
  readonly ctx: EmitContext;
  readonly must: boolean;
}

/**
 * Decorators outermost first. `not` and `swap` become source, and so do the iterating decorators
 * that only ask whether literal scalars are in a fact list (emitListMembership); otherwise, from
 * the first iterating decorator on, the source calls a composed evaluation from the tables (it
 * carries the validators).
 */
function emitDecorated(
  decorators: readonly DecoratorName[],
  base: OperatorName,
  lhs: Operand,
  rhs: Operand,
  where: Where,
): string {
  const [decorator, ...rest] = decorators;
  switch (decorator) {
    case undefined:
      return emitBase(base, lhs, rhs, where);
    case 'not':
      return `(!${emitDecorated(rest, base, lhs, rhs, where)})`;
    case 'swap':
      return emitDecorated(rest, base, rhs, lhs, where);
    default:
      return (
        emitListMembership(decorator, rest, base, lhs, rhs, where) ??
        `${where.ctx.tables.operator(composeOperator({ decorators, base }))}(${lhs.expr}, ${rhs.expr})`
      );
  }
}

/** The base operators, written as json-rules-engine's callbacks (engine-default-operators.js). */
function emitBase(base: OperatorName, a: Operand, b: Operand, where: Where): string {
  switch (base) {
    case 'equal':
      return `(${a.expr} === ${b.expr})`;
    case 'notEqual':
      return `(${a.expr} !== ${b.expr})`;
    case 'in':
      return emitInList(a, b, true, where.ctx) ?? `(${b.expr}.indexOf(${a.expr}) > -1)`;
    case 'notIn':
      return emitInList(a, b, false, where.ctx) ?? `(${b.expr}.indexOf(${a.expr}) === -1)`;
    case 'contains':
      return (
        emitListTestOf(a, b, true, where) ?? guarded(arrayCheck(a), `(${a.expr}.indexOf(${b.expr}) > -1)`)
      );
    case 'doesNotContain':
      return (
        emitListTestOf(a, b, false, where) ?? guarded(arrayCheck(a), `(${a.expr}.indexOf(${b.expr}) === -1)`)
      );
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

/**
 * Literal lists up to this length become a chain of `===`; longer ones keep `indexOf`, so a long
 * list does not grow the evaluator past the size V8 inlines into its caller.
 */
const MAX_CHAINED_MEMBERS = 8;

/**
 * `in` (`inside`) or `notIn` against a short literal list of scalars, as a chain of strict
 * comparisons with one table binding per member: `(r[0] === k1 || r[0] === k2)`. indexOf compares
 * with the same strict equality (NaN matches nothing, -0 matches 0), and without a call V8 keeps
 * what it knows about the frame. A number slot only ever holds a number, so members of other
 * types are dropped: they never match. Undefined (keep indexOf) for a value side that is not such
 * a list: on a string indexOf would search substrings.
 */
function emitInList(a: Operand, b: Operand, inside: boolean, ctx: EmitContext): string | undefined {
  const members = literalScalars(b);
  if (members === undefined || members.length > MAX_CHAINED_MEMBERS) return undefined;
  const comparable = a.kind === 'slot-num' ? members.filter((m) => typeof m === 'number') : members;
  if (comparable.length === 0) return inside ? 'false' : 'true';
  const tests = comparable.map((m) => `${a.expr} ${inside ? '===' : '!=='} ${ctx.tables.literal(m)}`);
  return `(${tests.join(inside ? ' || ' : ' && ')})`;
}

/** `contains`/`doesNotContain` of a literal scalar in a list fact, as a bit test (emit-lists.ts). */
function emitListTestOf(a: Operand, b: Operand, contains: boolean, where: Where): string | undefined {
  if (a.kind !== 'slot-ref' || b.kind !== 'literal' || !isScalar(b.value)) return undefined;
  return emitListTest(a.index, [b.value], contains, where.must, where.ctx);
}

/**
 * The iterating decorators over a list fact that only ask whether literal scalars are in it:
 * `someFact:equal` v is `contains` v, `someFact:in` [v, w] is `contains` v or w,
 * `everyFact:notEqual` v is `doesNotContain` v, `everyFact:notIn` [v, w] is `doesNotContain` v
 * and w, each behind the same Array.isArray as the decorator (`everyFact:notIn []` is exactly
 * that check). `some`/`every` skip holes as indexOf does, and compare alike (strict equality).
 */
function emitListMembership(
  decorator: 'someFact' | 'everyFact' | 'someValue' | 'everyValue',
  rest: readonly DecoratorName[],
  base: OperatorName,
  a: Operand,
  b: Operand,
  where: Where,
): string | undefined {
  if (rest.length > 0 || a.kind !== 'slot-ref') return undefined;
  const some = decorator === 'someFact' && (base === 'equal' || base === 'in');
  const none = decorator === 'everyFact' && (base === 'notEqual' || base === 'notIn');
  if (!some && !none) return undefined;
  const members = base === 'equal' || base === 'notEqual' ? scalar(b) : literalScalars(b);
  if (members === undefined) return undefined;
  return emitListTest(a.index, members, some, where.must, where.ctx);
}

/** The value of a literal scalar operand, as a one-member list. */
function scalar(b: Operand): unknown[] | undefined {
  return b.kind === 'literal' && isScalar(b.value) ? [b.value] : undefined;
}

/** The members of a literal array of scalars. */
function literalScalars(b: Operand): readonly unknown[] | undefined {
  if (b.kind !== 'literal' || !Array.isArray(b.value)) return undefined;
  const members: readonly unknown[] = b.value;
  return members.every(isScalar) ? members : undefined;
}

/** What a JSON literal can be besides an array: never undefined, never an object. */
function isScalar(value: unknown): boolean {
  return value === null || ['string', 'number', 'boolean'].includes(typeof value);
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

import type { Comparison, Condition, TopCondition } from '../rule-set.ts';
import type { EmitContext } from './emit-context.ts';
import { emitComparison } from './emit-comparison.ts';
import { quote } from './quote.ts';

type Form = 'all' | 'any' | 'not' | 'condition' | 'fact';
const FORMS: readonly Form[] = ['all', 'any', 'not', 'condition', 'fact'];

/**
 * The source of a rule's (or shared condition's) root condition, which json-rules-engine
 * requires to be `all`, `any`, `not` or a condition reference.
 *
 * Sources are emitted in evaluation order (rules in decision order, operands left to right), and
 * `must` says that evaluation always gets here once it reaches the rule: the root, the first
 * operand of an `all`/`any` that it always gets to, the operand of such a `not`. Every rule test
 * before the current one has run when the current one starts (under `first` the evaluator only
 * gets to a rule when every earlier one failed, but each was tested), so a shared condition
 * computed at such a place is known to every later reference.
 */
export function emitTopCondition(node: TopCondition, ctx: EmitContext, must: boolean): string {
  if (formOf(node, ctx) === 'fact') {
    throw ctx.error('the root condition must be "all", "any", "not" or a condition reference');
  }
  return emitCondition(node, ctx, must);
}

/**
 * The source of any condition. Condition priorities are ignored on purpose: in json-rules-engine
 * they only order evaluation, and comparisons are pure, so they cannot change a result.
 */
export function emitCondition(node: Condition, ctx: EmitContext, must: boolean): string {
  switch (formOf(node, ctx)) {
    case 'all':
      return emitJunction(childList(node, 'all', ctx), ' && ', ctx, must);
    case 'any':
      return emitJunction(childList(node, 'any', ctx), ' || ', ctx, must);
    case 'not':
      return emitNot((node as { not: Condition }).not, ctx, must);
    case 'condition':
      return emitReference((node as { condition: string }).condition, ctx, must);
    case 'fact':
      return emitComparison(node as Comparison, ctx, must);
  }
}

/**
 * `all: []` and `any: []` are both true: json-rules-engine 7's prioritizeAndRun returns true for
 * any empty list before it looks at the operator. Only the first operand is always evaluated; each
 * later one only after the ones before it, so it knows what they computed, and after the junction
 * evaluation has certainly computed what the first operand computed.
 */
function emitJunction(
  children: readonly Condition[],
  operator: ' && ' | ' || ',
  ctx: EmitContext,
  must: boolean,
): string {
  if (children.length === 0) return 'true';
  let afterFirst: readonly string[] = [];
  const sources = children.map((c, i) => {
    const source = emitCondition(c, ctx, must && i === 0);
    if (i === 0) afterFirst = [...ctx.known];
    return source;
  });
  ctx.known.clear();
  for (const local of afterFirst) ctx.known.add(local);
  return `(${sources.join(operator)})`;
}

function emitNot(child: Condition, ctx: EmitContext, must: boolean): string {
  if (typeof child !== 'object' || child === null || Array.isArray(child)) {
    throw ctx.error('"not" must hold one condition object');
  }
  return `(!${emitCondition(child, ctx, must)})`;
}

/**
 * A shared condition referred to from one place is inlined there. One referred to from several
 * places is computed at most once per evaluation into its local `cN` (see SharedResult):
 * - eager, when its first reference is one that evaluation always passes: `(c0 = …)` there, and
 *   `c0` wherever evaluation has certainly computed it (EmitContext.known), which is everywhere after;
 * - lazy otherwise: `(c0 === 0 ? (c0 = … ? 1 : 2) === 1 : c0 === 1)` where it may still be
 *   unknown, `(c0 === 1)` where evaluation has certainly computed it.
 * Either way, after the reference evaluation has computed what the condition's first operands
 * compute (each evaluation of the condition does, and every form stores what it computes).
 * Results are pure, so computing a condition json-rules-engine would skip changes nothing, and
 * skipping one it would compute only saves time. A cycle of references is an error.
 */
function emitReference(name: string, ctx: EmitContext, must: boolean): string {
  const shared = ctx.conditions.get(name);
  if (shared === undefined) throw ctx.error(`unknown condition ${quote(name)}`);
  if (ctx.expanding.includes(name)) {
    throw ctx.error(
      `condition ${quote(name)} refers to itself: ${[...ctx.expanding, name].map(quote).join(' → ')}`,
    );
  }
  const result = ctx.shared.get(name);
  if (result === undefined) return expand(name, shared, ctx, must);
  const local = `c${result.index}`;
  if (ctx.known.has(local)) return result.mode === 'eager' ? local : `(${local} === 1)`;
  result.mode ??= must ? 'eager' : 'lazy';
  const source = expand(name, shared, ctx, must);
  ctx.known.add(local);
  if (result.mode === 'eager') return `(${local} = ${source})`;
  return `(${local} === 0 ? (${local} = ${source} ? 1 : 2) === 1 : ${local} === 1)`;
}

function expand(name: string, shared: TopCondition, ctx: EmitContext, must: boolean): string {
  ctx.expanding.push(name);
  try {
    const source = emitTopCondition(shared, ctx, must);
    if (source.length > MAX_INLINED_LENGTH) {
      throw ctx.error(
        `condition ${quote(name)} expands to more than ${MAX_INLINED_LENGTH} characters of code`,
      );
    }
    return source;
  } finally {
    ctx.expanding.pop();
  }
}

/** Shared conditions that reuse each other can double in size per level; stop before memory does. */
const MAX_INLINED_LENGTH = 1_000_000;

/** The one form key of a condition; several (`{"all": …, "fact": …}`) would be ambiguous. */
function formOf(node: Condition, ctx: EmitContext): Form {
  if (typeof node !== 'object' || node === null || Array.isArray(node)) {
    throw ctx.error('a condition must be an object');
  }
  const forms = FORMS.filter((form) => Object.hasOwn(node, form));
  if (forms.length !== 1) {
    throw ctx.error(`a condition needs exactly one of "all", "any", "not", "condition" or "fact"`);
  }
  return forms[0]!;
}

function childList(node: Condition, form: 'all' | 'any', ctx: EmitContext): readonly Condition[] {
  const children = (node as Record<typeof form, unknown>)[form];
  if (!Array.isArray(children)) throw ctx.error(`"${form}" must be an array of conditions`);
  return children as Condition[];
}

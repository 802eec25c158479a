import type { Comparison, Condition, TopCondition } from '../rule-set.ts';
import type { EmitContext } from './emit-context.ts';
import { emitComparison } from './emit-comparison.ts';
import { quote } from './quote.ts';

type Form = 'all' | 'any' | 'not' | 'condition' | 'fact';
const FORMS: readonly Form[] = ['all', 'any', 'not', 'condition', 'fact'];

/**
 * The source of a rule's (or shared condition's) root condition, which json-rules-engine
 * requires to be `all`, `any`, `not` or a condition reference.
 */
export function emitTopCondition(node: TopCondition, ctx: EmitContext): string {
  if (formOf(node, ctx) === 'fact') {
    throw ctx.error('the root condition must be "all", "any", "not" or a condition reference');
  }
  return emitCondition(node, ctx);
}

/**
 * The source of any condition. Condition priorities are ignored on purpose: in json-rules-engine
 * they only order evaluation, and comparisons are pure, so they cannot change a result.
 */
export function emitCondition(node: Condition, ctx: EmitContext): string {
  switch (formOf(node, ctx)) {
    case 'all':
      return emitAll(childList(node, 'all', ctx), ctx);
    case 'any':
      return emitAny(childList(node, 'any', ctx), ctx);
    case 'not':
      return emitNot((node as { not: Condition }).not, ctx);
    case 'condition':
      return emitReference((node as { condition: string }).condition, ctx);
    case 'fact':
      return emitComparison(node as Comparison, ctx);
  }
}

/** `all: []` is true (json-rules-engine resolves an empty list to true). */
function emitAll(children: readonly Condition[], ctx: EmitContext): string {
  if (children.length === 0) return 'true';
  return `(${children.map((c) => emitCondition(c, ctx)).join(' && ')})`;
}

/**
 * `any: []` is true as well: json-rules-engine 7's prioritizeAndRun returns true for any empty
 * list before it looks at the operator.
 */
function emitAny(children: readonly Condition[], ctx: EmitContext): string {
  if (children.length === 0) return 'true';
  return `(${children.map((c) => emitCondition(c, ctx)).join(' || ')})`;
}

function emitNot(child: Condition, ctx: EmitContext): string {
  if (typeof child !== 'object' || child === null || Array.isArray(child)) {
    throw ctx.error('"not" must hold one condition object');
  }
  return `(!${emitCondition(child, ctx)})`;
}

/** A shared condition is inlined at every use; a cycle of references is an error. */
function emitReference(name: string, ctx: EmitContext): string {
  const shared = ctx.conditions.get(name);
  if (shared === undefined) throw ctx.error(`unknown condition ${quote(name)}`);
  if (ctx.expanding.includes(name)) {
    throw ctx.error(
      `condition ${quote(name)} refers to itself: ${[...ctx.expanding, name].map(quote).join(' → ')}`,
    );
  }
  ctx.expanding.push(name);
  try {
    const source = emitTopCondition(shared, ctx);
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

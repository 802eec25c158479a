import type { Rule, RuleSet, TopCondition } from '../rule-set.ts';
import type { ConstantTables } from './constants.ts';
import { emitTopCondition } from './emit-condition.ts';
import type { EmitContext, ListScan } from './emit-context.ts';
import { quote } from './quote.ts';
import { SlotReads } from './reads.ts';
import { repeatedConditions, type SharedResult } from './shared.ts';
import type { FactLayout } from './types.ts';

/** One rule's test in the evaluator: the frame reads to make before it, and the condition. */
export interface RuleTest {
  /** `n3 = n[3]`: see SlotReads. */
  readonly reads: readonly string[];
  readonly test: string;
}

/** The rule tests of an evaluator, in decision order, and the locals they share. */
export interface EmittedRules {
  readonly tests: readonly RuleTest[];
  /** Shared conditions referred to from several places (those emitted have a `mode`). */
  readonly shared: readonly SharedResult[];
  readonly lists: readonly ListScan[];
}

/**
 * Emits the test of each rule, in decision order (`order`: file positions), which is the order
 * the evaluator tests them in: every emitter relies on sources being emitted in evaluation order
 * (see emitTopCondition). `fail(rule, position, inCondition, message)` makes the Error for a problem.
 */
export function emitRules(
  ruleSet: RuleSet,
  order: readonly number[],
  layout: FactLayout,
  tables: ConstantTables,
  referenced: Set<string>,
  fail: (rule: Rule, position: number, inCondition: string | undefined, message: string) => Error,
): EmittedRules {
  const conditions = new Map<string, TopCondition>(Object.entries(ruleSet.conditions ?? {}));
  const repeated = repeatedConditions(
    order.map((position) => ruleSet.rules[position]!.conditions),
    conditions,
  );
  const shared = new Map<string, SharedResult>(
    [...repeated].map((name, index) => [name, { index, mode: undefined }]),
  );
  const lists = new Map<number, ListScan>();
  const reads = new SlotReads(ruleSet.hitPolicy === 'collect');
  const known = new Set<string>();
  const tests = order.map((position): RuleTest => {
    const rule = ruleSet.rules[position]!;
    const expanding: string[] = [];
    const ctx: EmitContext = {
      layout,
      tables,
      conditions,
      shared,
      lists,
      known,
      reads,
      referenced,
      expanding,
      error: (message) => fail(rule, position, expanding[expanding.length - 1], message),
    };
    const test = emitTopCondition(rule.conditions, ctx, true);
    return { reads: reads.take(), test };
  });
  return { tests, shared: [...shared.values()], lists: [...lists.values()] };
}

/** `rule "name" (rules/3)`, and ` in condition "x"` when the problem is in a shared condition. */
export function ruleLabel(rule: Rule, position: number, inCondition?: string): string {
  const where = inCondition === undefined ? '' : ` in condition ${quote(inCondition)}`;
  return `rule ${quote(rule.name)} (rules/${position})${where}`;
}

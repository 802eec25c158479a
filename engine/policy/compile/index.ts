import { declaredParameters, resolveParameters } from '../parameters.ts';
import type { ParameterValue, Rule, RuleEvent, RuleSet, TopCondition } from '../rule-set.ts';
import { ConstantTables } from './constants.ts';
import type { EmitContext } from './emit-context.ts';
import { emitTopCondition } from './emit-condition.ts';
import { parameterFrame } from './frame.ts';
import { generateSource, instantiate } from './generate.ts';
import { buildLayout } from './layout.ts';
import { decisionOrder, effectivePriority } from './order.ts';
import { quote } from './quote.ts';
import type { CompiledPolicy, CompiledRule, FactFrame, FactLayout } from './types.ts';

export type { CompiledPolicy, CompiledRule, FactFrame, FactLayout, Slot } from './types.ts';
export { frameFromFacts, writeSlot } from './frame.ts';
export { generateSource } from './generate.ts';

/**
 * Compiles a validated rule set into a synchronous evaluator with json-rules-engine 7's results
 * (same events, same order across priorities) that allocates nothing per evaluation.
 * `overrides` are a scenario's parameter values (checked against the declarations).
 * Throws an Error `invalid rule set "name": …` for what validation should have caught
 * (unknown fact or operator, unknown or cyclic condition reference, bad priority).
 * @example
 * const policy = compileRuleSet(tcm, { contactWindowStart: 15 });
 * const frame = policy.newFrame();
 * frame.num[policy.layout.slots.get('monthsToEnd')!.index] = 14;
 * const fired = new Int32Array(policy.rules.length);
 * const count = policy.fire(frame, fired); // policy.rules[fired[0]!]!.event …
 */
export function compileRuleSet(
  ruleSet: RuleSet,
  overrides?: Readonly<Record<string, ParameterValue>>,
): CompiledPolicy {
  const parameters = resolveParameters(ruleSet, overrides);
  const layout = buildLayout(ruleSet.kind, declaredParameters(ruleSet));
  const conditions = new Map<string, TopCondition>(Object.entries(ruleSet.conditions ?? {}));
  const tables = new ConstantTables();
  const referenced = new Set<string>();

  const fail = (where: string, message: string) =>
    new Error(`invalid rule set ${quote(ruleSet.name)}: ${where}: ${message}`);
  const priorities = ruleSet.rules.map((rule, position) => {
    try {
      return effectivePriority(rule);
    } catch (e) {
      throw fail(ruleLabel(rule, position), (e as Error).message);
    }
  });
  const order = decisionOrder(priorities);
  const tests = order.map((position) => {
    const rule = ruleSet.rules[position]!;
    const ctx = emitContext(layout, tables, conditions, referenced, (expanding, message) => {
      const inCondition =
        expanding.length === 0 ? '' : ` in condition ${quote(expanding[expanding.length - 1]!)}`;
      return fail(`${ruleLabel(rule, position)}${inCondition}`, message);
    });
    return emitTopCondition(rule.conditions, ctx);
  });
  const rules = order.map((position) =>
    compiledRule(ruleSet.rules[position]!, priorities[position]!, position),
  );

  const source = generateSource(tests, {
    values: tables.values.length,
    numbers: tables.numbers.length,
    functions: tables.functions.length,
  });
  const evaluator = instantiate(source, tables);
  return Object.freeze({
    kind: ruleSet.kind,
    name: ruleSet.name,
    hitPolicy: ruleSet.hitPolicy,
    layout,
    rules: Object.freeze(rules),
    parameters,
    referenced,
    source,
    newFrame: (): FactFrame => parameterFrame(layout, parameters),
    fire: evaluator.fire,
    first: evaluator.first,
  });
}

function emitContext(
  layout: FactLayout,
  tables: ConstantTables,
  conditions: ReadonlyMap<string, TopCondition>,
  referenced: Set<string>,
  error: (expanding: readonly string[], message: string) => Error,
): EmitContext {
  const expanding: string[] = [];
  return { layout, tables, conditions, referenced, expanding, error: (message) => error(expanding, message) };
}

function ruleLabel(rule: Rule, position: number): string {
  return `rule ${quote(rule.name)} (rules/${position})`;
}

/** The event as json-rules-engine's Rule#setEvent keeps it: params only when the rule has them. */
function compiledRule(rule: Rule, priority: number, position: number): CompiledRule {
  const event: RuleEvent = { type: rule.event.type };
  if (rule.event.params) event.params = Object.freeze(Object.fromEntries(Object.entries(rule.event.params)));
  return Object.freeze({ name: rule.name, priority, position, event: Object.freeze(event) });
}

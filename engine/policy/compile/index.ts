import { declaredParameters, resolveParameters } from '../parameters.ts';
import type { ParameterValue, Rule, RuleEvent, RuleSet } from '../rule-set.ts';
import { ConstantTables } from './constants.ts';
import { emitRules, ruleLabel } from './emit-rules.ts';
import { parameterFrame } from './frame.ts';
import { generateSource, instantiate } from './generate.ts';
import { buildLayout } from './layout.ts';
import { decisionOrder, effectivePriority } from './order.ts';
import { partialDecider } from './partial.ts';
import { quote } from './quote.ts';
import type { CompiledPolicy, CompiledRule, FactFrame } from './types.ts';

export type { CompiledPolicy, CompiledRule, FactFrame, FactLayout, Slot } from './types.ts';
export { frameFromFacts, writeSlot } from './frame.ts';
export { generateSource } from './generate.ts';
export { DECIDES_NONE, UNDECIDED, type PartialDecider } from './partial.ts';

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
  const emitted = emitRules(
    ruleSet,
    order,
    layout,
    tables,
    referenced,
    (rule, position, inCondition, message) => fail(ruleLabel(rule, position, inCondition), message),
  );
  const rules = order.map((position) =>
    compiledRule(ruleSet.rules[position]!, priorities[position]!, position),
  );

  const source = generateSource(emitted, {
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
    // A copy: the decider reads the conditions later, and the caller's object may change.
    decideKnown: partialDecider(structuredClone(ruleSet), order, parameters),
  });
}

/** The event as json-rules-engine's Rule#setEvent keeps it: params only when the rule has them. */
function compiledRule(rule: Rule, priority: number, position: number): CompiledRule {
  const event: RuleEvent = { type: rule.event.type };
  if (rule.event.params) event.params = Object.freeze(Object.fromEntries(Object.entries(rule.event.params)));
  return Object.freeze({ name: rule.name, priority, position, event: Object.freeze(event) });
}

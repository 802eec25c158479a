import { operatorFunction, parseOperator } from '../operators.ts';
import type { Condition, ParameterValue, RuleSet, TopCondition } from '../rule-set.ts';
import { isFactRef } from '../rule-set.ts';

/** {@link PartialDecider}'s answer when no rule can fire, whatever the unknown facts are. */
export const DECIDES_NONE = -1;
/** {@link PartialDecider}'s answer when the decision depends on facts it was not given. */
export const UNDECIDED = -2;

/**
 * The decision a rule set takes when only some facts are known, where the others cannot change it:
 * under `first`, the index (into the compiled rules, decision order) of the rule that decides, or
 * {@link DECIDES_NONE}; under `collect` only {@link DECIDES_NONE}; {@link UNDECIDED} otherwise.
 */
export type PartialDecider = (known: ReadonlyMap<string, unknown>) => number;

/** Three-valued truth: a condition holds, fails, or depends on facts not known. */
type Truth = true | false | undefined;

/** Shared conditions nested deeper than this are taken as unknown (validation rejects cycles). */
const MAX_DEPTH = 200;

/**
 * Decides a rule set from a subset of its facts by three-valued evaluation with json-rules-engine 7
 * semantics (the same operator functions as the reference): a comparison whose sides are known is
 * evaluated, one that reads an unknown fact is unknown; `all` fails when one item fails, `any` holds
 * when one holds, and `all: []` and `any: []` hold, as in json-rules-engine. Sound: a rule is taken
 * to decide only if every rule before it in decision order certainly fails and it certainly holds,
 * so the full evaluation with any values of the unknown facts gives the same decision.
 *
 * The simulator uses it to skip loading facts (and evaluating) for contracts whose decision their
 * cheap facts already settle, e.g. a "wait until the contact window" rule far from the end of term.
 * @param order file positions of the rules in decision order (see decisionOrder)
 * @param parameters the rule set's resolved parameter values, read like facts
 */
export function partialDecider(
  ruleSet: RuleSet,
  order: readonly number[],
  parameters: ReadonlyMap<string, ParameterValue>,
): PartialDecider {
  const shared = new Map<string, TopCondition>(Object.entries(ruleSet.conditions ?? {}));
  const first = ruleSet.hitPolicy === 'first';
  return (known) => {
    const value = (name: string): { known: boolean; value: unknown } =>
      known.has(name)
        ? { known: true, value: known.get(name) }
        : parameters.has(name)
          ? { known: true, value: parameters.get(name) }
          : { known: false, value: undefined };

    const truth = (condition: Condition, depth: number): Truth => {
      if (depth > MAX_DEPTH) return undefined;
      const has = (key: string) => Object.hasOwn(condition, key);
      if (has('all') || has('any')) {
        const isAll = has('all');
        const items = (condition as { all?: Condition[]; any?: Condition[] })[isAll ? 'all' : 'any']!;
        if (items.length === 0) return true;
        let unknown = false;
        for (const item of items) {
          const t = truth(item, depth + 1);
          if (t === undefined) unknown = true;
          else if (t !== isAll) return t;
        }
        return unknown ? undefined : isAll;
      }
      if (has('not')) {
        const t = truth((condition as { not: Condition }).not, depth + 1);
        return t === undefined ? undefined : !t;
      }
      if (has('condition')) {
        const name = (condition as { condition: string }).condition;
        const named = shared.get(name);
        return named === undefined ? undefined : truth(named, depth + 1);
      }
      const {
        fact,
        operator,
        value: written,
      } = condition as {
        fact: string;
        operator: string;
        value: unknown;
      };
      const op = parseOperator(operator);
      const lhs = value(fact);
      if (op === undefined || !lhs.known) return undefined;
      let rhs: unknown = written;
      if (isFactRef(written)) {
        // A reference with more than `fact` (path, params) is nothing the simulator can know here.
        if (Object.keys(written).length !== 1) return undefined;
        const ref = value(written.fact);
        if (!ref.known) return undefined;
        rhs = ref.value;
      }
      return operatorFunction(op)(lhs.value, rhs);
    };

    for (const position of order) {
      const t = truth(ruleSet.rules[position]!.conditions, 0);
      if (t === false) continue;
      if (t === true && first) return order.indexOf(position);
      return UNDECIDED;
    }
    return DECIDES_NONE;
  };
}

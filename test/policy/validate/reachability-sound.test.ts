import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS } from '../../../engine/domain/lists.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { operatorFunction, parseOperator } from '../../../engine/policy/operators.ts';
import type { Condition, RuleSet } from '../../../engine/policy/rule-set.ts';
import { isFactRef } from '../../../engine/policy/rule-set.ts';
import { findUnreachableRules } from '../../../engine/policy/validate/reachability.ts';
import { factsArbitrary, ruleSetArbitrary } from '../arbitraries.ts';

const evaluators = new Map<string, ReturnType<typeof operatorFunction>>();
function evaluator(operator: string) {
  let f = evaluators.get(operator);
  if (!f) evaluators.set(operator, (f = operatorFunction(parseOperator(operator)!)));
  return f;
}

/** json-rules-engine's reading of a condition, synchronously, over plain fact values. */
function holds(condition: Condition, values: ReadonlyMap<string, unknown>, ruleSet: RuleSet): boolean {
  const c = condition as unknown as Record<string, unknown>;
  if (Object.hasOwn(c, 'all')) return (c.all as Condition[]).every((x) => holds(x, values, ruleSet));
  // json-rules-engine 7 answers true for an empty list, `any` included (Rule#prioritizeAndRun).
  if (Object.hasOwn(c, 'any'))
    return (
      (c.any as Condition[]).length === 0 || (c.any as Condition[]).some((x) => holds(x, values, ruleSet))
    );
  if (Object.hasOwn(c, 'not')) return !holds(c.not as Condition, values, ruleSet);
  if (Object.hasOwn(c, 'condition'))
    return holds(
      new Map(Object.entries(ruleSet.conditions ?? {})).get(c.condition as string)!,
      values,
      ruleSet,
    );
  const right = isFactRef(c.value) ? values.get(c.value.fact) : c.value;
  return evaluator(c.operator as string)(values.get(c.fact as string), right);
}

/** A rule set with a sample of fact objects (parameters at their defaults unless a sample overrides them). */
const withFacts = fc
  .constantFrom(...POLICY_KINDS)
  .chain((kind) => ruleSetArbitrary(kind, { edgeCases: true }))
  .chain((ruleSet) =>
    fc.tuple(fc.constant(ruleSet), fc.array(factsArbitrary(ruleSet), { minLength: 20, maxLength: 40 })),
  );

/**
 * Small rule sets over six engagement facts with literals from small sets, so that rules often
 * contradict or imply each other, and fact values that cover every case those literals can tell
 * apart: checking all of them is an exhaustive proof for each generated rule set.
 */
const LITERALS = {
  cycle: [1, 2, 3, 0, 4],
  monthsToEnd: [0, 1, 2, 2.5, 3, 5],
  loyaltyScore: [0, 0.5, 1],
  segment: ['reliable', 'occasional', 'habitual-late'],
  dealerHasBdc: [true, false],
  offersMade: ['early-upgrade', 'loyalty-rate'],
} as const;
const VALUES: Record<keyof typeof LITERALS, readonly unknown[]> = {
  cycle: [1, 2, 3],
  monthsToEnd: [0, 1, 2, 3, 4, 5, 6],
  loyaltyScore: [0, 0.25, 0.5, 0.75, 1],
  segment: ['reliable', 'occasional', 'habitual-late'],
  dealerHasBdc: [true, false],
  offersMade: [[], ['early-upgrade'], ['loyalty-rate'], ['early-upgrade', 'loyalty-rate']],
};
const OPERATORS_BY_FACT: Record<keyof typeof LITERALS, readonly string[]> = {
  cycle: ['equal', 'notEqual', 'lessThan', 'greaterThanInclusive'],
  monthsToEnd: ['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'equal', 'notEqual'],
  loyaltyScore: ['lessThan', 'greaterThan', 'greaterThanInclusive'],
  segment: ['equal', 'notEqual'],
  dealerHasBdc: ['equal', 'notEqual'],
  offersMade: ['contains', 'doesNotContain'],
};
const FACTS = Object.keys(LITERALS) as (keyof typeof LITERALS)[];

const comparison: fc.Arbitrary<Condition> = fc.constantFrom(...FACTS).chain((fact) =>
  fc.record({
    fact: fc.constant(fact),
    operator: fc
      .tuple(fc.boolean(), fc.constantFrom(...OPERATORS_BY_FACT[fact]))
      .map(([not, op]) => (not ? `not:${op}` : op)),
    value: fc.constantFrom(...LITERALS[fact]),
  }),
);
const membership: fc.Arbitrary<Condition> = fc
  .constantFrom('cycle' as const, 'segment' as const)
  .chain((fact) =>
    fc.record({
      fact: fc.constant(fact),
      operator: fc.constantFrom('in', 'notIn', 'not:in'),
      value: fc.subarray([...LITERALS[fact]] as (string | number)[]),
    }),
  );
const leaf = fc.oneof({ arbitrary: comparison, weight: 4 }, { arbitrary: membership, weight: 1 });
const group: fc.Arbitrary<Condition> = fc.oneof(
  { arbitrary: fc.array(leaf, { maxLength: 3 }).map((all) => ({ all })), weight: 5 },
  { arbitrary: fc.array(leaf, { maxLength: 3 }).map((any) => ({ any })), weight: 2 },
  { arbitrary: leaf.map((not) => ({ not })), weight: 1 },
);
const nested: fc.Arbitrary<Condition> = fc
  .tuple(fc.array(leaf, { maxLength: 3 }), fc.array(group, { maxLength: 2 }))
  .map(([leaves, groups]) => ({ all: [...leaves, ...groups] }));
const smallRuleSet: fc.Arbitrary<RuleSet> = fc
  .array(fc.tuple(fc.oneof(group, nested), fc.integer({ min: 1, max: 3 })), { minLength: 2, maxLength: 6 })
  .map((rules) => ({
    kind: 'engagement',
    name: 'small',
    description: 'generated',
    hitPolicy: 'first',
    rules: rules.map(([conditions, priority], i) => ({
      name: `r${i}`,
      priority,
      conditions: conditions as RuleSet['rules'][number]['conditions'],
      event: { type: 'none' },
    })),
  }));

function* everyFactValue(): Generator<Map<string, unknown>> {
  const combine = function* (i: number, acc: [string, unknown][]): Generator<Map<string, unknown>> {
    if (i === FACTS.length) return yield new Map(acc);
    for (const v of VALUES[FACTS[i]!]) yield* combine(i + 1, [...acc, [FACTS[i]!, v]]);
  };
  yield* combine(0, []);
}

describe('reachability warnings are sound', () => {
  it('holds for every fact value of small, densely related rule sets (exhaustive per rule set)', () => {
    const counts = { 'never-fires': 0, shadowed: 0 };
    const cases = [...everyFactValue()];
    fc.assert(
      fc.property(smallRuleSet, (ruleSet) => {
        const { problems } = loadRuleSet(JSON.stringify(ruleSet), 'small.json');
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const unreachable = findUnreachableRules(ruleSet);
        for (const u of unreachable) counts[u.kind]++;
        const truth = new Map<number, boolean[]>();
        const fires = (i: number) => {
          let t = truth.get(i);
          if (!t)
            truth.set(i, (t = cases.map((values) => holds(ruleSet.rules[i]!.conditions, values, ruleSet))));
          return t;
        };
        for (const u of unreachable) {
          if (u.kind === 'never-fires')
            expect(fires(u.rule).indexOf(true), `rule ${u.rule}: ${u.reason}`).toBe(-1);
          else {
            const counterexample = fires(u.rule).findIndex((fired, k) => fired && !fires(u.by)[k]);
            expect(counterexample, `rule ${u.rule} shadowed by ${u.by}`).toBe(-1);
          }
        }
      }),
      { numRuns: 400 },
    );
    expect(counts['never-fires']).toBeGreaterThan(30);
    expect(counts.shadowed).toBeGreaterThan(30);
  });

  it('a rule said never to fire never fires, and a rule said never to decide fires only with the rule ahead of it', () => {
    let findings = 0;
    fc.assert(
      fc.property(withFacts, ([ruleSet, samples]) => {
        const unreachable = findUnreachableRules(ruleSet);
        findings += unreachable.length;
        const defaults = Object.entries(ruleSet.parameters ?? {}).map(
          ([name, d]) => [name, d.default] as const,
        );
        for (const sample of samples) {
          const values = new Map<string, unknown>([...defaults, ...Object.entries(sample)]);
          const fires = (i: number) => holds(ruleSet.rules[i]!.conditions, values, ruleSet);
          for (const u of unreachable) {
            if (u.kind === 'never-fires') expect(fires(u.rule), `rule ${u.rule}: ${u.reason}`).toBe(false);
            else if (fires(u.rule)) expect(fires(u.by), `rule ${u.rule} shadowed by ${u.by}`).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
    // The property says nothing if the analysis never concludes anything.
    expect(findings).toBeGreaterThan(50);
  });
});

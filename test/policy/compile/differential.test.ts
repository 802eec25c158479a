import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS, type PolicyKind } from '../../../engine/domain/lists.ts';
import { compileRuleSet, frameFromFacts, type CompiledPolicy } from '../../../engine/policy/compile/index.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { createReferenceEngine, type ReferenceFiring } from '../../../engine/policy/reference.ts';
import { factsArbitrary, parameterOverridesArbitrary, ruleSetArbitrary } from '../arbitraries.ts';

/**
 * The compiled evaluator against json-rules-engine itself, on random valid rule sets and fact
 * objects of every kind: 4 kinds × RULE_SETS × FACTS_PER_RULE_SET = 20,000 cases per `npm test`.
 */
const RULE_SETS = 1000;
const FACTS_PER_RULE_SET = 5;

interface Firing {
  readonly name: string;
  readonly priority: number;
  readonly event: unknown;
}

/** Indices (into `policy.rules`) of every fired rule, and of the first one. */
function evaluate(
  policy: CompiledPolicy,
  facts: Record<string, unknown>,
): { fired: number[]; first: number } {
  const built = frameFromFacts(policy, facts);
  if ('error' in built) throw new Error(`generated facts were rejected: ${built.error}`);
  const out = new Int32Array(policy.rules.length);
  const count = policy.fire(built.frame, out);
  return { fired: Array.from(out.subarray(0, count)), first: policy.first(built.frame) };
}

/** JSON with sorted keys, so two events with the same params compare equal as strings. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === 'object' && v !== null && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/**
 * Same firings in the same order across priorities; within one priority as a multiset, because
 * json-rules-engine runs one priority's rules in parallel and emits them as their promises settle.
 */
function expectSameFirings(compiled: readonly Firing[], reference: readonly ReferenceFiring[]): void {
  expect(compiled.map((f) => f.priority)).toEqual(reference.map((f) => f.priority));
  let start = 0;
  while (start < compiled.length) {
    let end = start;
    while (end < compiled.length && compiled[end]!.priority === compiled[start]!.priority) end++;
    const block = (firings: readonly Firing[]) =>
      firings
        .slice(start, end)
        .map((f) => canonical({ name: f.name, event: f.event }))
        .sort();
    expect(block(compiled)).toEqual(block(reference));
    start = end;
  }
}

function differential(kind: PolicyKind) {
  const cases = ruleSetArbitrary(kind, { edgeCases: true }).chain((ruleSet) =>
    fc.record({
      ruleSet: fc.constant(ruleSet),
      overrides: parameterOverridesArbitrary(ruleSet),
      factObjects: fc.array(factsArbitrary(ruleSet), {
        minLength: FACTS_PER_RULE_SET,
        maxLength: FACTS_PER_RULE_SET,
      }),
    }),
  );
  return fc.asyncProperty(cases, async ({ ruleSet, overrides, factObjects }) => {
    const policy = compileRuleSet(ruleSet, overrides);
    const reference = createReferenceEngine(ruleSet, overrides);
    for (const facts of factObjects) {
      const { fired, first } = evaluate(policy, facts);
      expectSameFirings(
        fired.map((i) => policy.rules[i]!),
        await reference.runFirings(facts),
      );
      expect(first).toBe(fired[0] ?? -1);
    }
  });
}

/**
 * The validator refuses exactly what json-rules-engine refuses: a rule set with no error builds an
 * engine that runs; one the engine refuses (a shared condition named "") has a located error.
 */
function validatorMatchesEngine(kind: PolicyKind) {
  const cases = ruleSetArbitrary(kind, { edgeCases: true, refusedNames: true, maxRules: 3 }).chain(
    (ruleSet) => fc.record({ ruleSet: fc.constant(ruleSet), facts: factsArbitrary(ruleSet) }),
  );
  return fc.asyncProperty(cases, async ({ ruleSet, facts }) => {
    const errors = loadRuleSet(JSON.stringify(ruleSet), 'r.json').problems.filter(
      (p) => p.severity === 'error',
    );
    let refusal: unknown;
    try {
      await createReferenceEngine(ruleSet).run(facts);
    } catch (error) {
      refusal = error;
    }
    expect(
      errors.length > 0,
      `engine: ${String(refusal)}; validator: ${errors.map((p) => p.message).join('; ')}`,
    ).toBe(refusal !== undefined);
  });
}

describe('validate refuses exactly what json-rules-engine refuses', () => {
  for (const kind of POLICY_KINDS) {
    it(`on random ${kind} rule sets, some with a condition named ""`, async () => {
      await fc.assert(validatorMatchesEngine(kind), { numRuns: 150 });
    });
  }
});

describe('the compiled evaluator fires what json-rules-engine fires', () => {
  for (const kind of POLICY_KINDS) {
    it(`on random ${kind} rule sets and facts`, async () => {
      await fc.assert(differential(kind), { numRuns: RULE_SETS });
    });
  }
});

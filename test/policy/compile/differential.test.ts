import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS, type PolicyKind } from '../../../engine/domain/lists.ts';
import { compileRuleSet, frameFromFacts, type CompiledPolicy } from '../../../engine/policy/compile/index.ts';
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

describe('the compiled evaluator fires what json-rules-engine fires', () => {
  for (const kind of POLICY_KINDS) {
    it(`on random ${kind} rule sets and facts`, async () => {
      await fc.assert(differential(kind), { numRuns: RULE_SETS });
    });
  }
});

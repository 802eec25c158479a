import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS, type PolicyKind } from '../../../engine/domain/lists.ts';
import { compileRuleSet, frameFromFacts, type CompiledPolicy } from '../../../engine/policy/compile/index.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { createReferenceEngine, type ReferenceFiring } from '../../../engine/policy/reference.ts';
import { factsArbitrary, parameterOverridesArbitrary, ruleSetArbitrary } from '../arbitraries.ts';

/**
 * The compiled evaluator against json-rules-engine itself, on random valid rule sets and fact
 * objects of every kind: 4 kinds × RULE_SETS × FACTS_PER_RULE_SET = 9,600 cases per `npm test`,
 * new ones each run (fast-check seeds each run afresh and prints the seed of a failure). A rule set
 * costs about as much as eight fact objects (generating, compiling and building the reference
 * engine), so each rule set is asked about eight.
 */
const RULE_SETS = 300;
const FACTS_PER_RULE_SET = 8;

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
 * The firings as comparable text: priority by priority in order, and within one priority as a
 * sorted multiset, because json-rules-engine runs one priority's rules in parallel and emits them
 * as their promises settle.
 */
function firingBlocks(firings: readonly Firing[]): string[][] {
  const blocks: string[][] = [];
  let start = 0;
  while (start < firings.length) {
    let end = start;
    while (end < firings.length && firings[end]!.priority === firings[start]!.priority) end++;
    const block = firings.slice(start, end).map((f) => canonical({ name: f.name, event: f.event }));
    blocks.push([String(firings[start]!.priority), ...block.sort()]);
    start = end;
  }
  return blocks;
}

/** Same firings in the same order across priorities; within one priority as a multiset. */
function expectSameFirings(compiled: readonly Firing[], reference: readonly ReferenceFiring[]): void {
  const [ours, theirs] = [firingBlocks(compiled), firingBlocks(reference)];
  // One string comparison per case; the matcher, which is slow, only to report a difference.
  if (JSON.stringify(ours) !== JSON.stringify(theirs)) expect(ours).toEqual(theirs);
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
      if (first !== (fired[0] ?? -1)) expect(first).toBe(fired[0] ?? -1);
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

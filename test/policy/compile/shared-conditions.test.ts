import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OFFERS } from '../../../engine/domain/lists.ts';
import { compileRuleSet, frameFromFacts, type CompiledPolicy } from '../../../engine/policy/compile/index.ts';
import { createReferenceEngine } from '../../../engine/policy/reference.ts';
import type { HitPolicy, RuleSet, TopCondition } from '../../../engine/policy/rule-set.ts';
import { SAMPLE_FACTS, rule, ruleSetOf } from './helpers.ts';

/**
 * A shared condition referred to from several places is computed at most once per evaluation, and
 * only where json-rules-engine's short-circuit order gets to it. Its first reference may be one
 * evaluation always passes (computed there) or one it may skip (computed on demand).
 */

const parameters = {
  preferredOffer: { type: 'enum' as const, values: [...OFFERS], default: 'extension' },
};

/**
 * `offered` compares with a fact on the value side, so it stays an indexOf call on the list fact
 * (countable through a Proxy); `late` uses it, and both are used eagerly, lazily, under `not` and
 * inside each other.
 */
const conditions: Record<string, TopCondition> = {
  offered: { all: [{ fact: 'offersMade', operator: 'contains', value: { fact: 'preferredOffer' } }] },
  late: {
    all: [{ fact: 'monthsToEnd', operator: 'lessThanInclusive', value: 6 }, { condition: 'offered' }],
  },
  lateOrBdc: { any: [{ condition: 'late' }, { fact: 'dealerHasBdc', operator: 'equal', value: true }] },
};

function sharingRuleSet(hitPolicy: HitPolicy): RuleSet {
  return ruleSetOf(
    'engagement',
    [
      rule('firstCycleLate', {
        all: [{ fact: 'cycle', operator: 'equal', value: 1 }, { condition: 'late' }],
      }),
      rule('lateOrBdc', { all: [{ condition: 'lateOrBdc' }] }),
      rule('notOffered', { not: { condition: 'offered' } }),
      rule('offered', { all: [{ condition: 'offered' }] }),
      rule('lateAndOffered', { all: [{ condition: 'late' }, { condition: 'offered' }] }),
      rule('anyLate', {
        any: [{ fact: 'region', operator: 'equal', value: 'east' }, { not: { condition: 'late' } }],
      }),
    ],
    { hitPolicy, parameters, conditions },
  );
}

/** Fired rule names, fire and first, on the sample facts with `facts` over them. */
function evaluate(policy: CompiledPolicy, facts: Record<string, unknown>, offersMade?: unknown) {
  const built = frameFromFacts(policy, { ...SAMPLE_FACTS.engagement, ...facts });
  if ('error' in built) throw new Error(built.error);
  if (offersMade !== undefined) built.frame.ref[policy.layout.slots.get('offersMade')!.index] = offersMade;
  const out = new Int32Array(policy.rules.length);
  const fired = Array.from(out.subarray(0, policy.fire(built.frame, out)), (i) => policy.rules[i]!.name);
  const first = policy.first(built.frame);
  return { fired, first: first === -1 ? undefined : policy.rules[first]!.name };
}

/** A list fact that counts how often a comparison calls its indexOf. */
function countingList(values: string[]): { list: string[]; calls: { indexOf: number } } {
  const calls = { indexOf: 0 };
  const list = new Proxy(values, {
    get(target, key, receiver) {
      if (key === 'indexOf') calls.indexOf++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, calls };
}

describe('shared conditions referred to from several places', () => {
  const facts = fc.record({
    cycle: fc.constantFrom(1, 2),
    monthsToEnd: fc.constantFrom(3, 6, 7, 20),
    dealerHasBdc: fc.boolean(),
    region: fc.constantFrom('north', 'east'),
    offersMade: fc.subarray([...OFFERS]),
    preferredOffer: fc.constantFrom(...OFFERS),
  });

  for (const hitPolicy of ['collect', 'first'] as const) {
    it(`fire what json-rules-engine fires, nested, negated and lazily used (${hitPolicy})`, async () => {
      const ruleSet = sharingRuleSet(hitPolicy);
      const policy = compileRuleSet(ruleSet);
      const reference = createReferenceEngine(ruleSet);
      await fc.assert(
        fc.asyncProperty(facts, async (f) => {
          const { fired, first } = evaluate(policy, f);
          const expected = (await reference.runFirings({ ...SAMPLE_FACTS.engagement, ...f })).map(
            (r) => r.name,
          );
          expect([...fired].sort()).toEqual([...expected].sort());
          expect(first).toBe(fired[0]);
        }),
        { numRuns: 200 },
      );
    });
  }

  it('are computed once per evaluation however many rules and conditions refer to them', () => {
    const policy = compileRuleSet(sharingRuleSet('collect'));
    const slot = policy.layout.slots.get('offersMade')!.index;
    for (const monthsToEnd of [3, 20]) {
      const built = frameFromFacts(policy, { ...SAMPLE_FACTS.engagement, monthsToEnd });
      if ('error' in built) throw new Error(built.error);
      const { list, calls } = countingList(['extension']);
      built.frame.ref[slot] = list;
      const out = new Int32Array(policy.rules.length);
      const fired = out.subarray(0, policy.fire(built.frame, out));
      expect(Array.from(fired, (i) => policy.rules[i]!.name)).toContain('offered');
      expect(calls.indexOf).toBe(1);
      calls.indexOf = 0;
      policy.first(built.frame);
      expect(calls.indexOf).toBeLessThanOrEqual(1);
    }
  });

  it('are not computed where json-rules-engine would not get to them', () => {
    const ruleSet = ruleSetOf(
      'engagement',
      [
        rule('a', { all: [{ fact: 'cycle', operator: 'equal', value: 9 }, { condition: 'offered' }] }),
        rule('b', { any: [{ fact: 'cycle', operator: 'equal', value: 1 }, { condition: 'offered' }] }),
        rule('c', { all: [{ fact: 'cycle', operator: 'greaterThan', value: 5 }, { condition: 'offered' }] }),
      ],
      { parameters, conditions },
    );
    const policy = compileRuleSet(ruleSet);
    const skipped = countingList(['extension']);
    expect(evaluate(policy, { cycle: 1 }, skipped.list).fired).toEqual(['b']);
    expect(skipped.calls.indexOf).toBe(0);
    const needed = countingList(['extension']);
    expect(evaluate(policy, { cycle: 9 }, needed.list).fired).toEqual(['a', 'b', 'c']);
    expect(needed.calls.indexOf).toBe(2);
  });

  it('still report a condition that refers to itself through another', () => {
    const cyclic: Record<string, TopCondition> = {
      a: { all: [{ condition: 'b' }] },
      b: { any: [{ condition: 'a' }, { fact: 'cycle', operator: 'equal', value: 1 }] },
    };
    const ruleSet = ruleSetOf('engagement', [rule('r', { condition: 'a' }), rule('s', { condition: 'b' })], {
      conditions: cyclic,
    });
    expect(() => compileRuleSet(ruleSet)).toThrow('condition "a" refers to itself: "a" → "b" → "a"');
  });
});

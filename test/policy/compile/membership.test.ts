import { describe, expect, it } from 'vitest';
import { compileRuleSet, frameFromFacts, type CompiledPolicy } from '../../../engine/policy/compile/index.ts';
import { createReferenceEngine } from '../../../engine/policy/reference.ts';
import type { Comparison, RuleSet } from '../../../engine/policy/rule-set.ts';
import { SAMPLE_FACTS, rule, ruleSetOf, runBoth } from './helpers.ts';

/**
 * `in`/`notIn` against literal lists compile to `===` chains, list tests (`contains`,
 * `doesNotContain` and the decorators that only ask about membership) to one bit mask per list per
 * evaluation. These cases are the ones where strict equality, validators and holes could tell the
 * compiled forms from json-rules-engine's indexOf, some and every.
 */

/** Whether one comparison fires, in both engines (they must agree), on the sample facts plus `facts`. */
async function holds(comparison: Comparison, facts: Record<string, unknown> = {}): Promise<boolean> {
  const result = await runBoth(ruleSetOf('engagement', [rule('it', { all: [comparison] })]), facts);
  expect(result.compiled).toEqual(result.reference);
  return result.compiled.length === 1;
}

/** Fired rule names of `policy` on a frame of the sample facts with `write` applied to it. */
function firedOn(policy: CompiledPolicy, write: (num: Float64Array, ref: unknown[]) => void): string[] {
  const built = frameFromFacts(policy, SAMPLE_FACTS.engagement);
  if ('error' in built) throw new Error(built.error);
  write(built.frame.num, built.frame.ref);
  const out = new Int32Array(policy.rules.length);
  const fired = Array.from(out.subarray(0, policy.fire(built.frame, out)), (i) => policy.rules[i]!.name);
  const first = policy.first(built.frame);
  expect(first === -1 ? undefined : policy.rules[first]!.name).toBe(fired[0]);
  return fired;
}

/** json-rules-engine's fired rule names on `facts`, sorted (one priority: its order is its own). */
async function referenceFired(ruleSet: RuleSet, facts: Record<string, unknown>): Promise<string[]> {
  return (await createReferenceEngine(ruleSet).runFirings(facts)).map((f) => f.name).sort();
}

describe('in and notIn against a literal list', () => {
  it('compare strictly: NaN matches nothing, -0 matches 0', async () => {
    expect(await holds({ fact: 'equity', operator: 'in', value: [Number.NaN, 5] }, { equity: 5 })).toBe(true);
    expect(await holds({ fact: 'equity', operator: 'in', value: [Number.NaN] }, { equity: 5 })).toBe(false);
    expect(await holds({ fact: 'equity', operator: 'notIn', value: [Number.NaN] }, { equity: 5 })).toBe(true);
    expect(await holds({ fact: 'equity', operator: 'in', value: [-0] }, { equity: 0 })).toBe(true);
    expect(await holds({ fact: 'equity', operator: 'in', value: [0] }, { equity: -0 })).toBe(true);
    expect(await holds({ fact: 'equity', operator: 'notIn', value: [-0, 7] }, { equity: 0 })).toBe(false);
  });

  it('never match a member of another type: "14" is not 14, true is not 1, null is not undefined', async () => {
    expect(await holds({ fact: 'monthsToEnd', operator: 'in', value: ['14', true, null] })).toBe(false);
    expect(await holds({ fact: 'monthsToEnd', operator: 'notIn', value: ['14', true, null] })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'in', value: ['14', 14] })).toBe(true);
    expect(await holds({ fact: 'dealerHasBdc', operator: 'in', value: [1, 'true', null] })).toBe(false);
    expect(await holds({ fact: 'dealerHasBdc', operator: 'in', value: [1, 'true', true] })).toBe(true);
    expect(await holds({ fact: 'region', operator: 'in', value: [0, false, null, 'north'] })).toBe(true);
  });

  it('hold for no member of an empty list, and notIn for every value', async () => {
    expect(await holds({ fact: 'region', operator: 'in', value: [] })).toBe(false);
    expect(await holds({ fact: 'region', operator: 'notIn', value: [] })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'in', value: [] })).toBe(false);
  });

  it('keep indexOf where a chain would differ or grow long', async () => {
    // a string value: indexOf searches it for a substring
    expect(await holds({ fact: 'region', operator: 'in', value: 'northeast' })).toBe(true);
    expect(await holds({ fact: 'region', operator: 'notIn', value: 'south' })).toBe(true);
    // a nested list is never strictly equal to the fact
    expect(await holds({ fact: 'region', operator: 'in', value: [['north'], 'south'] })).toBe(false);
    const many = Array.from({ length: 20 }, (_, i) => i);
    expect(await holds({ fact: 'monthsToEnd', operator: 'in', value: many })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'notIn', value: many })).toBe(false);
  });

  it('see a NaN written into a frame as json-rules-engine sees a NaN fact', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('in', { all: [{ fact: 'equity', operator: 'in', value: [Number.NaN, 0] }] }),
      rule('notIn', { all: [{ fact: 'equity', operator: 'notIn', value: [Number.NaN, 0] }] }),
    ]);
    const policy = compileRuleSet(ruleSet);
    const equity = policy.layout.slots.get('equity')!.index;
    expect(firedOn(policy, (num) => (num[equity] = Number.NaN))).toEqual(['notIn']);
    expect(await referenceFired(ruleSet, { ...SAMPLE_FACTS.engagement, equity: Number.NaN })).toEqual([
      'notIn',
    ]);
  });
});

describe('list tests', () => {
  const offers = (offersMade: string[]) => ({ offersMade });

  it('contains and doesNotContain, several on one list', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('hasExtension', { all: [{ fact: 'offersMade', operator: 'contains', value: 'extension' }] }),
      rule('noLoyalty', { all: [{ fact: 'offersMade', operator: 'doesNotContain', value: 'loyalty-rate' }] }),
      rule('hasBoth', {
        all: [
          { fact: 'offersMade', operator: 'contains', value: 'extension' },
          { fact: 'offersMade', operator: 'contains', value: 'loyalty-rate' },
        ],
      }),
      rule('hasOne', {
        any: [
          { fact: 'cycle', operator: 'equal', value: 9 },
          { fact: 'offersMade', operator: 'contains', value: 'early-upgrade' },
        ],
      }),
    ]);
    for (const list of [[], ['extension'], ['loyalty-rate', 'extension'], ['early-upgrade', 'extension']]) {
      const { compiled, reference } = await runBoth(ruleSet, offers(list));
      expect(compiled.map((e) => e.type).sort()).toEqual(reference.map((e) => e.type).sort());
    }
  });

  it('need an array: on an enum fact both contains and doesNotContain fail, also with a mask', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('contains', { all: [{ fact: 'region', operator: 'contains', value: 'north' }] }),
      rule('doesNotContain', { all: [{ fact: 'region', operator: 'doesNotContain', value: 'south' }] }),
      rule('both', {
        all: [
          { fact: 'region', operator: 'doesNotContain', value: 'east' },
          { fact: 'region', operator: 'someFact:in', value: ['north'] },
        ],
      }),
    ]);
    const { compiled, reference } = await runBoth(ruleSet);
    expect(compiled).toEqual([]);
    expect(reference).toEqual([]);
  });

  it('never find NaN in a list, and find -0 as 0 (a list written into a frame)', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('hasNaN', { all: [{ fact: 'offersMade', operator: 'contains', value: Number.NaN }] }),
      rule('lacksNaN', { all: [{ fact: 'offersMade', operator: 'doesNotContain', value: Number.NaN }] }),
      rule('hasZero', { all: [{ fact: 'offersMade', operator: 'contains', value: -0 }] }),
      rule('someNaNOrZero', {
        all: [{ fact: 'offersMade', operator: 'someFact:in', value: [Number.NaN, 0] }],
      }),
    ]);
    const policy = compileRuleSet(ruleSet);
    const slot = policy.layout.slots.get('offersMade')!.index;
    const list = [Number.NaN, 0, 'extension'];
    expect(firedOn(policy, (_num, ref) => (ref[slot] = list)).sort()).toEqual([
      'hasZero',
      'lacksNaN',
      'someNaNOrZero',
    ]);
    expect(await referenceFired(ruleSet, { ...SAMPLE_FACTS.engagement, offersMade: list })).toEqual([
      'hasZero',
      'lacksNaN',
      'someNaNOrZero',
    ]);
  });

  it('skip holes as indexOf, some and every do (a holey list written into a frame)', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('hasExtension', { all: [{ fact: 'offersMade', operator: 'contains', value: 'extension' }] }),
      rule('someNone', { all: [{ fact: 'offersMade', operator: 'someFact:equal', value: 'none' }] }),
      rule('noneIsNone', { all: [{ fact: 'offersMade', operator: 'everyFact:notEqual', value: 'none' }] }),
      rule('notInEmpty', { all: [{ fact: 'offersMade', operator: 'everyFact:notIn', value: [] }] }),
    ]);
    const policy = compileRuleSet(ruleSet);
    const slot = policy.layout.slots.get('offersMade')!.index;
    const holey: unknown[] = [];
    holey[1] = 'extension';
    holey[3] = 'loyalty-rate';
    const expected = await referenceFired(ruleSet, { ...SAMPLE_FACTS.engagement, offersMade: holey });
    expect(expected).toEqual(['hasExtension', 'noneIsNone', 'notInEmpty']);
    expect(firedOn(policy, (_num, ref) => (ref[slot] = holey)).sort()).toEqual(expected);
  });

  it('the membership decorators: someFact:in / :equal, everyFact:notIn / :notEqual, also under not', async () => {
    const list = offers(['service-package', 'extension']);
    expect(
      await holds({ fact: 'offersMade', operator: 'someFact:in', value: ['none', 'extension'] }, list),
    ).toBe(true);
    expect(await holds({ fact: 'offersMade', operator: 'someFact:in', value: ['none'] }, list)).toBe(false);
    expect(await holds({ fact: 'offersMade', operator: 'someFact:in', value: [] }, list)).toBe(false);
    expect(await holds({ fact: 'offersMade', operator: 'someFact:equal', value: 'extension' }, list)).toBe(
      true,
    );
    expect(await holds({ fact: 'offersMade', operator: 'everyFact:notIn', value: ['none'] }, list)).toBe(
      true,
    );
    expect(await holds({ fact: 'offersMade', operator: 'everyFact:notIn', value: ['extension'] }, list)).toBe(
      false,
    );
    expect(await holds({ fact: 'offersMade', operator: 'everyFact:notIn', value: [] }, list)).toBe(true);
    expect(await holds({ fact: 'offersMade', operator: 'everyFact:notEqual', value: 'none' }, list)).toBe(
      true,
    );
    expect(await holds({ fact: 'offersMade', operator: 'not:someFact:in', value: ['extension'] }, list)).toBe(
      false,
    );
    expect(
      await holds({ fact: 'offersMade', operator: 'someFact:in', value: ['extension'] }, offers([])),
    ).toBe(false);
    expect(
      await holds({ fact: 'offersMade', operator: 'everyFact:notIn', value: ['extension'] }, offers([])),
    ).toBe(true);
    // on a fact that is not a list, every one of them fails Array.isArray
    expect(await holds({ fact: 'region', operator: 'someFact:equal', value: 'north' })).toBe(false);
    expect(await holds({ fact: 'region', operator: 'everyFact:notIn', value: [] })).toBe(false);
    expect(await holds({ fact: 'monthsToEnd', operator: 'everyFact:notEqual', value: 3 })).toBe(false);
  });

  it('read the list at most once per evaluation, and not at all when no test gets to it', () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('early', {
        all: [
          { fact: 'cycle', operator: 'equal', value: 1 },
          { fact: 'offersMade', operator: 'contains', value: 'extension' },
        ],
      }),
      rule('late', { all: [{ fact: 'offersMade', operator: 'doesNotContain', value: 'loyalty-rate' }] }),
      rule('later', { all: [{ fact: 'offersMade', operator: 'someFact:in', value: ['none', 'extension'] }] }),
    ]);
    const policy = compileRuleSet(ruleSet);
    const slot = policy.layout.slots.get('offersMade')!.index;
    const cycle = policy.layout.slots.get('cycle')!.index;
    const { list, reads } = countingList(['extension']);
    expect(firedOn(policy, (_num, ref) => (ref[slot] = list))).toEqual(['early', 'late', 'later']);
    // one scan in fire, one in first (which stops at `early`), each reading the one element once
    expect(reads.elements).toBe(2);
    const none = countingList(['extension']);
    const firstOnly = compileRuleSet({ ...ruleSet, rules: ruleSet.rules.slice(0, 1) });
    firedOn(firstOnly, (num, ref) => {
      num[cycle] = 2;
      ref[slot] = none.list;
    });
    expect(none.reads.elements).toBe(0);
  });
});

/** An array whose element reads are counted (a Proxy is an array to Array.isArray). */
function countingList(values: string[]): { list: string[]; reads: { elements: number } } {
  const reads = { elements: 0 };
  const list = new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads.elements++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads };
}

import { describe, expect, it } from 'vitest';
import { compileRuleSet, frameFromFacts } from '../../../engine/policy/compile/index.ts';
import { createReferenceEngine } from '../../../engine/policy/reference.ts';
import type { Comparison } from '../../../engine/policy/rule-set.ts';
import { SAMPLE_FACTS, rule, ruleSetOf, runBoth, types } from './helpers.ts';

/** Whether one comparison fires, in both engines (they must agree). */
async function holds(
  comparison: Comparison,
  facts: Record<string, unknown> = {},
  extra: Parameters<typeof ruleSetOf>[2] = {},
): Promise<boolean> {
  const result = await runBoth(ruleSetOf('engagement', [rule('it', { all: [comparison] })], extra), facts);
  expect(result.compiled).toEqual(result.reference);
  return result.compiled.length === 1;
}

describe('empty groups, as json-rules-engine 7 evaluates them', () => {
  it('fires `all: []` and also `any: []` (an empty list resolves to true before the operator is looked at)', async () => {
    const result = await runBoth(
      ruleSetOf('engagement', [
        rule('allEmpty', { all: [] }),
        rule('anyEmpty', { any: [] }),
        rule('notAnyEmpty', { not: { any: [] } }),
        rule('nested', { all: [{ any: [] }, { fact: 'cycle', operator: 'equal', value: 1 }] }),
      ]),
    );
    expect(types(result.compiled)).toEqual(['allEmpty', 'anyEmpty', 'nested']);
    expect(types(result.reference).sort()).toEqual(['allEmpty', 'anyEmpty', 'nested']);
  });
});

describe('rule order', () => {
  const ruleSet = ruleSetOf('engagement', [
    rule('a', { all: [] }, 1),
    rule('b', { all: [] }, 3),
    rule('c', { all: [] }),
    rule('d', { all: [] }, 2.7),
    rule('e', { all: [] }, 2),
  ]);

  it('runs priorities high to low, ties in file order; 2.7 counts as 2 and no priority as 1 (parseInt)', async () => {
    const policy = compileRuleSet(ruleSet);
    expect(policy.rules.map((r) => [r.name, r.priority, r.position])).toEqual([
      ['b', 3, 1],
      ['d', 2, 3],
      ['e', 2, 4],
      ['a', 1, 0],
      ['c', 1, 2],
    ]);
    const { compiled, reference, first } = await runBoth(ruleSet);
    expect(types(compiled)).toEqual(['b', 'd', 'e', 'a', 'c']);
    expect(types(reference)[0]).toBe('b');
    expect(types(reference).slice(1, 3).sort()).toEqual(['d', 'e']);
    expect(types(reference).slice(3).sort()).toEqual(['a', 'c']);
    expect(first?.type).toBe('b');
  });

  it('first() is the first fired rule in decision order, -1 when none fires', () => {
    const policy = compileRuleSet(
      ruleSetOf('engagement', [
        rule('late', { all: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 30 }] }, 5),
        rule('window', { all: [{ fact: 'monthsToEnd', operator: 'lessThanInclusive', value: 18 }] }, 2),
        rule('fallback', { all: [{ fact: 'cycle', operator: 'greaterThan', value: 0 }] }, 2),
      ]),
    );
    const frame = (facts: Record<string, unknown>) => {
      const built = frameFromFacts(policy, { ...SAMPLE_FACTS.engagement, ...facts });
      if ('error' in built) throw new Error(built.error);
      return built.frame;
    };
    expect(policy.rules[policy.first(frame({}))]!.name).toBe('window');
    expect(policy.rules[policy.first(frame({ daysPastDue: 31 }))]!.name).toBe('late');
    expect(policy.first(frame({ monthsToEnd: 30, cycle: 0 }))).toBe(-1);
    expect(policy.fire(frame({ monthsToEnd: 30, cycle: 0 }), new Int32Array(3))).toBe(0);
  });
});

describe('decorators', () => {
  it('not:someFact:equal is "no element equals"', async () => {
    expect(await holds({ fact: 'offersMade', operator: 'not:someFact:equal', value: 'loyalty-rate' })).toBe(
      true,
    );
    expect(
      await holds({ fact: 'offersMade', operator: 'not:someFact:equal', value: 'service-package' }),
    ).toBe(false);
  });
  it('someFact:not:equal is "some element differs" (decorators apply outermost first)', async () => {
    const facts = { offersMade: ['service-package', 'service-package'] };
    expect(
      await holds({ fact: 'offersMade', operator: 'someFact:not:equal', value: 'service-package' }, facts),
    ).toBe(false);
    expect(
      await holds({ fact: 'offersMade', operator: 'someFact:not:equal', value: 'extension' }, facts),
    ).toBe(true);
  });
  it('swap:in tests the value against a list fact', async () => {
    expect(await holds({ fact: 'offersMade', operator: 'swap:in', value: 'service-package' })).toBe(true);
    expect(await holds({ fact: 'offersMade', operator: 'swap:in', value: 'extension' })).toBe(false);
  });
  it('someValue / everyValue compare the fact with each listed value', async () => {
    expect(await holds({ fact: 'monthsToEnd', operator: 'someValue:lessThan', value: [10, 20] })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'everyValue:lessThan', value: [10, 20] })).toBe(
      false,
    );
    expect(await holds({ fact: 'monthsToEnd', operator: 'everyValue:greaterThan', value: [] })).toBe(true);
  });
  it('everyFact:in holds for an empty list fact', async () => {
    const operator = 'everyFact:in';
    expect(await holds({ fact: 'offersMade', operator, value: ['extension'] }, { offersMade: [] })).toBe(
      true,
    );
    expect(await holds({ fact: 'offersMade', operator, value: ['extension'] })).toBe(false);
  });
  it('not:not is the identity', async () => {
    expect(await holds({ fact: 'cycle', operator: 'not:not:equal', value: 1 })).toBe(true);
  });
  it('swap:lessThan applies the number validator to the JSON value', async () => {
    // monthsToEnd is 14: 12 < 14; "12" < 14 by JS coercion, as json-rules-engine does; "abc" fails the validator
    expect(await holds({ fact: 'monthsToEnd', operator: 'swap:lessThan', value: 12 })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'swap:lessThan', value: '12' })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'swap:lessThan', value: 'abc' })).toBe(false);
    expect(await holds({ fact: 'monthsToEnd', operator: 'not:swap:lessThan', value: 'abc' })).toBe(true);
  });
});

describe('base operators keep json-rules-engine semantics outside the catalogue types', () => {
  it('contains needs an array fact: on a string it is false though the string contains the value', async () => {
    expect(await holds({ fact: 'region', operator: 'contains', value: 'nor' })).toBe(false);
    expect(await holds({ fact: 'region', operator: 'doesNotContain', value: 'nor' })).toBe(false);
  });
  it('lessThan needs a number-like fact: enum strings fail it, numeric strings pass and coerce', async () => {
    expect(await holds({ fact: 'region', operator: 'lessThan', value: 'z' })).toBe(false);
    const parameters = { band: { type: 'enum' as const, values: ['5', '10'], default: '5' } };
    expect(await holds({ fact: 'band', operator: 'lessThan', value: 7 }, {}, { parameters })).toBe(true);
    expect(
      await holds({ fact: 'band', operator: 'lessThan', value: 7 }, { band: '10' }, { parameters }),
    ).toBe(false);
  });
  it('equal is ===: an array literal never equals a list fact', async () => {
    expect(await holds({ fact: 'offersMade', operator: 'equal', value: ['service-package'] })).toBe(false);
    expect(await holds({ fact: 'offersMade', operator: 'notEqual', value: ['service-package'] })).toBe(true);
  });
  it('in uses indexOf: -0 matches 0', async () => {
    expect(await holds({ fact: 'equity', operator: 'in', value: [0] }, { equity: -0 })).toBe(true);
    expect(await holds({ fact: 'equity', operator: 'equal', value: 0 }, { equity: -0 })).toBe(true);
  });
  it('a NaN written into a frame matches nothing, as a NaN fact does in json-rules-engine', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('in', { all: [{ fact: 'equity', operator: 'in', value: [0] }] }),
      rule('notIn', { all: [{ fact: 'equity', operator: 'notIn', value: [0] }] }),
      rule('lessThan', { all: [{ fact: 'equity', operator: 'lessThan', value: 1e9 }] }),
      rule('notGreaterThan', { all: [{ fact: 'equity', operator: 'not:greaterThan', value: -1e9 }] }),
      rule('notEqual', { all: [{ fact: 'equity', operator: 'notEqual', value: 0 }] }),
    ]);
    const policy = compileRuleSet(ruleSet);
    const built = frameFromFacts(policy, SAMPLE_FACTS.engagement);
    if ('error' in built) throw new Error(built.error);
    built.frame.num[policy.layout.slots.get('equity')!.index] = Number.NaN;
    const out = new Int32Array(policy.rules.length);
    const fired = Array.from(out.subarray(0, policy.fire(built.frame, out)), (i) => policy.rules[i]!.name);
    const reference = await createReferenceEngine(ruleSet).run({
      ...SAMPLE_FACTS.engagement,
      equity: Number.NaN,
    });
    expect(fired).toEqual(['notIn', 'notGreaterThan', 'notEqual']);
    expect(types(reference)).toEqual(fired);
  });
  it('a right-hand {"fact": X} reads X', async () => {
    const value = { fact: 'monthsOnBook' };
    expect(await holds({ fact: 'monthsToEnd', operator: 'lessThan', value })).toBe(true);
    expect(await holds({ fact: 'monthsToEnd', operator: 'lessThan', value }, { monthsOnBook: 14 })).toBe(
      false,
    );
  });
});

describe('shared conditions and parameters', () => {
  const ruleSet = ruleSetOf(
    'engagement',
    [
      rule('window', { condition: 'inWindow' }, 2),
      rule('outside', { not: { condition: 'inWindow' } }),
      rule('loyalWindow', {
        all: [{ condition: 'loyalInWindow' }, { fact: 'cycle', operator: 'equal', value: 1 }],
      }),
    ],
    {
      parameters: { windowStart: { type: 'integer', default: 18, min: 0, max: 96 } },
      conditions: {
        inWindow: {
          all: [
            { fact: 'monthsToEnd', operator: 'lessThanInclusive', value: { fact: 'windowStart' } },
            { fact: 'monthsToEnd', operator: 'greaterThanInclusive', value: 12 },
          ],
        },
        loyalInWindow: {
          all: [{ condition: 'inWindow' }, { fact: 'loyaltyScore', operator: 'greaterThan', value: 0.5 }],
        },
      },
    },
  );

  it('inline references, nested references and references under not', async () => {
    const inside = await runBoth(ruleSet);
    expect(types(inside.compiled)).toEqual(['window', 'loyalWindow']);
    expect(types(inside.reference)).toEqual(['window', 'loyalWindow']);
    const outside = await runBoth(ruleSet, { monthsToEnd: 20 });
    expect(types(outside.compiled)).toEqual(['outside']);
    expect(outside.reference).toEqual(outside.compiled);
  });
  it('read parameters as facts: the default, a scenario override, and a value set in the facts', async () => {
    const overridden = await runBoth(ruleSet, { monthsToEnd: 20 }, { windowStart: 24 });
    expect(types(overridden.compiled)).toEqual(['window', 'loyalWindow']);
    expect(overridden.reference).toEqual(overridden.compiled);
    const inFacts = await runBoth(ruleSet, { monthsToEnd: 20, windowStart: 20 });
    expect(types(inFacts.compiled)).toEqual(['window', 'loyalWindow']);
    expect(inFacts.reference).toEqual(inFacts.compiled);
  });
});

describe('events', () => {
  it('carry params only when the rule has them, `{}` included, as json-rules-engine keeps them', async () => {
    const ruleSet = ruleSetOf('engagement', [
      { name: 'none', conditions: { all: [] }, event: { type: 'none' } },
      { name: 'empty', conditions: { all: [] }, event: { type: 'none', params: {} } },
      {
        name: 'contact',
        conditions: { all: [] },
        event: { type: 'contact', params: { channel: 'sms', incentive: 250 } },
      },
    ]);
    const { compiled, reference } = await runBoth(ruleSet);
    expect(compiled).toEqual([
      { type: 'none' },
      { type: 'none', params: {} },
      { type: 'contact', params: { channel: 'sms', incentive: 250 } },
    ]);
    expect('params' in compiled[0]!).toBe(false);
    expect(reference).toEqual(compiled);
  });
  it('are frozen copies: editing the rule set after compiling changes nothing', () => {
    const ruleSet = ruleSetOf('engagement', [
      {
        name: 'contact',
        conditions: { all: [{ fact: 'region', operator: 'in', value: ['north'] }] },
        event: { type: 'contact', params: { channel: 'sms' } },
      },
    ]);
    const policy = compileRuleSet(ruleSet);
    ruleSet.rules[0]!.event.params!.channel = 'letter';
    ((ruleSet.rules[0]!.conditions as { all: Comparison[] }).all[0]!.value as string[])[0] = 'south';
    expect(policy.rules[0]!.event).toEqual({ type: 'contact', params: { channel: 'sms' } });
    expect(Object.isFrozen(policy.rules[0]!.event.params)).toBe(true);
    const built = frameFromFacts(policy, SAMPLE_FACTS.engagement);
    if ('error' in built) throw new Error(built.error);
    expect(policy.first(built.frame)).toBe(0);
  });
});

describe('compile errors name the rule and the problem', () => {
  const compile =
    (rules: Parameters<typeof ruleSetOf>[1], extra = {}) =>
    () =>
      compileRuleSet(ruleSetOf('engagement', rules, extra));
  it('for an unknown fact, operator or condition', () => {
    expect(compile([rule('r', { all: [{ fact: 'monthToEnd', operator: 'equal', value: 1 }] })])).toThrow(
      'invalid rule set "test policy": rule "r" (rules/0): unknown fact "monthToEnd"',
    );
    expect(compile([rule('r', { all: [{ fact: 'cycle', operator: 'between', value: 1 }] })])).toThrow(
      'unknown operator "between"',
    );
    expect(compile([rule('r', { condition: 'nowhere' })])).toThrow('unknown condition "nowhere"');
  });
  it('for a cycle of shared conditions', () => {
    const conditions = { a: { all: [{ condition: 'b' }] }, b: { any: [{ condition: 'a' }] } };
    expect(compile([rule('r', { condition: 'a' })], { conditions })).toThrow(
      'rule "r" (rules/0) in condition "b": condition "a" refers to itself: "a" → "b" → "a"',
    );
  });
  it('for a root comparison, an ambiguous condition and a bad priority', () => {
    const comparison = { fact: 'cycle', operator: 'equal', value: 1 };
    expect(compile([rule('r', comparison as never)])).toThrow('the root condition must be');
    expect(compile([rule('r', { all: [], any: [] } as never)])).toThrow('exactly one of');
    expect(compile([rule('r', { all: [] }, -2)])).toThrow('priority must be a positive integer, got -2');
  });
  it('for a parameter named like a fact', () => {
    const parameters = { cycle: { type: 'integer' as const, default: 1 } };
    expect(compile([rule('r', { all: [] })], { parameters })).toThrow(
      'invalid parameter cycle: the engagement catalogue already has a fact of this name',
    );
  });
});

describe('iterating decorators on values outside the catalogue types', () => {
  it('agree with json-rules-engine on mixed and non-numeric elements', async () => {
    expect(await holds({ fact: 'region', operator: 'someFact:equal', value: 'north' })).toBe(false);
    expect(
      await holds({ fact: 'monthsToEnd', operator: 'everyValue:greaterThan', value: [1, '2', 'x'] }),
    ).toBe(false);
    expect(await holds({ fact: 'monthsToEnd', operator: 'someValue:lessThan', value: ['20x', 'y'] })).toBe(
      false,
    );
    expect(await holds({ fact: 'monthsToEnd', operator: 'someValue:lessThan', value: ['y', '20'] })).toBe(
      true,
    );
    expect(await holds({ fact: 'region', operator: 'someValue:lessThan', value: [1] })).toBe(false);
  });
  it('fail like json-rules-engine when someValue gets no array', async () => {
    const ruleSet = ruleSetOf('engagement', [
      rule('it', { all: [{ fact: 'region', operator: 'someValue:equal', value: 'north' }] }),
    ]);
    const policy = compileRuleSet(ruleSet);
    const built = frameFromFacts(policy, SAMPLE_FACTS.engagement);
    if ('error' in built) throw new Error(built.error);
    expect(() => policy.first(built.frame)).toThrow(TypeError);
    await expect(createReferenceEngine(ruleSet).run(SAMPLE_FACTS.engagement)).rejects.toThrow(TypeError);
  });
});

import { describe, expect, it } from 'vitest';
import { compileRuleSet, frameFromFacts } from '../../../engine/policy/compile/index.ts';
import { SAMPLE_FACTS, rule, ruleSetOf } from './helpers.ts';

const policy = compileRuleSet(
  ruleSetOf(
    'engagement',
    [
      rule('window', {
        all: [
          { fact: 'monthsToEnd', operator: 'lessThanInclusive', value: { fact: 'windowStart' } },
          { fact: 'offersMade', operator: 'doesNotContain', value: 'extension' },
        ],
      }),
      rule('bdc', { all: [{ fact: 'dealerHasBdc', operator: 'equal', value: true }] }),
    ],
    { parameters: { windowStart: { type: 'integer', default: 18, min: 0, max: 96 } } },
  ),
);

function errorOf(facts: Record<string, unknown>): string | undefined {
  const built = frameFromFacts(policy, facts);
  return 'error' in built ? built.error : undefined;
}

describe('layout and frames', () => {
  it('puts numbers in num and everything else in ref, catalogue facts first, then parameters', () => {
    const { slots, numCount, refCount } = policy.layout;
    expect(slots.get('cycle')).toMatchObject({ store: 'num', index: 0, isParameter: false });
    expect(slots.get('product')).toMatchObject({ store: 'ref', index: 0 });
    expect(slots.get('windowStart')).toMatchObject({ store: 'num', index: numCount - 1, isParameter: true });
    expect(numCount + refCount).toBe(slots.size);
  });
  it('newFrame() fills the parameter slots', () => {
    const frame = policy.newFrame();
    expect(frame.num[policy.layout.slots.get('windowStart')!.index]).toBe(18);
    expect(frame.ref).toHaveLength(policy.layout.refCount);
  });
  it('lists the facts the rules read', () => {
    expect([...policy.referenced].sort()).toEqual([
      'dealerHasBdc',
      'monthsToEnd',
      'offersMade',
      'windowStart',
    ]);
  });
});

describe('frameFromFacts', () => {
  it('builds a frame from a valid fact object', () => {
    const built = frameFromFacts(policy, SAMPLE_FACTS.engagement);
    if ('error' in built) throw new Error(built.error);
    expect(built.frame.num[policy.layout.slots.get('monthsToEnd')!.index]).toBe(14);
    expect(built.frame.ref[policy.layout.slots.get('offersMade')!.index]).toEqual(['service-package']);
  });
  it('copies list facts, so later edits to the fact object do not reach the frame', () => {
    for (const offersMade of [['service-package', 'extension'], []]) {
      const built = frameFromFacts(policy, { ...SAMPLE_FACTS.engagement, offersMade });
      if ('error' in built) throw new Error(built.error);
      const list = built.frame.ref[policy.layout.slots.get('offersMade')!.index];
      expect(list).toEqual(offersMade);
      expect(list).not.toBe(offersMade);
      offersMade.push('none');
      expect(list).not.toEqual(offersMade);
    }
  });
  it('reports a missing fact the rules read, but not one they do not read', () => {
    const { monthsToEnd: _m, equity: _e, ...rest } = SAMPLE_FACTS.engagement;
    expect(errorOf(rest)).toBe('missing fact monthsToEnd');
  });
  it('reports facts of the wrong type', () => {
    const facts = { ...SAMPLE_FACTS.engagement };
    expect(errorOf({ ...facts, monthsToEnd: 14.5 })).toBe(
      'invalid fact monthsToEnd: expected an integer (months), got 14.5',
    );
    expect(errorOf({ ...facts, monthsToEnd: '14' })).toBe(
      'invalid fact monthsToEnd: expected an integer (months), got "14"',
    );
    expect(errorOf({ ...facts, equity: Number.POSITIVE_INFINITY })).toBe(
      'invalid fact equity: expected a finite number (€), got Infinity',
    );
    expect(errorOf({ ...facts, equity: Number.NaN })).toContain('got NaN');
    expect(errorOf({ ...facts, dealerHasBdc: 'yes' })).toBe(
      'invalid fact dealerHasBdc: expected true or false, got "yes"',
    );
    expect(errorOf({ ...facts, region: 'mars' })).toContain('invalid fact region: expected one of "north", ');
    expect(errorOf({ ...facts, offersMade: ['extension', 'gift'] })).toContain(
      'invalid fact offersMade: expected an array of "none", "early-upgrade"',
    );
    expect(errorOf({ ...facts, offersMade: 'extension' })).toContain('got "extension"');
  });
  it('names the nearest known fact for an unknown key', () => {
    expect(errorOf({ ...SAMPLE_FACTS.engagement, monthToEnd: 3 })).toBe(
      'unknown fact monthToEnd: engagement rule set "test policy" has no such fact or parameter (did you mean "monthsToEnd"?)',
    );
    expect(errorOf({ ...SAMPLE_FACTS.engagement, constructor: 3 })).toContain('unknown fact constructor');
  });
  it('lets the facts set a parameter, checked against its declaration', () => {
    const built = frameFromFacts(policy, { ...SAMPLE_FACTS.engagement, windowStart: 10 });
    if ('error' in built) throw new Error(built.error);
    expect(built.frame.num[policy.layout.slots.get('windowStart')!.index]).toBe(10);
    expect(errorOf({ ...SAMPLE_FACTS.engagement, windowStart: 100 })).toBe(
      'invalid parameter windowStart: expected an integer between 0 and 96, got 100',
    );
  });
  it('reports every problem at once, and a non-object clearly', () => {
    expect(errorOf({ cycle: 'one' })?.split('; ')).toEqual([
      'invalid fact cycle: expected an integer (cycle), got "one"',
      'missing fact monthsToEnd',
      'missing fact offersMade',
      'missing fact dealerHasBdc',
    ]);
    expect(errorOf([] as never)).toBe('invalid facts: expected a JSON object of facts, got []');
  });
});

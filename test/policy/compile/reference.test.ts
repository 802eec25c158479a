import { describe, expect, it } from 'vitest';
import { createReferenceEngine } from '../../../engine/policy/reference.ts';
import { SAMPLE_FACTS, rule, ruleSetOf, types } from './helpers.ts';

const ruleSet = ruleSetOf(
  'engagement',
  [
    rule(
      'window',
      { all: [{ fact: 'monthsToEnd', operator: 'lessThanInclusive', value: { fact: 'windowStart' } }] },
      3,
    ),
    rule('loyal', { all: [{ fact: 'loyaltyScore', operator: 'greaterThan', value: 0.5 }] }, 2),
    rule('late', { any: [{ fact: 'daysPastDue', operator: 'greaterThan', value: 0 }] }, 1),
  ],
  { parameters: { windowStart: { type: 'integer', default: 18 } } },
);

describe('the reference engine', () => {
  it('answers overlapping runs as if they ran one after another (json-rules-engine #303)', async () => {
    const engine = createReferenceEngine(ruleSet);
    const factObjects = Array.from({ length: 12 }, (_, i) => ({
      ...SAMPLE_FACTS.engagement,
      monthsToEnd: 10 + i * 2,
      loyaltyScore: (i % 4) / 3,
      daysPastDue: i % 3,
    }));
    const sequential = [];
    for (const facts of factObjects) sequential.push(await engine.run(facts));
    // start each run a few microtasks after the previous one, so one run finishes while others are midway
    const ticks = async (n: number) => {
      for (let i = 0; i < n; i++) await Promise.resolve();
    };
    const overlapping = await Promise.all(
      factObjects.map(async (facts, i) => (await ticks(i * 3), engine.run(facts))),
    );
    expect(overlapping).toEqual(sequential);
    // the runs differ, and lower priorities fire, so a skipped rule would show
    expect(new Set(sequential.map((events) => types(events).join())).size).toBeGreaterThan(4);
    expect(sequential.flat().some((event) => event.type === 'late')).toBe(true);
  });
  it('keeps serving after a run that fails', async () => {
    const engine = createReferenceEngine(ruleSet);
    const { monthsToEnd: _, ...incomplete } = SAMPLE_FACTS.engagement;
    const failing = engine.run(incomplete);
    const next = engine.run(SAMPLE_FACTS.engagement);
    await expect(failing).rejects.toThrow('Undefined fact: monthsToEnd');
    expect(types(await next)).toEqual(['window', 'loyal']);
  });
  it('reads parameters as facts unless the facts set them; overrides replace defaults', async () => {
    const facts = { ...SAMPLE_FACTS.engagement, monthsToEnd: 20, loyaltyScore: 0 };
    expect(await createReferenceEngine(ruleSet).run(facts)).toEqual([]);
    expect(types(await createReferenceEngine(ruleSet).run({ ...facts, windowStart: 20 }))).toEqual([
      'window',
    ]);
    expect(types(await createReferenceEngine(ruleSet, { windowStart: 24 }).run(facts))).toEqual(['window']);
  });
  it('reports the fired rules with their priority', async () => {
    const firings = await createReferenceEngine(ruleSet).runFirings({
      ...SAMPLE_FACTS.engagement,
      daysPastDue: 4,
    });
    expect(firings).toEqual([
      { name: 'window', priority: 3, event: { type: 'window' } },
      { name: 'loyal', priority: 2, event: { type: 'loyal' } },
      { name: 'late', priority: 1, event: { type: 'late' } },
    ]);
  });
  it('leaves the rule set it was given untouched', () => {
    const copy = structuredClone(ruleSet);
    createReferenceEngine(ruleSet);
    expect(ruleSet).toEqual(copy);
  });
});

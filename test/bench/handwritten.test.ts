import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATALOGUES } from '../../engine/policy/catalogue/index.ts';
import { checkValue } from '../../engine/policy/check-value.ts';
import { createReferenceEngine, type ReferenceEngine } from '../../engine/policy/reference.ts';
import type { RuleSet } from '../../engine/policy/rule-set.ts';
import { HANDWRITTEN, type HandwrittenPolicy } from './handwritten/index.ts';
import { factsArbitrary } from './policy-inputs.ts';

// The hand-written policies are the benchmark's "what a developer would write" contender: they are
// only a fair yardstick if they decide exactly what json-rules-engine decides on the same rule set.

type Facts = Record<string, unknown>;

const root = new URL('../../', import.meta.url);
const readText = (file: string) => readFileSync(new URL(file, root), 'utf8');

function loadExamples(kind: string): Facts[] {
  return readText(`rules/examples/${kind}.ndjson`)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Facts);
}

/** Indices (decision order) the hand-written policy fires: at most one for a `first` rule set. */
function handwrittenFired(policy: HandwrittenPolicy, facts: Facts): number[] {
  // The registry's union cannot correlate a policy with its kind's facts type; the facts come from
  // the same catalogue the policy was written against.
  if (policy.hitPolicy === 'first') {
    const index = policy.first(facts as never);
    return index < 0 ? [] : [index];
  }
  const out = new Int32Array(64);
  const count = policy.fire(facts as never, out);
  return Array.from(out.subarray(0, count));
}

interface Subject {
  readonly policy: HandwrittenPolicy;
  readonly ruleSet: RuleSet;
  readonly reference: ReferenceEngine;
  /** Rule name → index in decision order (the file lists rules in decision order, checked below). */
  readonly indexOf: ReadonlyMap<string, number>;
}

/** What json-rules-engine decides, as decision-order indices comparable with `handwrittenFired`. */
async function referenceFired(subject: Subject, facts: Facts): Promise<number[]> {
  const firings = await subject.reference.runFirings(facts);
  const fired = firings.map((firing) => subject.indexOf.get(firing.name)!);
  return subject.policy.hitPolicy === 'first' ? fired.slice(0, 1) : fired;
}

const SEED = 20240917;
const WITNESSES_PER_RULE = 100;

describe.each(HANDWRITTEN.map((policy) => [`${policy.kind}/${policy.name}`, policy] as const))(
  'hand-written %s',
  (_label, policy) => {
    const ruleSet = JSON.parse(readText(policy.file)) as RuleSet;
    const subject: Subject = {
      policy,
      ruleSet,
      reference: createReferenceEngine(ruleSet),
      indexOf: new Map(ruleSet.rules.map((rule, index) => [rule.name, index])),
    };

    it('mirrors the rule set it names, with its default parameters as constants', () => {
      expect([ruleSet.kind, ruleSet.name, ruleSet.hitPolicy]).toEqual([
        policy.kind,
        policy.name,
        policy.hitPolicy,
      ]);
      const defaults = Object.fromEntries(
        Object.entries(ruleSet.parameters ?? {}).map(([name, decl]) => [name, decl.default]),
      );
      expect(policy.parameters).toEqual(defaults);
    });

    it('lists its rules in decision order, so an index means the same in the file and in the benchmark', () => {
      const priorities = ruleSet.rules.map((rule) => rule.priority ?? 1);
      for (let i = 1; i < priorities.length; i++) expect(priorities[i]).toBeLessThan(priorities[i - 1]!);
    });

    it(`agrees with json-rules-engine on every line of rules/examples/${policy.kind}.ndjson`, async () => {
      const examples = loadExamples(policy.kind);
      expect(examples.length).toBeGreaterThanOrEqual(5);
      for (const facts of examples) {
        expect(handwrittenFired(policy, facts), JSON.stringify(facts)).toEqual(
          await referenceFired(subject, facts),
        );
      }
    });

    it('agrees with json-rules-engine on random facts, thresholds and their neighbours included', async () => {
      await fc.assert(
        fc.asyncProperty(factsArbitrary(ruleSet), async (facts) => {
          expect(handwrittenFired(policy, facts)).toEqual(await referenceFired(subject, facts));
        }),
        { numRuns: 300, seed: SEED },
      );
    });

    it('has no dead rule, and agrees with json-rules-engine on up to 100 samples decided by each rule', async () => {
      // Uniform samples are mostly decided by the first rules; stratifying by the hand-written
      // decision puts every branch, and its neighbourhood of thresholds, in front of the oracle.
      const witnesses = new Map<number, Facts[]>();
      for (const facts of fc.sample(factsArbitrary(ruleSet), { numRuns: 30_000, seed: SEED })) {
        const fired = handwrittenFired(policy, facts);
        for (const index of fired.length === 0 ? [-1] : fired) {
          const list = witnesses.get(index) ?? [];
          if (list.length < WITNESSES_PER_RULE) witnesses.set(index, [...list, facts]);
        }
      }
      const dead = ruleSet.rules.filter((_, index) => !witnesses.has(index)).map((rule) => rule.name);
      expect(dead).toEqual([]);
      for (const [index, samples] of witnesses) {
        for (const facts of samples) {
          const label = `${ruleSet.rules[index]?.name ?? 'no rule'}: ${JSON.stringify(facts)}`;
          expect(handwrittenFired(policy, facts), label).toEqual(await referenceFired(subject, facts));
        }
      }
    });
  },
);

describe('rules/examples', () => {
  it.each(Object.keys(CATALOGUES))('%s.ndjson gives every catalogue fact of the kind, in range', (kind) => {
    const specs = CATALOGUES[kind as keyof typeof CATALOGUES].facts;
    const lines = loadExamples(kind);
    expect(lines.length).toBeGreaterThanOrEqual(5);
    expect(lines.length).toBeLessThanOrEqual(10);
    for (const [n, facts] of lines.entries()) {
      expect(Object.keys(facts).sort(), `line ${n + 1}`).toEqual(specs.map((s) => s.name).sort());
      const problems = specs.flatMap((spec) => {
        const problem = checkValue(spec, facts[spec.name], true);
        return problem === undefined ? [] : [`line ${n + 1}: ${spec.name}: ${problem}`];
      });
      expect(problems).toEqual([]);
    }
  });
});

describe('rules/dunning/segmented.json', () => {
  // Its description promises that collect never stacks two collection actions in one month: the
  // ladder's rules are mutually exclusive and only the insurance claim runs alongside.
  it('takes at most one ladder action a month, plus at most the insurance claim', () => {
    const ruleSet = JSON.parse(readText('rules/dunning/segmented.json')) as RuleSet;
    const policy = HANDWRITTEN.find((p) => p.file === 'rules/dunning/segmented.json')!;
    const claim = ruleSet.rules.findIndex((rule) => rule.event.type === 'insurance-claim');
    const pairs = new Set<string>();
    for (const facts of fc.sample(factsArbitrary(ruleSet), { numRuns: 30_000, seed: SEED })) {
      const fired = handwrittenFired(policy, facts);
      const ladder = fired.filter((index) => index !== claim);
      // The facts written out, and the matcher, only for a sample that breaks the promise.
      if (ladder.length > 1) expect(ladder.length, JSON.stringify(facts)).toBeLessThanOrEqual(1);
      if (ladder.length === 1 && fired.includes(claim)) pairs.add(ruleSet.rules[ladder[0]!]!.name);
    }
    // The claim does combine with the month's collection action (that is why the hit policy is collect).
    expect(pairs.size).toBeGreaterThan(1);
  });
});

import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../../engine/policy/catalogue/index.ts';
import { POLICY_KINDS, type PolicyKind } from '../../../engine/domain/lists.ts';
import {
  compileRuleSet,
  DECIDES_NONE,
  frameFromFacts,
  UNDECIDED,
  type CompiledPolicy,
} from '../../../engine/policy/compile/index.ts';
import type { RuleSet } from '../../../engine/policy/rule-set.ts';
import { factsArbitrary, parameterOverridesArbitrary, ruleSetArbitrary } from '../arbitraries.ts';
import { rule, ruleSetOf } from './helpers.ts';

/** The compiled decision (first rule, or −1) and how many rules fire for catalogue facts. */
function evaluate(policy: CompiledPolicy, facts: Record<string, unknown>): { first: number; fired: number } {
  const built = frameFromFacts(policy, facts);
  if ('error' in built) throw new Error(`generated facts were rejected: ${built.error}`);
  return {
    first: policy.first(built.frame),
    fired: policy.fire(built.frame, new Int32Array(policy.rules.length)),
  };
}

/** Only the catalogue's facts: the simulator never overrides a parameter from the facts. */
function catalogueFacts(kind: PolicyKind, facts: Record<string, unknown>): Record<string, unknown> {
  const names = new Set(catalogue(kind).facts.map((f) => f.name));
  return Object.fromEntries(Object.entries(facts).filter(([name]) => names.has(name)));
}

function soundness(kind: PolicyKind) {
  const cases = ruleSetArbitrary(kind, { edgeCases: true }).chain((ruleSet) =>
    fc.record({
      ruleSet: fc.constant(ruleSet),
      overrides: parameterOverridesArbitrary(ruleSet),
      known: fc.subarray(catalogue(kind).facts.map((f) => f.name)),
      factObjects: fc.array(factsArbitrary(ruleSet), { minLength: 4, maxLength: 4 }),
    }),
  );
  return fc.property(cases, ({ ruleSet, overrides, known, factObjects }) => {
    const policy = compileRuleSet(ruleSet, overrides);
    const [anchor, ...others] = factObjects.map((f) => catalogueFacts(kind, f));
    const values = new Map(known.map((name) => [name, anchor![name]]));
    const decision = policy.decideKnown(values);
    if (decision === UNDECIDED) return;
    // Whatever the facts it was not given, full evaluation agrees with the settled decision.
    for (const facts of [anchor!, ...others]) {
      const { first, fired } = evaluate(policy, { ...facts, ...Object.fromEntries(values) });
      if (decision === DECIDES_NONE) expect(fired).toBe(0);
      else {
        expect(ruleSet.hitPolicy).toBe('first');
        expect(first).toBe(decision);
      }
    }
  });
}

describe('decisions settled by some facts (CompiledPolicy.decideKnown)', () => {
  for (const kind of POLICY_KINDS) {
    it(`are the full evaluation's whatever the other facts are (${kind}, random rule sets)`, () => {
      fc.assert(soundness(kind), { numRuns: 300 });
    });
  }

  it('settle the shipped reactive engagement far from the end of term, and not inside the window', () => {
    const ruleSet = JSON.parse(readFileSync('rules/engagement/reactive.json', 'utf8')) as RuleSet;
    const policy = compileRuleSet(ruleSet);
    const at = (monthsToEnd: number) =>
      policy.decideKnown(
        new Map<string, unknown>([
          ['monthsToEnd', monthsToEnd],
          ['daysPastDue', 0],
        ]),
      );
    const window = policy.parameters.get('contactWindowMonths') as number;
    expect(policy.rules[at(window + 1)]!.name).toBe('wait-until-maturity-approaches');
    expect(at(window)).toBe(UNDECIDED);
    // A scenario's parameter moves the settled range with it.
    const wider = compileRuleSet(ruleSet, { contactWindowMonths: window + 6 });
    expect(
      wider.decideKnown(
        new Map<string, unknown>([
          ['monthsToEnd', window + 1],
          ['daysPastDue', 0],
        ]),
      ),
    ).toBe(UNDECIDED);
  });

  it('follow json-rules-engine on empty lists, not and shared conditions', () => {
    const policy = compileRuleSet(
      ruleSetOf(
        'engagement',
        [
          rule('never', { all: [{ fact: 'monthsToEnd', operator: 'lessThan', value: 0 }] }, 3),
          rule('not-far', { not: { condition: 'far' } }, 2),
          rule('anything', { any: [] }, 1),
        ],
        {
          hitPolicy: 'first',
          conditions: { far: { all: [{ fact: 'monthsToEnd', operator: 'greaterThan', value: 12 }] } },
        },
      ),
    );
    const at = (facts: [string, unknown][]) => policy.decideKnown(new Map(facts));
    expect(policy.rules[at([['monthsToEnd', 6]])]!.name).toBe('not-far');
    // `any: []` holds in json-rules-engine 7, so the last rule decides when the others fail.
    expect(policy.rules[at([['monthsToEnd', 24]])]!.name).toBe('anything');
    expect(at([['daysPastDue', 0]])).toBe(UNDECIDED);
  });
});

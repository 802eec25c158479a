import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { POLICY_KINDS } from '../../../engine/domain/lists.ts';
import { catalogue, findAction } from '../../../engine/policy/catalogue/index.ts';
import { checkValue } from '../../../engine/policy/check-value.ts';
import { compileRuleSet, frameFromFacts } from '../../../engine/policy/compile/index.ts';
import { DECORATORS, OPERATORS, parseOperator } from '../../../engine/policy/operators.ts';
import type { RuleSet } from '../../../engine/policy/rule-set.ts';
import { factsArbitrary, parameterOverridesArbitrary, ruleSetArbitrary } from '../arbitraries.ts';

/** Every JSON object node of a value, depth first. */
function objects(value: unknown): Record<string, unknown>[] {
  if (Array.isArray(value)) return value.flatMap(objects);
  if (typeof value !== 'object' || value === null) return [];
  return [value as Record<string, unknown>, ...Object.values(value).flatMap(objects)];
}

describe('the rule-set arbitraries other tests rely on', () => {
  for (const kind of POLICY_KINDS) {
    it(`generate ${kind} rule sets without edge cases that compile, with catalogue events and fitting facts`, () => {
      fc.assert(
        fc.property(
          ruleSetArbitrary(kind).chain((ruleSet) =>
            fc.tuple(fc.constant(ruleSet), factsArbitrary(ruleSet), parameterOverridesArbitrary(ruleSet)),
          ),
          ([ruleSet, facts, overrides]) => {
            const policy = compileRuleSet(ruleSet, overrides);
            expect('frame' in frameFromFacts(policy, facts)).toBe(true);
            expect(new Set(ruleSet.rules.map((r) => r.name)).size).toBe(ruleSet.rules.length);
            for (const node of objects(ruleSet.rules).concat(objects(ruleSet.conditions ?? {}))) {
              for (const group of ['all', 'any'] as const) {
                if (Array.isArray(node[group])) expect(node[group]).not.toHaveLength(0);
              }
              if (typeof node.operator === 'string' && Array.isArray(node.value))
                expect(node.value).not.toHaveLength(0);
            }
            for (const { event } of ruleSet.rules) {
              const action = findAction(kind, event.type)!;
              expect(action).toBeDefined();
              const params = event.params ?? {};
              if (action.params.length === 0) expect(event.params).toBeUndefined();
              for (const spec of action.params) {
                if (spec.required) expect(Object.hasOwn(params, spec.name)).toBe(true);
                if (Object.hasOwn(params, spec.name))
                  expect(checkValue(spec, params[spec.name], true)).toBeUndefined();
              }
              for (const name of Object.keys(params))
                expect(action.params.map((p) => p.name)).toContain(name);
            }
          },
        ),
        { numRuns: 150 },
      );
    });
  }

  it('cover every operator, every decorator, fact references, parameters, shared conditions and both hit policies', () => {
    const sample: RuleSet[] = POLICY_KINDS.flatMap((kind) => fc.sample(ruleSetArbitrary(kind), 100));
    const comparisons = sample.flatMap((ruleSet) =>
      objects([ruleSet.rules, ruleSet.conditions ?? {}]).filter((node) => typeof node.operator === 'string'),
    );
    const parsed = comparisons.map((c) => parseOperator(c.operator as string)!);
    expect(new Set(parsed.map((p) => p.base))).toEqual(new Set(OPERATORS));
    expect(new Set(parsed.flatMap((p) => p.decorators))).toEqual(new Set(DECORATORS));
    expect(parsed.some((p) => p.decorators.length === 2)).toBe(true);
    expect(
      comparisons.some((c) => typeof c.value === 'object' && c.value !== null && 'fact' in c.value),
    ).toBe(true);
    expect(sample.some((r) => r.parameters !== undefined)).toBe(true);
    expect(sample.some((r) => r.conditions !== undefined)).toBe(true);
    expect(new Set(sample.map((r) => r.hitPolicy))).toEqual(new Set(['first', 'collect']));
    expect(sample.some((r) => new Set(r.rules.map((x) => x.priority ?? 1)).size < r.rules.length)).toBe(true);
    const factNames = new Set(POLICY_KINDS.flatMap((kind) => catalogue(kind).facts.map((f) => f.name)));
    expect(new Set(comparisons.map((c) => c.fact as string).filter((f) => factNames.has(f))).size).toBe(
      factNames.size,
    );
  });
});

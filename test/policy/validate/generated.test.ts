import Ajv from 'ajv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../engine/json/problem.ts';
import { POLICY_KINDS } from '../../../engine/domain/lists.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { ruleSetSchema } from '../../../engine/policy/schema.ts';
import { ruleSetArbitrary } from '../arbitraries.ts';

const validateSchema = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(
  ruleSetSchema(),
);

describe('random valid rule sets (test/policy/arbitraries.ts)', () => {
  for (const kind of POLICY_KINDS) {
    it(`${kind}: every one validates without errors, and the JSON Schema accepts it`, () => {
      fc.assert(
        fc.property(ruleSetArbitrary(kind), (ruleSet) => {
          const { problems } = loadRuleSet(JSON.stringify(ruleSet, null, 2), `${kind}.json`);
          const errors = problems.filter((p) => p.severity === 'error').map(formatProblem);
          expect(errors).toEqual([]);
          expect(validateSchema(ruleSet), JSON.stringify(validateSchema.errors)).toBe(true);
        }),
        { numRuns: 150 },
      );
    });
  }
  it('with edge cases (empty all/any, empty arrays, empty params) still no errors: at most warnings', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...POLICY_KINDS).chain((kind) => ruleSetArbitrary(kind, { edgeCases: true })),
        (ruleSet) => {
          const { problems } = loadRuleSet(JSON.stringify(ruleSet), `${ruleSet.kind}.json`);
          expect(problems.filter((p) => p.severity === 'error').map(formatProblem)).toEqual([]);
          expect(validateSchema(ruleSet), JSON.stringify(validateSchema.errors)).toBe(true);
        },
      ),
      { numRuns: 200 },
    );
  });
});

import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { schemaFiles } from '../../../bin/schemas.ts';
import { CATALOGUES } from '../../../engine/policy/catalogue/index.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { ruleSetSchema } from '../../../engine/policy/schema.ts';
import { REPOSITORY, shippedRuleSets } from './helpers.ts';

describe('rules/rule-set.schema.json', () => {
  it('is what the generator writes from the catalogues', async () => {
    for (const { path, text } of await schemaFiles()) {
      const committed = readFileSync(new URL(path, REPOSITORY), 'utf8');
      expect(
        committed === text,
        `${path} is out of date with the catalogues: run \`npm run schemas\` and commit it`,
      ).toBe(true);
    }
  });

  it('is a valid draft-07 schema under ajv strict mode', () => {
    const ajv = new Ajv({ strict: true, allowUnionTypes: true });
    expect(() => ajv.compile(ruleSetSchema())).not.toThrow();
  });

  it('offers per kind the facts, the fitting operators, the values and the actions for completion', () => {
    const schema = ruleSetSchema() as { definitions: Record<string, Record<string, unknown>> };
    const factNames = (schema.definitions['dunning.factName']!.anyOf as { const?: string }[]).flatMap((b) =>
      b.const ? [b.const] : [],
    );
    expect(factNames).toEqual(CATALOGUES.dunning.facts.map((f) => f.name));
    const json = JSON.stringify(schema.definitions['engagement.comparison']);
    expect(json).toContain('"enum":["reliable","occasional","habitual-late"]');
    expect(json).toContain('"enum":["contains","doesNotContain"]');
    const events = JSON.stringify(schema.definitions['leads.event']);
    expect(events).toContain('"required":["handler","responseMinutes","maxAttempts"]');
    expect(events).toContain('"maximum":10080');
  });
});

describe('the schema and the validator agree', () => {
  const validate = new Ajv({ strict: true, allowUnionTypes: true, allErrors: true }).compile(ruleSetSchema());
  const base = { kind: 'engagement', name: 't', description: 'd', hitPolicy: 'first' };
  const rule = (conditions: unknown, event: unknown = { type: 'none' }, extra = {}) => ({
    ...base,
    rules: [{ name: 'r', conditions, event, ...extra }],
  });
  const all = (fact: string, operator: string, value: unknown) => ({ all: [{ fact, operator, value }] });

  it('both accept the shipped rule sets', () => {
    for (const path of shippedRuleSets()) {
      const value = JSON.parse(readFileSync(new URL(path, REPOSITORY), 'utf8'));
      expect(validate(value), `${path}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  const rejected: [string, unknown][] = [
    ['unknown kind', { ...base, kind: 'sales', rules: [] }],
    ['unknown hit policy', { ...base, hitPolicy: 'all', rules: [] }],
    ['unknown top-level property', { ...base, rules: [], version: 2 }],
    ['unknown rule property', rule({ all: [] }, { type: 'none' }, { onSuccess: 'x' })],
    ['priority 0', rule({ all: [] }, { type: 'none' }, { priority: 0 })],
    ['a bare comparison as a rule condition', rule({ fact: 'cycle', operator: 'equal', value: 1 })],
    ['unknown operator', rule(all('cycle', 'equalz', 1))],
    ['unknown decorator', rule(all('cycle', 'never:equal', 1))],
    ['operator that does not fit the fact', rule(all('segment', 'lessThan', 3))],
    ['enum value the fact cannot take', rule(all('segment', 'equal', 'gold'))],
    ['element the list cannot hold', rule(all('offersMade', 'contains', 'gold'))],
    ['json-rules-engine path', rule({ all: [{ fact: 'cycle', operator: 'equal', value: 1, path: '$.a' }] })],
    ['unknown action', rule({ all: [] }, { type: 'call' })],
    ['missing required action parameter', rule({ all: [] }, { type: 'contact', params: {} })],
    [
      'action parameter out of range',
      rule({ all: [] }, { type: 'contact', params: { channel: 'sms', waivePayments: 9 } }),
    ],
    [
      'parameter shadowing a fact',
      { ...base, parameters: { cycle: { type: 'integer', default: 1 } }, rules: [] },
    ],
    [
      'parameter default of the wrong type',
      { ...base, parameters: { x: { type: 'boolean', default: 1 } }, rules: [] },
    ],
    [
      'enum parameter without values',
      { ...base, parameters: { x: { type: 'enum', default: 'a' } }, rules: [] },
    ],
  ];
  for (const [what, value] of rejected) {
    it(`both reject: ${what}`, () => {
      const { problems } = loadRuleSet(JSON.stringify(value), 'x.json');
      expect(problems.filter((p) => p.severity === 'error')).not.toEqual([]);
      expect(validate(value)).toBe(false);
    });
  }
});

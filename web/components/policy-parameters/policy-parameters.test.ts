import { describe, expect, it } from 'vitest';
import type { ParameterDecl } from '../../../engine/index.ts';
import { parameterProblem, parameterRows, parameterText } from './parameter-rows.ts';

const decls: [string, ParameterDecl][] = [
  [
    'maxContacts',
    { type: 'integer', default: 4, unit: 'count', min: 1, max: 24, description: 'contact budget' },
  ],
  ['equityThreshold', { type: 'number', default: 1000, unit: '€', min: -50000, max: 50000 }],
  ['useBdc', { type: 'boolean', default: false }],
  ['channel', { type: 'enum', default: 'phone', values: ['phone', 'email'] }],
];

describe('policy parameter rows', () => {
  it('show the override, else the base scenario’s value, else the declared default', () => {
    const rows = parameterRows({
      kind: 'engagement',
      ruleSetName: 'tcm',
      decls,
      baseValues: { equityThreshold: 2000 },
      overrides: { maxContacts: 6 },
    });
    expect(rows.map((r) => [r.name, r.value, r.changed, r.defaultText])).toEqual([
      ['maxContacts', 6, true, '4'],
      ['equityThreshold', 2000, false, '€2,000'],
      ['useBdc', false, false, 'no'],
      ['channel', 'phone', false, 'phone'],
    ]);
    expect(rows[1]!.rangeText).toBe('allowed −€50,000 to €50,000');
    expect(rows[0]!.rangeText).toBe('allowed 1 to 24');
  });

  it('check values with the engine’s own parameter check', () => {
    const [maxContacts] = parameterRows({
      kind: 'engagement',
      ruleSetName: 'x',
      decls,
      baseValues: {},
      overrides: {},
    });
    expect(parameterProblem(maxContacts!, 6)).toBeUndefined();
    expect(parameterProblem(maxContacts!, 2.5)).toMatch(/^expected an integer/);
    expect(parameterProblem(maxContacts!, 30)).toMatch(/24/);
  });

  it('write values with their unit', () => {
    expect(parameterText(18, { type: 'integer', default: 18, unit: 'months' })).toBe('18 months');
    expect(parameterText(0.7, { type: 'number', default: 0.7, unit: '0–1' })).toBe('0.7 (0–1)');
    expect(parameterText(8, { type: 'integer', default: 8, unit: 'hour' })).toBe('8 o’clock');
  });
});

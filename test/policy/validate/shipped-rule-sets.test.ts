import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../../engine/json/problem.ts';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { REPOSITORY, shippedRuleSets } from './helpers.ts';

describe('shipped rule sets', () => {
  it('there are some, one kind or more', () => {
    expect(shippedRuleSets().length).toBeGreaterThan(0);
  });
  for (const path of shippedRuleSets()) {
    it(`${path} validates with no problem at all`, () => {
      const { ruleSet, problems } = loadRuleSet(readFileSync(new URL(path, REPOSITORY), 'utf8'), path);
      expect(problems.map(formatProblem)).toEqual([]);
      expect(ruleSet).toBeDefined();
    });
  }
});

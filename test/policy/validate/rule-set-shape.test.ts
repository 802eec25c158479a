import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { problemsOf, ruleSetText } from './helpers.ts';

describe('not a rule set', () => {
  it('says what a rule set is when the file is not an object', () => {
    expect(problemsOf('[1, 2]')).toEqual([
      'r.json:1:1  /  expected a rule set: an object with "kind", "name", "description", "hitPolicy" and "rules" (got [1,2])',
    ]);
  });
  it('says so once when the object lacks "kind" or "rules" (another kind of file)', () => {
    expect(problemsOf('{\n  "extends": "base.json",\n  "run": {}\n}')).toEqual([
      'r.json:1:1  /  expected a rule set: an object with "kind", "name", "description", "hitPolicy" and "rules" (missing "kind" and "rules")',
    ]);
  });
  it('stops at a JSON syntax error, located', () => {
    const result = loadRuleSet('{\n  "kind": "leads"\n  "rules": []\n}', 'r.json');
    expect(result.ruleSet).toBeUndefined();
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      "3:3 invalid JSON: expected ',' or '}'",
    ]);
  });
});

describe('the rule set object', () => {
  it('lists the four kinds for an unknown kind', () => {
    const text =
      '{ "kind": "engagment", "name": "t", "description": "d", "hitPolicy": "first", "rules": [] }';
    expect(problemsOf(text)).toEqual([
      'r.json:1:11  /kind  invalid kind "engagment": expected one of engagement, leads, dunning, remarketing (did you mean "engagement"?)',
    ]);
  });
  it('reports a missing required key at the object, saying what belongs there', () => {
    expect(problemsOf('{\n  "kind": "leads",\n  "rules": []\n}')).toEqual([
      'r.json:1:1  /  missing property "name": expected a short name for the rule set',
      'r.json:1:1  /  missing property "description": expected a sentence or two on what the policy does',
      'r.json:1:1  /  missing property "hitPolicy": expected "first" or "collect"',
    ]);
  });
  it('reports an unknown property at its key, with the nearest name', () => {
    expect(problemsOf(ruleSetText('  "rule": [],', '  "rules": []'))).toEqual([
      'r.json:3:3  /rule  unknown property "rule" in the rule set (did you mean "rules"?)',
    ]);
  });
  it('reports wrong JSON types with the value and what was expected', () => {
    const text = [
      '{',
      '  "kind": "leads", "name": 7, "description": null, "hitPolicy": "firts",',
      '  "parameters": [], "conditions": "none",',
      '  "rules": {}',
      '}',
    ].join('\n');
    expect(problemsOf(text)).toEqual([
      'r.json:2:28  /name  invalid name 7: expected a string',
      'r.json:2:46  /description  invalid description null: expected a string',
      'r.json:2:65  /hitPolicy  invalid hitPolicy "firts": expected "first" or "collect" (did you mean "first"?)',
      'r.json:3:17  /parameters  invalid parameters []: expected an object of declarations {"name": {"type": …, "default": …}}',
      'r.json:3:35  /conditions  invalid conditions "none": expected an object of named conditions',
      'r.json:4:12  /rules  invalid rules {}: expected an array of rules',
    ]);
  });
  it('accepts a minimal rule set and returns it', () => {
    const result = loadRuleSet(ruleSetText('  "rules": []'), 'r.json');
    expect(result.problems).toEqual([]);
    expect(result.ruleSet).toEqual({
      kind: 'engagement',
      name: 't',
      description: 'd',
      hitPolicy: 'first',
      rules: [],
    });
  });
});

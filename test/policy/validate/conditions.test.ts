import { describe, expect, it } from 'vitest';
import { problemsOf, ruleSetText } from './helpers.ts';

const withShared = (shared: string[], rules: string[]) =>
  ruleSetText('  "conditions": {', ...shared, '  },', '  "rules": [', ...rules, '  ]');
const rule = (conditions: string) =>
  `    { "name": "r", "conditions": ${conditions}, "event": { "type": "none" } }`;

describe('shared conditions', () => {
  it('a reference to an unknown condition, with the known ones', () => {
    const text = withShared(
      ['    "late": { "all": [{ "fact": "daysPastDue", "operator": "greaterThan", "value": 30 }] }'],
      [rule('{ "condition": "lat" }')],
    );
    expect(problemsOf(text)).toEqual([
      'r.json:7:49  /rules/0/conditions/condition  unknown condition "lat": expected one of "late" (did you mean "late"?)',
    ]);
    expect(problemsOf(ruleSetText('  "rules": [', rule('{ "condition": "late" }'), '  ]'))).toEqual([
      'r.json:4:49  /rules/0/conditions/condition  unknown condition "late": this rule set declares no shared conditions',
    ]);
  });
  it('a cycle of references, once, at the reference that closes it', () => {
    const text = withShared(
      [
        '    "a": { "all": [{ "condition": "b" }] },',
        '    "b": { "any": [{ "fact": "cycle", "operator": "equal", "value": 1 }, { "not": { "condition": "c" } }] },',
        '    "c": { "all": [{ "condition": "a" }] },',
        '    "self": { "all": [{ "condition": "self" }] }',
      ],
      [rule('{ "condition": "a" }')],
    );
    expect(problemsOf(text)).toEqual([
      'r.json:6:35  /conditions/c/all/0/condition  invalid condition reference "a": it closes a cycle "a" → "b" → "c" → "a" (a shared condition cannot depend on itself)',
      'r.json:7:38  /conditions/self/all/0/condition  invalid condition reference "self": it closes a cycle "self" → "self" (a shared condition cannot depend on itself)',
    ]);
  });
});

describe('condition shapes', () => {
  it('a rule starts with all, any, not or a reference, not a bare comparison', () => {
    const text = ruleSetText(
      '  "rules": [',
      rule('{ "fact": "cycle", "operator": "equal", "value": 1 }'),
      '  ]',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:34  /rules/0/conditions  invalid conditions: a rule or shared condition starts with {"all": […]}, {"any": […]}, {"not": …} or {"condition": "name"}, not a comparison (wrap it: {"all": [ … ]})',
    ]);
  });
  it('exactly one form per condition; a misspelt form once, at its key', () => {
    const text = ruleSetText(
      '  "rules": [',
      rule('{ "all": [{ "alll": [] }, { "all": [], "any": [] }, { "not": [] }, { "any": {} }, {}, 3] }'),
      '  ]',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:46  /rules/0/conditions/all/0/alll  unknown property "alll" in a condition (did you mean "all"?)',
      'r.json:4:60  /rules/0/conditions/all/1  invalid condition: it has "all" and "any", but a condition is exactly one of {"all": […]}, {"any": […]}, {"not": …}, {"condition": "name"} or a comparison {"fact", "operator", "value"}',
      'r.json:4:95  /rules/0/conditions/all/2/not  invalid "not": expected one condition, not an array (to negate several, wrap them: {"not": {"all": [ … ]}})',
      'r.json:4:110  /rules/0/conditions/all/3/any  invalid "any" {}: expected an array of conditions',
      'r.json:4:116  /rules/0/conditions/all/4  invalid condition: expected {"all": […]}, {"any": […]}, {"not": …}, {"condition": "name"} or a comparison {"fact", "operator", "value"}',
      'r.json:4:120  /rules/0/conditions/all/5  invalid condition 3: expected {"all": […]}, {"any": […]}, {"not": …}, {"condition": "name"} or a comparison {"fact", "operator", "value"}',
    ]);
  });
  it('a condition name must be a string and its priority an integer ≥ 1', () => {
    const text = ruleSetText('  "rules": [', rule('{ "all": [], "name": 1, "priority": 0.5 }'), '  ]');
    expect(problemsOf(text)).toEqual([
      'r.json:4:55  /rules/0/conditions/name  invalid name 1: expected a string',
      'r.json:4:70  /rules/0/conditions/priority  invalid priority 0.5: expected an integer of at least 1 (higher runs first)',
    ]);
  });
  it('refuses conditions nested beyond reason without exhausting the stack', () => {
    let condition = '{ "fact": "cycle", "operator": "equal", "value": 1 }';
    for (let i = 0; i < 100; i++) condition = `{ "not": ${condition} }`;
    const problems = problemsOf(ruleSetText('  "rules": [', rule(condition), '  ]'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(
      `/rules/0/conditions${'/not'.repeat(65)}  invalid condition: nested more than 64 levels deep (name parts of it as shared conditions)`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { problemsOf, ruleSetText } from './helpers.ts';

describe('hostile names and values are data', () => {
  it('"__proto__", "constructor", quotes and line breaks as names validate like any other', () => {
    const text = ruleSetText(
      '  "parameters": {',
      '    "__proto__": { "type": "integer", "default": 3 },',
      '    "constructor": { "type": "enum", "values": ["a\\"b", "line\\nbreak"], "default": "line\\nbreak" }',
      '  },',
      '  "conditions": { "__proto__": { "all": [{ "fact": "monthsToEnd", "operator": "lessThan", "value": { "fact": "__proto__" } }] } },',
      '  "rules": [',
      '    { "name": "toString", "conditions": { "condition": "__proto__" }, "event": { "type": "none" } },',
      '    { "name": "say \\"hi\\"\\n", "conditions": { "all": [{ "fact": "constructor", "operator": "equal", "value": "a\\"b" }] }, "event": { "type": "none" } }',
      '  ]',
    );
    const { ruleSet, problems } = loadRuleSet(
      text.replace('"hitPolicy": "first"', '"hitPolicy": "collect"'),
      'r.json',
    );
    expect(problems).toEqual([]);
    expect(Object.hasOwn(ruleSet!.parameters!, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(ruleSet!.parameters)).toBe(Object.prototype);
    expect(ruleSet!.rules[1]!.name).toBe('say "hi"\n');
  });

  it('names inherited from Object.prototype are unknown, never resolved through the prototype', () => {
    const text = ruleSetText(
      '  "rules": [',
      '    { "name": "r", "conditions": { "all": [',
      '      { "fact": "constructor", "operator": "equal", "value": 1 },',
      '      { "fact": "cycle", "operator": "__proto__:equal", "value": { "fact": "hasOwnProperty" } },',
      '      { "condition": "toString" }',
      '    ] }, "event": { "type": "constructor" } },',
      '    { "name": "s", "conditions": { "all": [] }, "event": { "type": "none", "params": { "__proto__": 1 } } }',
      '  ]',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:5:17  /rules/0/conditions/all/0/fact  unknown fact "constructor" for engagement rules (engagement facts: cycle, product, monthsToEnd, monthsOnBook, termMonths, equity, loyaltyScore, segment, creditTier, daysPastDue, lastContactMonthsAgo, contactsThisContract, offersMade, preferredChannel, dealerHasBdc, region, powertrain)',
      'r.json:6:38  /rules/0/conditions/all/1/operator  invalid operator "__proto__:equal": unknown decorator "__proto__": expected one of not, someFact, someValue, everyFact, everyValue, swap',
      'r.json:6:76  /rules/0/conditions/all/1/value/fact  unknown fact "hasOwnProperty" for engagement rules (engagement facts: cycle, product, monthsToEnd, monthsOnBook, termMonths, equity, loyaltyScore, segment, creditTier, daysPastDue, lastContactMonthsAgo, contactsThisContract, offersMade, preferredChannel, dealerHasBdc, region, powertrain)',
      'r.json:7:22  /rules/0/conditions/all/2/condition  unknown condition "toString": this rule set declares no shared conditions',
      'r.json:8:29  /rules/0/event/type  unknown action "constructor" for engagement rules: expected one of contact, none',
      'r.json:9:88  /rules/1/event/params/__proto__  unknown parameter "__proto__" of action none (none takes no parameters)',
    ]);
  });

  it("a line break in a name or value stays on the problem's one line", () => {
    const text = ruleSetText(
      '  "parameters": { "a\\nb": { "type": "enum", "values": ["x"], "default": "y\\nz" } },',
      '  "rules": [{ "name": "r", "conditions": { "all": [] }, "event": { "type": "none", "params": { "\\r\\n": 1 } } }]',
    );
    const problems = problemsOf(text);
    expect(problems).toEqual([
      'r.json:3:73  /parameters/a\\nb/default  invalid default "y\\nz" for parameter "a\\nb": expected one of x',
      'r.json:4:96  /rules/0/event/params/\\r\\n  unknown parameter "\\r\\n" of action none (none takes no parameters)',
    ]);
    for (const line of problems) expect(line).not.toMatch(/[\n\r\u2028\u2029]/);
  });

  it('an unknown kind named like a prototype member is an unknown kind', () => {
    const text =
      '{ "kind": "__proto__", "name": "t", "description": "d", "hitPolicy": "first", "rules": [] }';
    expect(problemsOf(text)).toEqual([
      'r.json:1:11  /kind  invalid kind "__proto__": expected one of engagement, leads, dunning, remarketing',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { oneRule, problemsOf, ruleSetText } from './helpers.ts';

const comparison = '{ "fact": "cycle", "operator": "equal", "value": 1 }';

describe('events (actions)', () => {
  it('an unknown action for the kind, with the actions it has', () => {
    expect(problemsOf(oneRule(comparison, '{ "type": "contakt" }'))).toEqual([
      'r.json:4:120  /rules/0/event/type  unknown action "contakt" for engagement rules: expected one of contact, none (did you mean "contact"?)',
    ]);
  });
  it('a missing required parameter, at the params object', () => {
    expect(problemsOf(oneRule(comparison, '{ "type": "contact", "params": { "offer": "none" } }'))).toEqual([
      'r.json:4:141  /rules/0/event/params  missing parameter "channel" of action contact: expected one of phone, email, sms, letter, dealer-visit',
    ]);
    expect(problemsOf(oneRule(comparison, '{ "type": "contact" }'))).toEqual([
      'r.json:4:110  /rules/0/event  missing parameter "channel" of action contact: expected one of phone, email, sms, letter, dealer-visit',
    ]);
  });
  it('an unknown parameter, at its key; a misspelt required one is not also missing', () => {
    expect(problemsOf(oneRule(comparison, '{ "type": "contact", "params": { "chanel": "sms" } }'))).toEqual([
      'r.json:4:143  /rules/0/event/params/chanel  unknown parameter "chanel" of action contact (did you mean "channel"?)',
    ]);
    expect(problemsOf(oneRule(comparison, '{ "type": "none", "params": { "channel": "sms" } }'))).toEqual([
      'r.json:4:140  /rules/0/event/params/channel  unknown parameter "channel" of action none (none takes no parameters)',
    ]);
  });
  it('mistyped parameters: type, enum values, bounds and unit from the catalogue', () => {
    const event =
      '{ "type": "contact", "params": { "channel": "fax", "incentive": -5, "waivePayments": 1.5 } }';
    expect(problemsOf(oneRule(comparison, event))).toEqual([
      'r.json:4:154  /rules/0/event/params/channel  invalid channel "fax" for action contact: expected one of phone, email, sms, letter, dealer-visit',
      'r.json:4:174  /rules/0/event/params/incentive  invalid incentive -5 for action contact: expected a number from 0 to 20000 (€)',
      'r.json:4:195  /rules/0/event/params/waivePayments  invalid waivePayments 1.5 for action contact: expected an integer from 0 to 6 (months)',
    ]);
  });
  it('an event that is not an object, or params that are not one', () => {
    expect(problemsOf(oneRule(comparison, '"contact"'))).toEqual([
      'r.json:4:110  /rules/0/event  invalid event "contact": expected {"type": …, "params": {…}} with a type one of contact, none',
    ]);
    expect(problemsOf(oneRule(comparison, '{ "type": "none", "params": [] }'))).toEqual([
      'r.json:4:138  /rules/0/event/params  invalid params []: expected an object of action parameters',
    ]);
  });
});

describe('rules', () => {
  it('duplicate rule names, at the later one', () => {
    const rule = (name: string) =>
      `    { "name": "${name}", "conditions": { "all": [] }, "event": { "type": "none" } }`;
    expect(
      problemsOf(ruleSetText('  "rules": [', `${rule('a')},`, `${rule('b')},`, rule('a'), '  ]')),
    ).toEqual([
      'r.json:6:15  /rules/2/name  duplicate rule name "a": rule 0 has it already (rule names identify rules in explanations and comparisons; give each its own)',
    ]);
  });
  it('a priority must be an integer of at least 1 (json-rules-engine rejects 0 and below, truncates fractions)', () => {
    const rule = (name: string, priority: string) =>
      `    { "name": "${name}", "priority": ${priority}, "conditions": { "all": [] }, "event": { "type": "none" } },`;
    const rules = [
      rule('a', '0'),
      rule('b', '-2'),
      rule('c', '1.5'),
      rule('d', '"3"'),
      rule('e', '2').slice(0, -1),
    ];
    const text = ruleSetText('  "rules": [', ...rules, '  ]');
    expect(problemsOf(text)).toEqual([
      'r.json:4:32  /rules/0/priority  invalid priority 0: expected an integer of at least 1 (higher runs first)',
      'r.json:5:32  /rules/1/priority  invalid priority -2: expected an integer of at least 1 (higher runs first)',
      'r.json:6:32  /rules/2/priority  invalid priority 1.5: expected an integer of at least 1 (higher runs first)',
      'r.json:7:32  /rules/3/priority  invalid priority "3": expected an integer of at least 1 (higher runs first)',
    ]);
  });
  it('missing keys, unknown keys and a rule that is not an object', () => {
    const text = ruleSetText(
      '  "rules": [',
      '    { "name": "r", "conditions": { "all": [] }, "priorty": 2 },',
      '    "r2"',
      '  ]',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:5  /rules/0  missing property "event": expected the action to take, {"type": one of contact, none, "params": {…}}',
      'r.json:4:49  /rules/0/priorty  unknown property "priorty" in a rule (did you mean "priority"?)',
      'r.json:5:5  /rules/1  invalid rule "r2": expected an object with "name", "conditions" and "event"',
    ]);
  });
});

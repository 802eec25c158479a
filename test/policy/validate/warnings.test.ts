import { describe, expect, it } from 'vitest';
import { problemsOf, ruleSetText } from './helpers.ts';

/** A rule on one line: name, priority and the comparisons of its `all`. */
const rule = (name: string, priority: number, ...comparisons: string[]) =>
  `    { "name": "${name}", "priority": ${priority}, "conditions": { "all": [${comparisons.join(', ')}] }, "event": { "type": "none" } }`;
const rules = (...lines: string[]) =>
  ruleSetText('  "rules": [', ...lines.map((l, i) => (i < lines.length - 1 ? l + ',' : l)), '  ]');
const cmp = (fact: string, operator: string, value: string) =>
  `{ "fact": "${fact}", "operator": "${operator}", "value": ${value} }`;

describe('warnings: rules that can never fire', () => {
  it('contradictory bounds on one fact within an all', () => {
    const text = rules(
      rule('r', 1, cmp('monthsToEnd', 'greaterThan', '18'), cmp('monthsToEnd', 'lessThan', '12')),
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:126  /rules/0/conditions/all/1  warning: rule "r" can never fire: monthsToEnd > 18 and monthsToEnd < 12 cannot both hold',
    ]);
  });
  it('equal to two different values, through nested alls and not: decorators', () => {
    const text = rules(
      rule(
        'r',
        1,
        cmp('segment', 'equal', '"reliable"'),
        `{ "all": [${cmp('segment', 'not:notEqual', '"occasional"')}] }`,
      ),
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:134  /rules/0/conditions/all/1/all/0  warning: rule "r" can never fire: segment = "reliable" and segment = "occasional" cannot both hold',
    ]);
  });
  it('a bound outside the range the catalogue gives the fact', () => {
    expect(problemsOf(rules(rule('r', 1, cmp('loyaltyScore', 'greaterThan', '1'))))).toEqual([
      'r.json:4:59  /rules/0/conditions/all/0  warning: rule "r" can never fire: loyaltyScore > 1, but loyaltyScore is a number from 0 to 1',
    ]);
  });
  it('a contradiction with a shared condition, and a negated empty any (json-rules-engine: an empty any holds)', () => {
    const text = ruleSetText(
      '  "conditions": { "late": { "all": [{ "fact": "daysPastDue", "operator": "greaterThanInclusive", "value": 30 }] } },',
      '  "rules": [',
      `    { "name": "r", "conditions": { "all": [{ "condition": "late" }, ${cmp('daysPastDue', 'in', '[0, 10]')}] }, "event": { "type": "none" } },`,
      '    { "name": "s", "conditions": { "not": { "any": [] } }, "event": { "type": "none" } },',
      '    { "name": "t", "conditions": { "any": [] }, "event": { "type": "none" } }',
      '  ]',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:5:69  /rules/0/conditions/all/1  warning: rule "r" can never fire: daysPastDue >= 30 and daysPastDue in [0,10] cannot both hold',
      'r.json:6:34  /rules/1/conditions  warning: rule "s" can never fire: it negates an empty condition list, which always holds',
    ]);
  });
  it('nothing when the rule can fire, or when whether it can depends on what it cannot read', () => {
    // (hitPolicy "collect": only whether each rule can fire is in question here)
    const text = ruleSetText(
      '  "parameters": { "windowEnd": { "type": "integer", "default": 24 } },',
      '  "rules": [',
      rule(
        'alternatives',
        1,
        `{ "any": [${cmp('monthsToEnd', 'greaterThan', '18')}, ${cmp('monthsToEnd', 'lessThan', '12')}] }`,
      ) + ',',
      rule(
        'parameter',
        1,
        cmp('monthsToEnd', 'greaterThan', '18'),
        cmp('monthsToEnd', 'lessThan', '{ "fact": "windowEnd" }'),
      ) + ',',
      rule(
        'negated',
        1,
        `{ "not": { "all": [${cmp('cycle', 'equal', '1')}, ${cmp('cycle', 'equal', '2')}] } }`,
      ) + ',',
      rule(
        'decorated',
        1,
        cmp('offersMade', 'someFact:equal', '"none"'),
        cmp('offersMade', 'everyFact:notEqual', '"none"'),
      ) + ',',
      rule('integers', 1, cmp('cycle', 'greaterThan', '1'), cmp('cycle', 'lessThan', '3')),
      '  ]',
    );
    expect(problemsOf(text.replace('"hitPolicy": "first"', '"hitPolicy": "collect"'))).toEqual([]);
  });
});

describe('warnings: rules that never decide under hitPolicy "first"', () => {
  it('a rule whose conditions imply those of a higher-priority rule', () => {
    const text = rules(
      rule('broad', 2, cmp('monthsToEnd', 'lessThanInclusive', '18')),
      rule('narrow', 1, cmp('monthsToEnd', 'lessThan', '12'), cmp('segment', 'equal', '"reliable"')),
    );
    expect(problemsOf(text)).toEqual([
      'r.json:5:15  /rules/1/name  warning: rule "narrow" never decides: whenever it fires, rule "broad" (priority 2) fires too and decides first (hitPolicy "first"; narrow "broad" or give "narrow" a higher priority)',
    ]);
  });
  it('at equal priority, the earlier rule decides; a lower priority never shadows', () => {
    const text = rules(
      rule('first', 1, cmp('segment', 'in', '["reliable", "occasional"]')),
      rule('second', 1, cmp('segment', 'equal', '"reliable"')),
      rule('lower', 1, cmp('cycle', 'equal', '2')),
      rule('higher', 3, cmp('cycle', 'in', '[2, 3]'), cmp('dealerHasBdc', 'equal', 'true')),
    );
    expect(problemsOf(text)).toEqual([
      'r.json:5:15  /rules/1/name  warning: rule "second" never decides: whenever it fires, rule "first" (priority 1) fires too and decides first (hitPolicy "first"; narrow "first" or give "second" a higher priority)',
    ]);
  });
  it('a catch-all ahead of other rules, and a rule whose alternatives each imply the one ahead', () => {
    const text = rules(
      rule('young', 2, cmp('monthsOnBook', 'lessThan', '6')),
      `    { "name": "either", "conditions": { "any": [${cmp('monthsOnBook', 'equal', '1')}, ${cmp('monthsOnBook', 'in', '[2, 3]')}] }, "event": { "type": "none" } },`.slice(
        0,
        -1,
      ),
      rule('catch-all', 1),
      rule('after', 1, cmp('dealerHasBdc', 'equal', 'true')),
    );
    expect(problemsOf(text)).toEqual([
      'r.json:5:15  /rules/1/name  warning: rule "either" never decides: whenever it fires, rule "young" (priority 2) fires too and decides first (hitPolicy "first"; narrow "young" or give "either" a higher priority)',
      'r.json:7:15  /rules/3/name  warning: rule "after" never decides: whenever it fires, rule "catch-all" (priority 1) fires too and decides first (hitPolicy "first"; narrow "catch-all" or give "after" a higher priority)',
    ]);
  });
  it('nothing under hitPolicy "collect", where every fired rule is carried out', () => {
    const text = rules(rule('catch-all', 2), rule('after', 1, cmp('dealerHasBdc', 'equal', 'true'))).replace(
      '"hitPolicy": "first"',
      '"hitPolicy": "collect"',
    );
    expect(problemsOf(text)).toEqual([]);
  });
  it('nothing unless sure: a parameter or a condition the later rule does not imply', () => {
    const text = ruleSetText(
      '  "parameters": { "cutOff": { "type": "integer", "default": 12 } },',
      '  "rules": [',
      rule('param', 3, cmp('monthsToEnd', 'lessThan', '{ "fact": "cutOff" }')) + ',',
      rule('segment', 2, cmp('segment', 'equal', '"reliable"')) + ',',
      rule('edge', 2, cmp('monthsToEnd', 'lessThan', '12')) + ',',
      rule(
        'later',
        1,
        cmp('monthsToEnd', 'lessThanInclusive', '12'),
        cmp('segment', 'notEqual', '"reliable"'),
      ),
      '  ]',
    );
    expect(problemsOf(text)).toEqual([]);
  });
});

describe('warnings wait for errors', () => {
  it('are not given while the rule set has errors', () => {
    const text = rules(
      rule('r', 1, cmp('monthsToEnd', 'greaterThan', '18'), cmp('monthsToEnd', 'lessThan', '12')),
      rule('s', 1, cmp('segment', 'equal', '"gold"')),
    );
    expect(problemsOf(text)).toEqual([
      'r.json:5:110  /rules/1/conditions/all/0/value  invalid value "gold" for segment: expected one of reliable, occasional, habitual-late',
    ]);
  });
});

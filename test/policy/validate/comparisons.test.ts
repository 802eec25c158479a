import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../../engine/policy/load.ts';
import { oneRule, problemsOf } from './helpers.ts';

const PARAMETERS = [
  '  "parameters": {',
  '    "windowStart": { "type": "integer", "default": 18 },',
  '    "targetSegment": { "type": "enum", "values": ["reliable", "occasional"], "default": "reliable" },',
  '    "bdcOnly": { "type": "boolean", "default": false }',
  '  },',
];

/** Pointer and message of every problem of a rule testing one comparison (parameters above declared). */
function messages(comparison: string): string[] {
  return loadRuleSet(oneRule(comparison, undefined, PARAMETERS), 'r.json').problems.map(
    (p) =>
      `${p.pointer}  ${p.severity === 'warning' ? 'warning: ' : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`,
  );
}
const C = '/rules/0/conditions/all/0';

describe('facts', () => {
  it('an unknown fact, with the nearest known names', () => {
    expect(problemsOf(oneRule('{ "fact": "monthToEnd", "operator": "lessThan", "value": 12 }'))).toEqual([
      'r.json:4:54  /rules/0/conditions/all/0/fact  unknown fact "monthToEnd" for engagement rules (did you mean "monthsToEnd"?)',
    ]);
  });
  it('an unknown fact far from any name lists the facts of the kind and the parameters', () => {
    expect(messages('{ "fact": "weather", "operator": "equal", "value": 1 }')).toEqual([
      `${C}/fact  unknown fact "weather" for engagement rules (engagement facts: cycle, product, monthsToEnd, monthsOnBook, termMonths, equity, loyaltyScore, segment, creditTier, daysPastDue, lastContactMonthsAgo, contactsThisContract, offersMade, preferredChannel, dealerHasBdc, region, powertrain; parameters: "windowStart", "targetSegment", "bdcOnly")`,
    ]);
  });
  it('a parameter suggests itself too, and a fact reference to an unknown name is an unknown fact', () => {
    expect(
      messages('{ "fact": "monthsToEnd", "operator": "lessThan", "value": { "fact": "windowStrat" } }'),
    ).toEqual([
      `${C}/value/fact  unknown fact "windowStrat" for engagement rules (did you mean "windowStart"?)`,
    ]);
  });
  it('a parameter reads as a fact on either side', () => {
    expect(
      messages(
        '{ "fact": "monthsToEnd", "operator": "lessThanInclusive", "value": { "fact": "windowStart" } }',
      ),
    ).toEqual([]);
    expect(
      messages('{ "fact": "bdcOnly", "operator": "equal", "value": { "fact": "dealerHasBdc" } }'),
    ).toEqual([]);
    expect(
      messages('{ "fact": "segment", "operator": "equal", "value": { "fact": "targetSegment" } }'),
    ).toEqual([]);
  });
});

describe('operators', () => {
  it('an unknown operator, with the list and the nearest name', () => {
    expect(problemsOf(oneRule('{ "fact": "monthsToEnd", "operator": "lessThen", "value": 12 }'))).toEqual([
      'r.json:4:81  /rules/0/conditions/all/0/operator  invalid operator "lessThen": expected one of equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain (did you mean "lessThan"?)',
    ]);
  });
  it('an unknown decorator, or an unknown operator behind known decorators', () => {
    expect(messages('{ "fact": "cycle", "operator": "nto:equal", "value": 1 }')).toEqual([
      `${C}/operator  invalid operator "nto:equal": unknown decorator "nto": expected one of not, someFact, someValue, everyFact, everyValue, swap (did you mean "not"?)`,
    ]);
    expect(messages('{ "fact": "cycle", "operator": "not:equals", "value": 1 }')).toEqual([
      `${C}/operator  invalid operator "not:equals": unknown operator "equals" after the decorators: expected one of equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain (did you mean "equal"?)`,
    ]);
    expect(messages('{ "fact": "cycle", "operator": "equal:not", "value": 1 }')).toEqual([
      `${C}/operator  invalid operator "equal:not": unknown decorator "equal": expected one of not, someFact, someValue, everyFact, everyValue, swap (decorators come before the operator: "not:equal")`,
    ]);
    expect(messages('{ "fact": "cycle", "operator": "not", "value": 1 }')).toEqual([
      `${C}/operator  invalid operator "not": expected one of equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain (a decorator needs an operator after it, e.g. "not:equal")`,
    ]);
    expect(messages('{ "fact": "cycle", "operator": 3, "value": 1 }')).toEqual([
      `${C}/operator  invalid operator 3: expected a string such as "equal" or "not:in"`,
    ]);
  });
});

describe('operator types', () => {
  it('an operator that does not fit the fact, with the operators that do', () => {
    expect(problemsOf(oneRule('{ "fact": "segment", "operator": "greaterThan", "value": 3 }'))).toEqual([
      'r.json:4:77  /rules/0/conditions/all/0/operator  invalid operator "greaterThan" for segment: greaterThan needs a number, but segment is one of reliable, occasional, habitual-late (operators that fit segment: equal, notEqual, in, notIn)',
    ]);
  });
  it('an enum value the fact cannot take', () => {
    expect(problemsOf(oneRule('{ "fact": "segment", "operator": "equal", "value": "gold" }'))).toEqual([
      'r.json:4:95  /rules/0/conditions/all/0/value  invalid value "gold" for segment: expected one of reliable, occasional, habitual-late',
    ]);
    expect(messages('{ "fact": "segment", "operator": "in", "value": ["reliable", "ocasional"] }')).toEqual([
      `${C}/value/1  invalid value "ocasional" for segment: expected one of reliable, occasional, habitual-late (did you mean "occasional"?)`,
    ]);
  });

  // Each decorated form, walked outermost to innermost: [operator, value, expected problems].
  const cases: [string, string, string, string[]][] = [
    // base operators
    ['monthsToEnd', 'lessThan', '12', []],
    [
      'monthsToEnd',
      'lessThan',
      '"12"',
      [`${C}/value  invalid value "12" for monthsToEnd: expected a number`],
    ],
    ['equity', 'greaterThan', '{ "fact": "windowStart" }', []],
    [
      'monthsToEnd',
      'lessThan',
      '{ "fact": "bdcOnly" }',
      [`${C}/value/fact  invalid value for monthsToEnd: expected a number, but bdcOnly is a boolean`],
    ],
    // number ~ integer: no type error; that it is never true is a warning's business
    [
      'cycle',
      'equal',
      '2.5',
      [`${C}  warning: rule "r" can never fire: cycle = 2.5, but cycle is an integer from 1 to 3`],
    ],
    [
      'dealerHasBdc',
      'equal',
      '"true"',
      [`${C}/value  invalid value "true" for dealerHasBdc: expected true or false`],
    ],
    [
      'segment',
      'equal',
      '["reliable"]',
      [
        `${C}/value  invalid value ["reliable"] for segment: expected a single value (use "in" to compare with several values)`,
      ],
    ],
    [
      'segment',
      'in',
      '"reliable"',
      [
        `${C}/value  invalid value "reliable" for segment: expected an array of values from reliable, occasional, habitual-late (use "equal" to compare with one value)`,
      ],
    ],
    ['cycle', 'in', '[1, "2"]', [`${C}/value/1  invalid value "2" for cycle: expected a number`]],
    [
      'offersMade',
      'equal',
      '"none"',
      [
        `${C}/operator  invalid operator "equal" for offersMade: equal needs a single value, but offersMade is a list of none, early-upgrade, loyalty-rate, service-package, extension (use "contains" to ask whether the list holds a value)`,
      ],
    ],
    ['offersMade', 'contains', '"loyalty-rate"', []],
    [
      'offersMade',
      'contains',
      '"gold"',
      [
        `${C}/value  invalid value "gold" for offersMade: expected one of none, early-upgrade, loyalty-rate, service-package, extension`,
      ],
    ],
    [
      'segment',
      'contains',
      '"reliable"',
      [
        `${C}/operator  invalid operator "contains" for segment: contains needs a list, but segment is one of reliable, occasional, habitual-late (use "equal" or "in" for a single value)`,
      ],
    ],
    ['segment', 'equal', '{ "fact": "targetSegment" }', []],
    [
      'region',
      'equal',
      '{ "fact": "targetSegment" }',
      [
        `${C}/value/fact  invalid value for region: expected one of north, south, east, west, central, but targetSegment is one of reliable, occasional`,
      ],
    ],
    // someFact / everyFact: a list on the fact side, then its elements
    ['offersMade', 'someFact:equal', '"extension"', []],
    ['offersMade', 'everyFact:in', '["none", "extension"]', []],
    [
      'offersMade',
      'someFact:lessThan',
      '3',
      [
        `${C}/operator  invalid operator "someFact:lessThan" for offersMade: lessThan needs a number, but each element of offersMade is one of none, early-upgrade, loyalty-rate, service-package, extension`,
      ],
    ],
    [
      'segment',
      'someFact:equal',
      '"reliable"',
      [
        `${C}/operator  invalid operator "someFact:equal" for segment: someFact needs a list, but segment is one of reliable, occasional, habitual-late`,
      ],
    ],
    // someValue / everyValue: an array on the value side, then its elements
    ['cycle', 'someValue:lessThan', '[2, 3]', []],
    [
      'cycle',
      'everyValue:equal',
      '[1, "x"]',
      [`${C}/value/1  invalid value "x" for cycle: expected a number`],
    ],
    ['cycle', 'someValue:equal', '2', [`${C}/value  invalid value 2 for cycle: expected an array`]],
    // swap exchanges the sides; not changes nothing
    ['offersMade', 'swap:in', '"extension"', []],
    ['segment', 'swap:contains', '["reliable", "occasional"]', []],
    [
      'segment',
      'swap:contains',
      '["reliable", "gold"]',
      [`${C}/value/1  invalid value "gold" for segment: expected one of reliable, occasional, habitual-late`],
    ],
    [
      'monthsToEnd',
      'swap:in',
      '[1, 2]',
      [`${C}/value  invalid value [1,2] for monthsToEnd: expected a single value`],
    ],
    ['monthsToEnd', 'not:swap:greaterThan', '6', []],
    ['offersMade', 'not:someFact:in', '["extension"]', []],
    ['offersMade', 'someFact:someValue:equal', '["extension", "none"]', []],
    [
      'offersMade',
      'someFact:someValue:equal',
      '["extension", 4]',
      [
        `${C}/value/1  invalid value 4 for offersMade: expected one of none, early-upgrade, loyalty-rate, service-package, extension`,
      ],
    ],
    ['offersMade', 'swap:someValue:equal', '"none"', []],
  ];
  for (const [fact, operator, value, expected] of cases) {
    it(`${fact} ${operator} ${value}`, () => {
      expect(messages(`{ "fact": "${fact}", "operator": "${operator}", "value": ${value} }`)).toEqual(
        expected,
      );
    });
  }
});

describe('comparison shape', () => {
  it("json-rules-engine's path and params are not part of the language", () => {
    expect(messages('{ "fact": "cycle", "operator": "equal", "value": 1, "path": "$.a" }')).toEqual([
      `${C}/path  unknown property "path" in a comparison (json-rules-engine's "path" is not part of the Cyclecast rule language: facts are plain values)`,
    ]);
    expect(
      messages('{ "fact": "cycle", "operator": "equal", "value": { "fact": "cycle", "params": {} } }'),
    ).toEqual([
      `${C}/value/params  unknown property "params" in a fact reference (json-rules-engine's fact "params" are not part of the Cyclecast rule language)`,
    ]);
  });
  it('a misspelt key is reported once, not also as a missing one', () => {
    expect(messages('{ "fatc": "cycle", "operator": "equal", "value": 1 }')).toEqual([
      `${C}/fatc  unknown property "fatc" in a comparison (did you mean "fact"?)`,
    ]);
    expect(messages('{ "fact": "cycle", "operator": "equal" }')).toEqual([
      `${C}  missing property "value": expected a value, or {"fact": name}`,
    ]);
  });
  it('an object value must be a fact reference', () => {
    expect(messages('{ "fact": "cycle", "operator": "equal", "value": { "min": 1 } }')).toEqual([
      `${C}/value  invalid value {"min":1}: expected a number, string, boolean, null, array, or a fact reference {"fact": name}`,
    ]);
  });
});

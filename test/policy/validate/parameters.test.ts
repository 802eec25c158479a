import { describe, expect, it } from 'vitest';
import { problemsOf, ruleSetText } from './helpers.ts';

const withParameters = (...declarations: string[]) =>
  ruleSetText('  "parameters": {', ...declarations, '  },', '  "rules": []');

describe('parameter declarations', () => {
  it('a default must fit the type: integer, bounds, enum values, boolean', () => {
    const text = withParameters(
      '    "a": { "type": "integer", "default": 2.5 },',
      '    "b": { "type": "number", "default": 120, "min": 0, "max": 96, "unit": "months" },',
      '    "c": { "type": "enum", "values": ["phone", "email"], "default": "emial" },',
      '    "d": { "type": "boolean", "default": "yes" }',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:42  /parameters/a/default  invalid default 2.5 for parameter a: expected an integer',
      'r.json:5:41  /parameters/b/default  invalid default 120 for parameter b: expected a number from 0 to 96 (months)',
      'r.json:6:69  /parameters/c/default  invalid default "emial" for parameter c: expected one of phone, email (did you mean "email"?)',
      'r.json:7:42  /parameters/d/default  invalid default "yes" for parameter d: expected true or false',
    ]);
  });
  it('a name must not hide a fact of the kind', () => {
    expect(problemsOf(withParameters('    "monthsToEnd": { "type": "integer", "default": 12 }'))).toEqual([
      'r.json:4:5  /parameters/monthsToEnd  invalid parameter name "monthsToEnd": it would hide the engagement fact monthsToEnd (give the parameter a name of its own)',
    ]);
  });
  it('type, values and bounds: each where it means something', () => {
    const text = withParameters(
      '    "a": { "type": "string", "default": "x" },',
      '    "b": { "type": "enum", "default": "x" },',
      '    "c": { "type": "boolean", "default": true, "values": ["x"], "min": 0 },',
      '    "d": { "type": "number", "default": 5, "min": 10, "max": 1 },',
      '    "e": { "type": "enum", "values": ["x", "x"], "default": "x" },',
      '    "f": { "default": 1, "desc": "?" }',
    );
    expect(problemsOf(text)).toEqual([
      'r.json:4:20  /parameters/a/type  invalid type "string" for parameter a: expected one of number, integer, boolean, enum',
      'r.json:5:10  /parameters/b  missing property "values": expected the values the enum parameter b can take',
      'r.json:6:58  /parameters/c/values  invalid values for parameter c: only an enum parameter has values',
      'r.json:6:72  /parameters/c/min  invalid min for parameter c: only a number or integer parameter has bounds',
      'r.json:7:62  /parameters/d/max  invalid bounds for parameter d: max 1 is below min 10',
      'r.json:8:44  /parameters/e/values/1  duplicate value "x" in the values of parameter e',
      'r.json:9:10  /parameters/f  missing property "type": expected one of number, integer, boolean, enum',
      'r.json:9:26  /parameters/f/desc  unknown property "desc" in a parameter declaration (a parameter declaration has "type", "default", "values", "unit", "min", "max" and "description")',
    ]);
  });
  it('a default outside min/max is reported once the bounds are valid', () => {
    expect(
      problemsOf(withParameters('    "a": { "type": "integer", "default": 0, "min": 1, "max": 24 }')),
    ).toEqual([
      'r.json:4:42  /parameters/a/default  invalid default 0 for parameter a: expected an integer from 1 to 24',
    ]);
  });
});

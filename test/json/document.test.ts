import { describe, expect, it } from 'vitest';
import { parseJsonDocument } from '../../engine/json/document.ts';
import { formatProblem } from '../../engine/json/problem.ts';

const problems = (text: string) => parseJsonDocument(text, 'f.json').problems.map(formatProblem);

describe('parseJsonDocument: values', () => {
  it('reads the value exactly as JSON.parse does, with no problems', () => {
    const text = '{"a": [1, 2.5e3, "x\\u00e9", true, null], "b": {"c": -0}}';
    const doc = parseJsonDocument(text, 'f.json');
    expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual(JSON.parse(text));
    expect(Object.is((doc.value as { b: { c: number } }).b.c, -0)).toBe(true);
  });

  it('keeps "__proto__" and "constructor" as plain data', () => {
    const doc = parseJsonDocument('{"__proto__": {"x": 1}, "constructor": 2}', 'f.json');
    const value = doc.value as Record<string, unknown>;
    expect(Object.hasOwn(value, '__proto__')).toBe(true);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(value.constructor).toBe(2);
    expect(doc.locate('/__proto__/x')).toEqual({ line: 1, column: 21 });
  });

  it('accepts a byte-order mark, as editors write one', () => {
    const doc = parseJsonDocument('\uFEFF{"a": 1}', 'f.json');
    expect(doc.problems).toEqual([]);
    expect(doc.value).toEqual({ a: 1 });
  });
});

describe('parseJsonDocument: syntax errors, located', () => {
  it('a missing comma, at the token where the comma should be', () => {
    expect(problems('{\n  "a": 1\n  "b": 2\n}')).toEqual([
      "f.json:3:3  /  invalid JSON: expected ',' or '}'",
    ]);
    expect(problems('[1\n 2]')).toEqual(["f.json:2:2  /  invalid JSON: expected ',' or ']'"]);
  });

  it('has no value, and reports only the first error (later ones are echoes)', () => {
    const doc = parseJsonDocument('{"a": [1, 2}', 'f.json');
    expect(Object.hasOwn(doc, 'value')).toBe(false);
    expect(doc.problems.map(formatProblem)).toEqual(["f.json:1:12  /  invalid JSON: expected ',' or ']'"]);
  });

  it('explains the usual mistakes in plain words', () => {
    expect(problems('{"a": 1,}')).toEqual(["f.json:1:9  /  invalid JSON: trailing comma before '}'"]);
    expect(problems('[1, 2,\n]')).toEqual(["f.json:2:1  /  invalid JSON: trailing comma before ']'"]);
    expect(problems("{'a': 1}")).toEqual([
      'f.json:1:2  /  invalid JSON: strings and property names need double quotes',
    ]);
    expect(problems('{"a" 1}')).toEqual([
      "f.json:1:6  /  invalid JSON: expected ':' after the property name",
    ]);
    expect(problems('// note\n{}')).toEqual([
      'f.json:1:1  /  invalid JSON: comments are not allowed in JSON',
    ]);
    expect(problems('{"a": "two\nlines"}')).toEqual([
      'f.json:1:11  /  invalid JSON: line break inside a string: write it as \\n',
    ]);
    expect(problems('{"a": "x\\q"}')).toEqual([
      'f.json:1:9  /  invalid JSON: invalid escape \\q in a string: expected \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX',
    ]);
    expect(problems('{"a": "\\u12"}')).toEqual([
      'f.json:1:8  /  invalid JSON: invalid \\u escape in a string: expected four hex digits',
    ]);
    expect(problems('{"a": "abc')).toEqual(['f.json:1:7  /  invalid JSON: unterminated string']);
    expect(problems('{"a": tru}')).toEqual([
      'f.json:1:7  /  invalid JSON: unexpected "tru": expected a value (a string, number, object, array, true, false or null)',
    ]);
    expect(problems('{"a": 1.}')).toEqual(['f.json:1:7  /  invalid JSON: invalid number "1."']);
    expect(problems('{"a": 1} x')).toEqual([
      'f.json:1:10  /  invalid JSON: unexpected content after the end of the JSON value',
    ]);
    expect(problems('')).toEqual(['f.json:1:1  /  invalid JSON: unexpected end of file: expected a value']);
    expect(problems('{"a": 1')).toEqual([
      "f.json:1:8  /  invalid JSON: unexpected end of file: expected ',' or '}'",
    ]);
    expect(problems('{"a": "\tb"}')).toEqual([
      'f.json:1:8  /  invalid JSON: control character in a string: write it escaped, e.g. \\t',
    ]);
  });

  it('counts lines across \\n, \\r\\n and lone \\r', () => {
    expect(problems('{\r\n"a": 1\r\n"b": 2}')).toEqual(["f.json:3:1  /  invalid JSON: expected ',' or '}'"]);
    expect(problems('{\r"a": 1\r"b": 2}')).toEqual(["f.json:3:1  /  invalid JSON: expected ',' or '}'"]);
  });

  it('refuses nesting deeper than any real file instead of exhausting the stack', () => {
    const deep = '{"a": ' + '['.repeat(100_000) + ']'.repeat(100_000) + '}';
    expect(problems(deep)).toEqual(['f.json:1:518  /  invalid JSON: nested more than 512 levels deep']);
    expect(parseJsonDocument('['.repeat(500) + ']'.repeat(500), 'f.json').problems).toEqual([]);
  });
});

describe('parseJsonDocument: duplicate keys', () => {
  it('warns at the later key, and the later value counts (as in JSON.parse)', () => {
    const doc = parseJsonDocument('{\n  "a": 1,\n  "b": {"x": 1, "x": 2},\n  "a": 3\n}', 'f.json');
    expect(doc.value).toEqual({ a: 3, b: { x: 2 } });
    expect(doc.problems.map(formatProblem)).toEqual([
      'f.json:3:17  /b/x  warning: duplicate property "x": only the last one counts',
      'f.json:4:3  /a  warning: duplicate property "a": only the last one counts',
    ]);
    expect(doc.locate('/a')).toEqual({ line: 4, column: 8 });
  });
});

describe('locate and locateKey', () => {
  const text = ['{', '  "rules": [', '    { "name": "r", "a/b": { "~x": [10, 20] } }', '  ]', '}'].join('\n');
  const doc = parseJsonDocument(text, 'f.json');

  it('finds the value at an RFC 6901 pointer, escapes included', () => {
    expect(doc.locate('')).toEqual({ line: 1, column: 1 });
    expect(doc.locate('/rules')).toEqual({ line: 2, column: 12 });
    expect(doc.locate('/rules/0/name')).toEqual({ line: 3, column: 15 });
    expect(doc.locate('/rules/0/a~1b/~0x/1')).toEqual({ line: 3, column: 40 });
  });

  it('falls back to the enclosing value for what is missing', () => {
    expect(doc.locate('/rules/0/event')).toEqual({ line: 3, column: 5 });
    expect(doc.locate('/rules/7/name')).toEqual({ line: 2, column: 12 });
    expect(doc.locate('/rules/00')).toEqual({ line: 2, column: 12 });
    expect(doc.locate('not a pointer')).toEqual({ line: 1, column: 1 });
  });

  it('finds the key of a member, for an unknown property', () => {
    expect(doc.locateKey('/rules/0/name')).toEqual({ line: 3, column: 7 });
    expect(doc.locateKey('/rules/0/a~1b/~0x')).toEqual({ line: 3, column: 29 });
    expect(doc.locateKey('/rules/0')).toEqual({ line: 3, column: 5 });
    expect(doc.locateKey('/rules/0/missing')).toEqual({ line: 3, column: 5 });
  });
});

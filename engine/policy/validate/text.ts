import { describeValue } from '../../json/describe.ts';

/** How values and names from a user's file appear in messages: one line, bounded, unambiguous. */

/**
 * A value as JSON on one line, cut to a readable length: the one value rendering (engine/json/describe.ts).
 * @example show('gold') // '"gold"'
 */
export const show = describeValue;

/** A fact, parameter or condition name: bare when it is a plain word, quoted otherwise. */
export function nameText(name: string): string {
  return /^[A-Za-z_$][\w$-]{0,59}$/.test(name) ? name : show(name);
}

/** `a, b, c` */
export function listText(values: readonly (string | number | boolean)[]): string {
  return values.join(', ');
}

/** `a`, `a or b`, `a, b or c` */
export function orList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

/** `a`, `a and b`, `a, b and c` */
export function andList(values: readonly string[]): string {
  if (values.length <= 1) return values.join('');
  return `${values.slice(0, -1).join(', ')} and ${values[values.length - 1]}`;
}

/** What kind of JSON value this is, for `expected a string, got …` messages. */
export function jsonTypeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

/** Whether a JSON value is an object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

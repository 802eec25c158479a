/** How values and names from a user's file appear in messages: one line, bounded, unambiguous. */

const MAX_SHOWN = 60;

/**
 * A value as JSON on one line, cut to a readable length.
 * @example show('gold') // '"gold"'
 */
export function show(value: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  // JSON.stringify leaves these raw; they would break the one-line-per-problem report.
  text = text.replace(
    /[\u007f\u2028\u2029]/g,
    (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return text.length > MAX_SHOWN ? text.slice(0, MAX_SHOWN - 1) + '…' : text;
}

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

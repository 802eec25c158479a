/** Longest rendering of a user's value in a message, characters. */
const MAX_SHOWN = 60;

/**
 * A value from a user's file as messages show it ("expected …, got …"): JSON on one line, cut to 60
 * characters; 'nothing' for a missing value. The one rendering every check uses (policy, world,
 * portfolio, scenario).
 * @example describeValue({ dist: 'normal' }) // '{"dist":"normal"}'
 * @example describeValue('gold') // '"gold"'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
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

/**
 * How values and names from a user's file appear in messages: one line, bounded, unambiguous. Every
 * message that quotes user text goes through this file, so a key of megabytes prints as 60 characters.
 */

/** Longest rendering of a user's value or name in a message, characters. */
const MAX_SHOWN = 60;

/**
 * Longest path shown whole: real paths (at most 4096 bytes on Linux) are seldom longer, a hostile
 * `extends` of megabytes is cut.
 */
const MAX_PATH_SHOWN = 400;

/**
 * Text from a user's file shown as it is (a path, a name in a sentence), cut to `max` characters with
 * an ellipsis.
 * @example cut('scenarios/baseline.json') // 'scenarios/baseline.json'
 */
export function cut(text: string, max = MAX_SHOWN): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** A path from a user's file, shown as it is unless it is absurdly long (over 400 characters). */
export function cutPath(text: string): string {
  return cut(text, MAX_PATH_SHOWN);
}

/**
 * A value from a user's file as messages show it ("expected …, got …"): JSON on one line, cut to 60
 * characters; 'nothing' for a missing value. The one rendering every check uses (policy, world,
 * portfolio, scenario, CLI).
 * @example describeValue({ dist: 'normal' }) // '{"dist":"normal"}'
 * @example describeValue('gold') // '"gold"'
 */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    // Cut a long string first: quoting megabytes only to print sixty characters of them is waste.
    const shown = typeof value === 'string' && value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value;
    text = JSON.stringify(shown) ?? String(shown);
    if (shown !== value) text = text.slice(0, -1) + '…';
  } catch {
    text = String(value);
  }
  // JSON.stringify leaves these raw; they would break the one-line-per-problem report.
  text = text.replace(
    /[\u007f\u2028\u2029]/g,
    (ch) => '\\u' + ch.charCodeAt(0).toString(16).padStart(4, '0'),
  );
  return cut(text);
}

/**
 * A fact, parameter or condition name in a sentence: bare when it is a plain word, quoted (and cut)
 * otherwise.
 * @example nameText('monthsToEnd') // 'monthsToEnd'
 * @example nameText('two words') // '"two words"'
 */
export function nameText(name: string): string {
  return /^[A-Za-z_$][\w$-]{0,59}$/.test(name) ? name : describeValue(name);
}

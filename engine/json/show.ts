/**
 * How values and names from a user's file appear in messages: one line, bounded, unambiguous. Every
 * message that quotes user text goes through `show`, so a key of megabytes prints as 60 characters.
 */

const MAX_SHOWN = 60;

/**
 * Text from a user's file shown as it is (a path, a name in a sentence), cut to a readable length.
 * @example cut('scenarios/baseline.json') // 'scenarios/baseline.json'
 */
export function cut(text: string, max = MAX_SHOWN): string {
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/**
 * Longest path shown whole: real paths (at most 4096 bytes on Linux) are seldom longer, a hostile
 * `extends` of megabytes is cut.
 */
const MAX_PATH_SHOWN = 400;

/** A path from a user's file, shown as it is unless it is absurdly long. */
export function cutPath(text: string): string {
  return cut(text, MAX_PATH_SHOWN);
}

/**
 * A value as JSON on one line, cut to a readable length.
 * @example show('gold') // '"gold"'
 */
export function show(value: unknown): string {
  let text: string;
  try {
    // Cut a long string first: quoting megabytes only to print sixty characters of them is waste.
    const cut = typeof value === 'string' && value.length > MAX_SHOWN ? value.slice(0, MAX_SHOWN) : value;
    text = JSON.stringify(cut) ?? String(cut);
    if (cut !== value) text = text.slice(0, -1) + '…';
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

import { printParseErrorCode } from 'jsonc-parser';
import type { SyntaxErrorAt } from './tree.ts';
import { describeValue } from './describe.ts';

/** A syntax error explained for a person, at the offset that best shows it. */
export interface SyntaxExplanation {
  readonly offset: number;
  /** `invalid JSON: …` */
  readonly message: string;
}

const VALID_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't', 'u']);

/**
 * Turns the scanner's error code into a plain message, looking at the text around it: a trailing
 * comma, single quotes, a comment, a line break inside a string, a bad escape.
 */
export function explainSyntaxError(text: string, error: SyntaxErrorAt): SyntaxExplanation {
  const { offset, length } = error;
  const token = text.slice(offset, offset + length);
  const at = (message: string, where = offset): SyntaxExplanation => ({
    offset: where,
    message: `invalid JSON: ${message}`,
  });
  const atEnd = offset >= text.length;
  const closer = error.inside === 'array' ? ']' : '}';

  switch (printParseErrorCode(error.code)) {
    case 'CommaExpected':
    case 'CloseBraceExpected':
    case 'CloseBracketExpected':
      return at(
        atEnd ? `unexpected end of file: expected ',' or '${closer}'` : `expected ',' or '${closer}'`,
      );
    case 'ColonExpected':
      return at("expected ':' after the property name");
    case 'PropertyNameExpected':
      if (token === '}' && previousSignificant(text, offset) === ',') return at("trailing comma before '}'");
      return at('expected a property name in double quotes');
    case 'ValueExpected':
      if (atEnd) return at('unexpected end of file: expected a value');
      if ((token === ']' || token === '}') && previousSignificant(text, offset) === ',')
        return at(`trailing comma before '${token}'`);
      return at('expected a value');
    case 'EndOfFileExpected':
      return at('unexpected content after the end of the JSON value');
    case 'InvalidSymbol':
      if (error.afterRoot) return at('unexpected content after the end of the JSON value');
      if (token.startsWith("'")) return at('strings and property names need double quotes');
      return at(
        `unexpected ${describeValue(token)}: expected a value (a string, number, object, array, true, false or null)`,
      );
    case 'InvalidNumberFormat':
    case 'UnexpectedEndOfNumber':
      return at(`invalid number ${describeValue(token)}`);
    case 'InvalidCommentToken':
    case 'UnexpectedEndOfComment':
      return at('comments are not allowed in JSON');
    case 'UnexpectedEndOfString': {
      const end = offset + length;
      const next = text.charAt(end);
      if (next === '\n' || next === '\r') return at('line break inside a string: write it as \\n', end);
      return at('unterminated string');
    }
    case 'InvalidEscapeCharacter':
    case 'InvalidUnicode': {
      const escape = findBadEscape(token);
      if (escape === undefined) return at('invalid escape in a string');
      const escaped = token.charAt(escape + 1);
      const shown = '\\' + (escaped < ' ' ? JSON.stringify(escaped).slice(1, -1) : escaped);
      return token.charAt(escape + 1) === 'u'
        ? at('invalid \\u escape in a string: expected four hex digits', offset + escape)
        : at(
            `invalid escape ${shown} in a string: expected \\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX`,
            offset + escape,
          );
    }
    case 'InvalidCharacter': {
      const control = [...token].findIndex((ch) => ch.charCodeAt(0) < 0x20);
      return at('control character in a string: write it escaped, e.g. \\t', offset + Math.max(0, control));
    }
    default:
      return at('unreadable');
  }
}

function previousSignificant(text: string, offset: number): string | undefined {
  for (let i = offset - 1; i >= 0; i--) {
    const ch = text.charAt(i);
    if (ch !== ' ' && ch !== '\t' && ch !== '\n' && ch !== '\r') return ch;
  }
  return undefined;
}

/** Index within a string token of the first escape JSON does not allow. */
function findBadEscape(token: string): number | undefined {
  for (let i = 1; i < token.length; i++) {
    if (token.charAt(i) !== '\\') continue;
    const next = token.charAt(i + 1);
    if (!VALID_ESCAPES.has(next)) return i;
    if (next === 'u' && !/^[0-9a-fA-F]{4}$/.test(token.slice(i + 2, i + 6))) return i;
    i++;
  }
  return undefined;
}

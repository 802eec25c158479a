import { describeValue as describe } from '../json/describe.ts';
import type { ValueProblem } from '../json/problem.ts';
import { didYouMean } from '../json/suggest.ts';
import { child, isPlainObject, problem, type Place } from './check.ts';

/**
 * How a tape is written, declared rather than guessed: a wrong guess (a comma read as a thousands
 * separator, 03/04 read as 4 March) changes balances and dates silently, a declared dialect fails loudly.
 */
export interface TapeDialect {
  /** Field separator. */
  readonly delimiter: ',' | ';' | '\t' | '|';
  /** Decimal separator of numbers. */
  readonly decimal: '.' | ',';
  /** Thousands separator of numbers, or '' for none. */
  readonly thousands: '' | '.' | ',' | ' ' | "'";
  /** How every date is written. */
  readonly datePattern: DatePattern;
  /** UTF-8 (with or without a byte-order mark) or Windows-1252. */
  readonly encoding: 'utf-8' | 'windows-1252';
}

export const DATE_PATTERNS = [
  'YYYY-MM-DD',
  'DD/MM/YYYY',
  'DD-MM-YYYY',
  'DD.MM.YYYY',
  'MM/DD/YYYY',
  'YYYYMMDD',
] as const;
export type DatePattern = (typeof DATE_PATTERNS)[number];

/** The default: what "CSV (UTF-8)" export of most tools writes with an ISO date format. */
export const DEFAULT_DIALECT: TapeDialect = {
  delimiter: ',',
  decimal: '.',
  thousands: '',
  datePattern: 'YYYY-MM-DD',
  encoding: 'utf-8',
};

const CHOICES: { readonly [K in keyof TapeDialect]: readonly string[] } = {
  delimiter: [',', ';', '\t', '|'],
  decimal: ['.', ','],
  thousands: ['', '.', ',', ' ', "'"],
  datePattern: DATE_PATTERNS,
  encoding: ['utf-8', 'windows-1252'],
};

export const DIALECT_KEYS = Object.keys(CHOICES) as (keyof TapeDialect)[];

/**
 * The dialect `partial` declares over {@link DEFAULT_DIALECT}; each problem at its JSON pointer. A
 * dialect in which one character would mean two things (`;` as delimiter and decimal) is refused.
 * @example resolveDialect({ delimiter: ';', decimal: ',' }, { name: 'portfolio.tape.dialect', pointer: '/portfolio/tape/dialect' })
 */
export function resolveDialect(
  partial: unknown,
  place: Place,
): { dialect: TapeDialect; problems: ValueProblem[] } {
  if (partial === undefined) return { dialect: DEFAULT_DIALECT, problems: [] };
  if (!isPlainObject(partial)) {
    return {
      dialect: DEFAULT_DIALECT,
      problems: [
        problem(
          place,
          `expected an object such as { "delimiter": ";", "decimal": "," }, got ${describe(partial)}`,
        ),
      ],
    };
  }
  const problems: ValueProblem[] = [];
  const dialect: Record<string, string> = { ...DEFAULT_DIALECT };
  for (const [key, value] of Object.entries(partial)) {
    const at = child(place, key);
    const choices = CHOICES[key as keyof TapeDialect] as readonly string[] | undefined;
    if (choices === undefined) {
      problems.push(
        problem(
          at,
          `unknown setting: expected one of ${DIALECT_KEYS.join(', ')}`,
          didYouMean(key, DIALECT_KEYS, { limit: 1 }),
        ),
      );
    } else if (typeof value !== 'string' || !choices.includes(value)) {
      problems.push(
        problem(
          at,
          `expected one of ${choices.map((c) => JSON.stringify(c)).join(', ')}, got ${describe(value)}`,
        ),
      );
    } else dialect[key] = value;
  }
  const d = dialect as unknown as TapeDialect;
  if (problems.length === 0) {
    if (d.decimal === d.thousands)
      problems.push(problem(place, 'the decimal and thousands separators must differ'));
    if (d.delimiter === d.decimal || d.delimiter === d.thousands) {
      problems.push(
        problem(
          place,
          `the delimiter ${JSON.stringify(d.delimiter)} is also a number separator`,
          'a tape with decimal commas usually has ";" as delimiter',
        ),
      );
    }
  }
  return { dialect: d, problems };
}

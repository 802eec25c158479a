import { DATE_PATTERNS, type DatePattern, type TapeDialect } from '../tape-dialect.ts';

/**
 * Reading one cell of a tape as its declared type, in the declared dialect. A cell that does not read
 * is a {@link CellError} saying what was expected; it never quotes the cell (it may be an identifier),
 * only what the cell looks like.
 */
export class CellError {
  constructor(
    readonly message: string,
    readonly hint?: string,
  ) {}
}

/** A date as yyyymmdd, e.g. 20240315. */
export type DateNumber = number;

const PATTERN_SHAPES: Record<DatePattern, RegExp> = {
  'YYYY-MM-DD': /^(\d{4})-(\d{2})-(\d{2})$/,
  'DD/MM/YYYY': /^(\d{2})\/(\d{2})\/(\d{4})$/,
  'DD-MM-YYYY': /^(\d{2})-(\d{2})-(\d{4})$/,
  'DD.MM.YYYY': /^(\d{2})\.(\d{2})\.(\d{4})$/,
  'MM/DD/YYYY': /^(\d{2})\/(\d{2})\/(\d{4})$/,
  YYYYMMDD: /^(\d{4})(\d{2})(\d{2})$/,
};

/** The order of year, month and day in each pattern's groups. */
const ORDER: Record<DatePattern, readonly [number, number, number]> = {
  'YYYY-MM-DD': [1, 2, 3],
  'DD/MM/YYYY': [3, 2, 1],
  'DD-MM-YYYY': [3, 2, 1],
  'DD.MM.YYYY': [3, 2, 1],
  'MM/DD/YYYY': [3, 1, 2],
  YYYYMMDD: [1, 2, 3],
};

/** A date in `pattern`, as yyyymmdd; years 1900–2199. */
export function readDate(text: string, pattern: DatePattern): DateNumber | CellError {
  const match = PATTERN_SHAPES[pattern].exec(text);
  if (match === null) return new CellError(`expected a date written ${pattern}`, dateHint(text, pattern));
  const [yi, mi, di] = ORDER[pattern];
  const y = Number(match[yi]);
  const m = Number(match[mi]);
  const d = Number(match[di]);
  if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    return new CellError(`expected a calendar date written ${pattern}`, 'no such day');
  }
  return y * 10000 + m * 100 + d;
}

/** What a date that does not read looks like: the usual spreadsheet accidents. */
function dateHint(text: string, pattern: DatePattern): string | undefined {
  if (/^\d{5}(\.\d+)?$/.test(text))
    return 'looks like an Excel serial date: format the column as a date before saving as CSV';
  if (/^\d{1,2}[/.-]\d{1,2}[/.-]\d{2}$/.test(text))
    return 'a two-digit year is ambiguous: write the year in full';
  const other = DATE_PATTERNS.find((p) => p !== pattern && PATTERN_SHAPES[p].test(text));
  if (other !== undefined)
    return `written like ${other}: every date of a tape is written one way, the dialect's datePattern`;
  return undefined;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a yyyymmdd date (proleptic Gregorian). */
export function dayNumber(date: DateNumber): number {
  const y0 = Math.floor(date / 10000);
  const m = Math.floor(date / 100) % 100;
  const d = date % 100;
  // Howard Hinnant's days_from_civil.
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/**
 * Whole months from `from` to `to` (a month counts once its day is reached): the instalments fallen
 * due between a contract's start and the as-of date.
 * @example wholeMonths(20230115, 20240114) // 11
 */
export function wholeMonths(from: DateNumber, to: DateNumber): number {
  const monthIndex = (date: DateNumber): number =>
    Math.floor(date / 10000) * 12 + (Math.floor(date / 100) % 100);
  return monthIndex(to) - monthIndex(from) - (to % 100 < from % 100 ? 1 : 0);
}

/** A number pattern per dialect, built once. */
const numberShapes = new WeakMap<TapeDialect, RegExp>();

function numberShape(dialect: TapeDialect): RegExp {
  let shape = numberShapes.get(dialect);
  if (shape === undefined) {
    const esc = (c: string): string => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const dec = esc(dialect.decimal);
    const grouped = dialect.thousands === '' ? '' : `|\\d{1,3}(?:${esc(dialect.thousands)}\\d{3})+`;
    shape = new RegExp(`^-?(?:\\d+${grouped})(?:${dec}\\d+)?$`);
    numberShapes.set(dialect, shape);
  }
  return shape;
}

/** A decimal number in the dialect's separators, within [min, max]. */
export function readNumber(
  text: string,
  dialect: TapeDialect,
  min: number,
  max: number,
  unit?: string,
): number | CellError {
  if (!numberShape(dialect).test(text)) {
    const hint = /^-?\d+(?:[.,]\d+)?e[+-]?\d+$/i.test(text)
      ? 'scientific notation is not accepted: format the column as a number'
      : /[€$£%]/.test(text)
        ? 'write the number without currency or percent signs'
        : `numbers are written with ${JSON.stringify(dialect.decimal)} as decimal separator${dialect.thousands === '' ? ' and no thousands separator' : ` and ${JSON.stringify(dialect.thousands)} between thousands`}`;
    return new CellError('expected a number', hint);
  }
  let plain = text;
  if (dialect.thousands !== '') plain = plain.split(dialect.thousands).join('');
  if (dialect.decimal !== '.') plain = plain.replace(dialect.decimal, '.');
  const value = Number(plain);
  if (!(value >= min && value <= max))
    return new CellError(`expected a number from ${min} to ${max}${unit ? ` ${unit}` : ''}`);
  return value;
}

/** A whole number within [min, max]. */
export function readInteger(text: string, min: number, max: number, unit?: string): number | CellError {
  if (!/^-?\d{1,10}$/.test(text)) return new CellError(`expected a whole number${unit ? ` of ${unit}` : ''}`);
  const value = Number(text);
  if (value < min || value > max)
    return new CellError(`expected a whole number from ${min} to ${max}${unit ? ` ${unit}` : ''}`);
  return value;
}

/** 0 or 1. */
export function readFlag(text: string): number | CellError {
  if (text === '0' || text === '1') return Number(text);
  return new CellError('expected 0 or 1');
}

/** An identifier: pseudonymised ids are short tokens of letters, digits, `-` and `_`. */
export function checkId(text: string): CellError | undefined {
  if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(text)) {
    return new CellError(
      'expected an identifier, found a number in scientific notation',
      'a spreadsheet rounded a long numeric id: format the column as text and export again',
    );
  }
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(text)) {
    return new CellError(
      'expected an identifier of at most 64 letters, digits, "-" or "_"',
      'pseudonymise ids with cyclecast tape pseudonymise',
    );
  }
  return undefined;
}

/** A short code such as a rating grade or a region. */
export function checkCode(text: string): CellError | undefined {
  if (text.length > 32 || !/^[\p{L}\p{N} ._/+-]+$/u.test(text)) {
    return new CellError(
      'expected a short code of at most 32 letters, digits, spaces or . _ / + -',
      'free text is not accepted in a tape',
    );
  }
  return undefined;
}

/** Twelve month-ends, oldest first: `0`–`9` instalments overdue, `-` not on book. */
export function checkPaymentSummary(text: string): CellError | undefined {
  if (!/^[0-9-]{12}$/.test(text))
    return new CellError(
      'expected 12 characters, each 0–9 (instalments overdue at that month end) or - (not on book)',
    );
  return undefined;
}

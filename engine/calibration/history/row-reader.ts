import { cut } from '../../json/describe.ts';
import { didYouMean } from '../../json/suggest.ts';
import {
  CellError,
  checkCode,
  checkId,
  checkPaymentSummary,
  readDate,
  readFlag,
  readInteger,
  readNumber,
} from '../../portfolio/tape/cells.ts';
import { personalColumnReason, personalValueReason } from '../../portfolio/tape/privacy.ts';
import type { TapeDialect } from '../../portfolio/tape-dialect.ts';
import type { HistoryColumn } from './columns.ts';
import { monthIndex } from './dimensions.ts';
import type { RowProblems } from '../../portfolio/tape/row-problems.ts';

/** A cell that did not read (its problem is reported). */
export const UNREAD = Symbol('unread');

/**
 * Reads the rows of one history file against its declared columns, in the declared dialect, with the
 * tape's cell readers and privacy screens: the header is checked once, then each cell by its column's
 * name. Values land in a reused record, so reading a row allocates only what the parser gave.
 */
export class RowReader {
  /** Column index in the file of each declared column, -1 when absent. */
  readonly index: Record<string, number> = {};
  private width = 0;
  private ok = false;

  constructor(
    readonly file: string,
    readonly columns: readonly HistoryColumn[],
    readonly byName: ReadonlyMap<string, HistoryColumn>,
    readonly dialect: TapeDialect,
    readonly problems: RowProblems,
    /** Which file this is, in messages: "snapshot", "event". */
    readonly what: string,
  ) {
    for (const c of columns) this.index[c.name] = -1;
  }

  /** Whether the file has `name`. */
  has(name: string): boolean {
    return this.index[name]! >= 0;
  }

  /** Checks the header (row 1); returns whether rows can be read against it. */
  header(names: readonly string[]): boolean {
    const before = this.problems.count;
    this.width = names.length;
    const known = this.columns.map((c) => c.name);
    names.forEach((raw, i) => {
      const name = raw.trim();
      const shown = cut(name, 40);
      const column = this.byName.get(name);
      const personal = personalColumnReason(name);
      if (column !== undefined && this.index[name] === -1) this.index[name] = i;
      else if (column !== undefined) this.at(1, i, shown, 'duplicate column: each column appears once');
      else if (personal !== undefined)
        this.at(
          1,
          i,
          shown,
          `refused: the column looks like personal data (${personal}); a history holds none`,
          'remove the column before the history leaves the client (docs/history.md, privacy)',
        );
      else
        this.at(
          1,
          i,
          shown,
          `unknown column: a ${this.what} file has only the columns of docs/history.md`,
          didYouMean(name, known, { limit: 1 }),
        );
    });
    for (const c of this.columns)
      if (c.required && this.index[c.name] === -1) this.at(1, 0, c.name, 'missing required column');
    this.ok = this.problems.count === before;
    return this.ok;
  }

  /** Whether `cells` has the header's width; reports it if not. */
  fits(cells: readonly string[], row: number): boolean {
    if (!this.ok) return false;
    if (cells.length === this.width) return true;
    this.at(
      row,
      Math.min(cells.length, this.width),
      '(row)',
      `expected ${this.width} fields, found ${cells.length}`,
      'a delimiter inside a value needs quotes',
    );
    return false;
  }

  /** A problem at `row` and the 0-based column `index`. */
  at(row: number, index: number, name: string, message: string, hint?: string): void {
    this.problems.report(this.file, row, index + 1, name, message, hint);
  }

  /** A problem at `row` in the column `name`. */
  atColumn(row: number, name: string, message: string, hint?: string): void {
    this.at(row, Math.max(0, this.index[name] ?? 0), name, message, hint);
  }

  /** The trimmed text of column `name`, '' when absent or empty. */
  text(cells: readonly string[], name: string): string {
    const i = this.index[name]!;
    return i < 0 ? '' : cells[i]!.trim();
  }

  /**
   * The value of column `name` in `cells`: a string (id, enum, code), a number (money, number, integer,
   * flag, a date as yyyymmdd, a month as year × 12 + month − 1), undefined when empty and optional, or
   * {@link UNREAD} after reporting the problem.
   */
  read(cells: readonly string[], row: number, name: string): string | number | undefined | typeof UNREAD {
    const i = this.index[name]!;
    const column = this.byName.get(name)!;
    const text = i < 0 ? '' : cells[i]!.trim();
    if (text === '') {
      if (!column.required) return undefined;
      this.at(row, Math.max(0, i), name, `missing value: expected ${expectation(column)}`);
      return UNREAD;
    }
    const result = this.parse(column, text);
    if (result instanceof CellError) {
      this.at(row, i, name, `invalid ${name}: ${result.message}`, result.hint);
      return UNREAD;
    }
    return result;
  }

  private parse(column: HistoryColumn, text: string): string | number | CellError {
    switch (column.type) {
      case 'id':
      case 'code': {
        const personal = personalValueReason(text);
        if (personal !== undefined)
          return new CellError(
            `refused: the value looks like personal data (${personal})`,
            'a history holds pseudonymised ids and codes only',
          );
        return (column.type === 'id' ? checkId(text) : checkCode(text)) ?? text;
      }
      case 'enum':
        return column.values!.includes(text)
          ? text
          : new CellError(
              `expected one of ${column.values!.join(', ')}`,
              didYouMean(text, column.values!, { limit: 1 }),
            );
      case 'month':
        return (
          monthIndex(text) ??
          new CellError('expected a month written YYYY-MM', 'e.g. 2024-03 for the month-end of March 2024')
        );
      case 'date':
        return readDate(text, this.dialect.datePattern);
      case 'money':
      case 'number':
        return readNumber(text, this.dialect, column.min ?? -Infinity, column.max ?? Infinity, column.unit);
      case 'integer':
        return readInteger(text, column.min ?? -(2 ** 31), column.max ?? 2 ** 31 - 1, column.unit);
      case 'flag':
        return readFlag(text);
      case 'payment-summary':
        return checkPaymentSummary(text) ?? text;
    }
  }
}

function expectation(column: HistoryColumn): string {
  if (column.type === 'enum') return `one of ${column.values!.join(', ')}`;
  if (column.type === 'month') return 'a month written YYYY-MM';
  return `${column.type === 'id' ? 'an identifier' : `a ${column.type}`}${column.unit ? ` in ${column.unit}` : ''}`;
}

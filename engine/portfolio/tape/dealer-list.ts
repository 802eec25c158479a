import { REGIONS } from '../../domain/lists.ts';
import { cut } from '../../json/describe.ts';
import type { Problem } from '../../json/problem.ts';
import { didYouMean } from '../../json/suggest.ts';
import type { TapeSource } from '../tape-source.ts';
import { ABSENT } from './book.ts';
import { CellError, checkCode, checkId, readFlag, readNumber } from './cells.ts';
import { TAPE_COLUMN_BY_NAME, type TapeColumn } from './columns.ts';
import { personalColumnReason, personalValueReason } from './privacy.ts';

/**
 * The columns of a dealer list (docs/tape.md): the tape's own declarations of them, so a dealer's
 * region or BDC reads the same in either file.
 */
export const DEALER_LIST_COLUMNS: readonly TapeColumn[] = [
  'dealer_id',
  'region',
  'x_dealer_bdc',
  'x_dealer_discipline',
].map((name) => TAPE_COLUMN_BY_NAME.get(name)!);

/** The most dealers a list holds: the portfolio's largest network. */
const MAX_DEALERS = TAPE_COLUMN_BY_NAME.get('x_dealer_index')!.max! + 1;

/**
 * A tape's dealer network as its dealer list states it: dealer i of the model is row i of the list,
 * with or without contracts on the tape. Values as in {@link TapeBook}: indices, 0/1, 0–1, or ABSENT.
 */
export interface DealerList {
  readonly file: string;
  /** The list's columns, in file order. */
  readonly columns: readonly string[];
  readonly ids: readonly string[];
  /** Index into REGIONS, or ABSENT. */
  readonly region: readonly number[];
  readonly bdc: readonly number[];
  readonly discipline: readonly number[];
}

/**
 * Reads a dealer list row by row (the CSV parsing is the caller's, as for {@link TapeReader}): one row
 * per dealer, in the model's order, in the columns of {@link DEALER_LIST_COLUMNS}, `dealer_id` required.
 * Refuses personal data as a tape does; problems are at their row and column and never quote an id.
 */
export class DealerListReader {
  readonly problems: Problem[] = [];
  private cells: { column: TapeColumn; index: number }[] = [];
  private width = 0;
  private readonly index = new Map<string, number>();
  private readonly region: number[] = [];
  private readonly bdc: number[] = [];
  private readonly discipline: number[] = [];

  constructor(
    readonly file: string,
    readonly source: TapeSource,
  ) {}

  report(row: number, column: number, name: string, message: string, hint?: string): void {
    this.problems.push({
      file: this.file,
      line: row,
      column,
      pointer: name,
      severity: 'error',
      message,
      ...(hint ? { hint } : {}),
    });
  }

  /** The header row (row 1). Returns whether rows can be read against it. */
  header(names: readonly string[]): boolean {
    this.width = names.length;
    const known = DEALER_LIST_COLUMNS.map((c) => c.name);
    names.forEach((raw, i) => {
      const name = raw.trim();
      const column = DEALER_LIST_COLUMNS.find((c) => c.name === name);
      const personal = personalColumnReason(name);
      if (column !== undefined && !this.cells.some((c) => c.column === column))
        this.cells.push({ column, index: i });
      else if (column !== undefined)
        this.report(1, i + 1, name, 'duplicate column: each column appears once');
      else if (personal !== undefined)
        this.report(
          1,
          i + 1,
          cut(name, 40),
          `refused: the column looks like personal data (${personal}); a dealer list holds none`,
        );
      else
        this.report(
          1,
          i + 1,
          cut(name, 40),
          `unknown column: a dealer list has the columns ${known.join(', ')}`,
          didYouMean(name, known, { limit: 1 }),
        );
    });
    if (!this.cells.some((c) => c.column.name === 'dealer_id'))
      this.report(1, 1, 'dealer_id', 'missing required column');
    return this.problems.length === 0;
  }

  /** One dealer; `row` counts the header as row 1. */
  row(values: readonly string[], row: number): void {
    if (values.length !== this.width) {
      this.report(row, 1, '(row)', `expected ${this.width} fields, found ${values.length}`);
      return;
    }
    const before = this.problems.length;
    const v: Record<string, number | string> = {};
    for (const { column, index } of this.cells) {
      const text = values[index]!.trim();
      if (text === '') {
        if (column.required)
          this.report(row, index + 1, column.name, 'missing value: expected an identifier');
        continue;
      }
      const value = this.cell(column, text);
      if (value instanceof CellError)
        this.report(row, index + 1, column.name, `invalid ${column.name}: ${value.message}`, value.hint);
      else v[column.name] = value;
    }
    if (this.problems.length > before) return;
    const at = (name: string, message: string, hint?: string): void =>
      this.report(row, this.cells.find((c) => c.column.name === name)!.index + 1, name, message, hint);
    const id = v.dealer_id as string;
    if (this.index.has(id)) return at('dealer_id', 'duplicate dealer id: each dealer is one row');
    if (this.index.size >= MAX_DEALERS) return at('dealer_id', `more than ${MAX_DEALERS} dealers`);
    let region = ABSENT;
    if (v.region !== undefined) {
      const mapped = this.source.regions[v.region as string];
      if (mapped === undefined)
        return at(
          'region',
          `unknown region ${JSON.stringify(v.region)}: not in the region table`,
          'map it in portfolio.tape.regions',
        );
      region = REGIONS.indexOf(mapped);
    }
    this.index.set(id, this.index.size);
    this.region.push(region);
    this.bdc.push(typeof v.x_dealer_bdc === 'number' ? v.x_dealer_bdc : ABSENT);
    this.discipline.push(typeof v.x_dealer_discipline === 'number' ? v.x_dealer_discipline : ABSENT);
  }

  private cell(column: TapeColumn, text: string): number | string | CellError {
    if (column.type === 'id' || column.type === 'code') {
      const personal = personalValueReason(text);
      if (personal !== undefined)
        return new CellError(`refused: the value looks like personal data (${personal})`);
      return (column.type === 'id' ? checkId(text) : checkCode(text)) ?? text;
    }
    if (column.type === 'flag') return readFlag(text);
    return readNumber(text, this.source.dialect, column.min!, column.max!, column.unit);
  }

  /** The list once every row is read, or its problems. */
  finish(): { list?: DealerList; problems: readonly Problem[] } {
    if (this.problems.length === 0 && this.index.size === 0)
      this.report(2, 1, '(rows)', 'the dealer list has no dealers');
    if (this.problems.length > 0) return { problems: this.problems };
    return {
      list: {
        file: this.file,
        columns: this.cells.map((c) => c.column.name),
        ids: [...this.index.keys()],
        region: this.region,
        bdc: this.bdc,
        discipline: this.discipline,
      },
      problems: [],
    };
  }
}

import type { Problem } from '../../json/problem.ts';
import type { TapeSource } from '../tape-source.ts';
import type { DealerList } from './dealer-list.ts';
import { csvRows, MalformedRow } from './csv-rows.ts';
import { TapeReader, type TapeReadResult } from './reader.ts';
import { RecordError } from './records.ts';

/** How a tape is read: see {@link readTape}. */
export interface ReadTapeOptions {
  /** Problems listed (all are counted by kind); default 100. */
  readonly maxProblems?: number;
  /** Rows with problems may be left out of the book up to this share (0–1) of the rows and balance. */
  readonly excludeShare?: number;
  /** `'book'` (default) collects the book; `'summary'` checks and summarises only (TapeReader). */
  readonly keep?: 'book' | 'summary';
  /** Most contracts read; more is a problem at the first row past it. */
  readonly maxRows: number;
  /** The tape's dealer list (`portfolio.tape.dealers`), read by the caller: the list or its problems. */
  readonly dealers?: { readonly list?: DealerList; readonly problems: readonly Problem[] };
}

/**
 * Reads a contract tape from its bytes (CSV, already decompressed) on any platform: every problem
 * inside the file is in the result at its row and column; reading stops at a problem that makes the
 * rest unreadable. `file` names the tape in problems. Errors of the byte stream itself (a file that
 * cannot be read, damaged gzip data) are thrown for the caller to describe.
 */
export async function readTape(
  bytes: AsyncIterable<Uint8Array>,
  file: string,
  source: TapeSource,
  options: ReadTapeOptions,
): Promise<TapeReadResult> {
  const reader = new TapeReader(file, source, options.maxProblems ?? 100, options.keep ?? 'book');
  if (options.dealers !== undefined) {
    const { list, problems } = options.dealers;
    // A dealer list with a problem stops the tape: its dealers would be numbered wrongly.
    for (const p of problems) reader.report(p.line, p.column, p.pointer, p.message, p.hint, p.file);
    if (list === undefined) return reader.finish();
    reader.useNetwork(list);
  }
  const encoding = source.dialect.encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252';
  let seenHeader = false;
  let count = 0;
  try {
    for await (const item of csvRows(bytes, source.dialect)) {
      if ('undecodable' in item) {
        reader.report(
          item.row,
          item.column,
          '(bytes)',
          `invalid ${encoding} bytes`,
          'save the tape as CSV (UTF-8), or declare its encoding',
        );
        continue;
      }
      if (!seenHeader) {
        seenHeader = true;
        if (!reader.header(item.cells)) break;
        continue;
      }
      if (++count > options.maxRows) {
        reader.report(item.row, 1, '(rows)', `more than ${options.maxRows.toLocaleString('en')} contracts`);
        break;
      }
      reader.row(item.cells, item.row);
    }
  } catch (error) {
    if (error instanceof RecordError)
      reader.report(error.row, error.column, '(row)', error.message, error.hint);
    else if (error instanceof MalformedRow) {
      reader.report(
        error.row,
        1,
        '(row)',
        error.message,
        'a value with a quote is quoted whole, its quotes doubled: "5"" wheel"',
      );
    } else throw error;
  }
  if (!seenHeader)
    reader.report(
      1,
      1,
      '(header)',
      'the tape is empty: expected a header row with the columns of docs/tape.md',
    );
  return reader.finish(options.excludeShare);
}

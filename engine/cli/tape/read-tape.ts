import { constants, promises as fs } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parse } from '@fast-csv/parse';
import {
  DealerListReader,
  TapeReader,
  type DealerList,
  type Problem,
  type TapeDialect,
  type TapeReadResult,
  type TapeSource,
} from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkInputFile, describeFsError } from '../io.ts';
import { csvRecords, RecordError, type UndecodableRecord } from './records.ts';

/** Largest tape file read, in bytes (compressed size for .csv.gz): it is streamed, so only time bounds it. */
const MAX_TAPE_BYTES = 64 * 1024 ** 3;
/** Most rows read: the portfolio's largest book. */
const MAX_ROWS = 10_000_000;

/** One parsed row of a CSV file, at its row (the header is row 1). */
export interface CsvRow {
  readonly row: number;
  readonly cells: string[];
}

/**
 * Opens a tape for streaming: CSV or gzip-compressed CSV, told by its first bytes rather than its name.
 * Throws a UserError for a file that is missing, not a regular file, or a spreadsheet.
 */
export async function openTapeBytes(file: string): Promise<Readable> {
  await checkInputFile(file, MAX_TAPE_BYTES);
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
  const magic = new Uint8Array(4);
  try {
    await handle.read(magic, 0, 4, 0);
  } catch (error) {
    await handle.close();
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
  if (magic[0] === 0x50 && magic[1] === 0x4b && magic[2] === 0x03 && magic[3] === 0x04) {
    await handle.close();
    throw new UserError(`${file}: is a spreadsheet (.xlsx), not a CSV tape: save it as CSV (UTF-8)`);
  }
  const gzip = magic[0] === 0x1f && magic[1] === 0x8b;
  if (!gzip && file.endsWith('.gz')) {
    await handle.close();
    throw new UserError(`${file}: is named .gz but is not gzip-compressed`);
  }
  const raw = handle.createReadStream({ start: 0 });
  if (!gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
}

/** A CSV fault the parser found (fast-csv's own message quotes the data, so only its row is kept). */
export class MalformedRow extends Error {
  constructor(readonly row: number) {
    super('malformed quoting: a quote inside an unquoted value, or text after a closing quote');
  }
}

/**
 * The rows of a CSV byte stream in `dialect`: the record guard (records.ts) bounds each record and
 * decodes it, fast-csv's parser splits it into cells. Yields undecodable records in place of their row;
 * throws a RecordError or a MalformedRow at the row that makes the rest unreadable.
 */
export async function* csvRows(
  bytes: Readable,
  dialect: TapeDialect,
): AsyncGenerator<CsvRow | UndecodableRecord> {
  // The row of each record handed to the parser, in order: the parser returns one row per record.
  const rows: number[] = [];
  let head = 0;
  const undecodable: UndecodableRecord[] = [];
  const records = csvRecords(bytes, dialect.encoding, dialect.delimiter);
  // A fault that stops reading ends the text stream cleanly, so the parser still returns the rows
  // before it; the fault is raised after them.
  let stopped: unknown;
  const texts = Readable.from(
    (async function* () {
      try {
        for await (const record of records) {
          if ('undecodable' in record) undecodable.push(record);
          else {
            rows.push(record.row);
            yield record.text + '\n';
          }
        }
      } catch (error) {
        stopped = error;
      }
    })(),
    { objectMode: false },
  );
  const parser = parse<string[], string[]>({
    delimiter: dialect.delimiter,
    quote: '"',
    escape: '"',
    headers: false,
    ignoreEmpty: true,
  });
  texts.on('error', (error) => parser.destroy(error));
  texts.pipe(parser);
  try {
    for await (const cells of parser as AsyncIterable<string[]>) {
      const row = rows[head++]!;
      if (head > 4096) {
        rows.splice(0, head);
        head = 0;
      }
      while (undecodable.length > 0 && undecodable[0]!.row < row) yield undecodable.shift()!;
      yield { row, cells };
    }
    if (stopped !== undefined) throw stopped;
  } catch (error) {
    if (error instanceof Error && /Parse Error/.test(error.message)) throw new MalformedRow(rows[head] ?? 1);
    if (error instanceof Error && 'code' in error && /^Z_/.test(String(error.code))) {
      throw new UserError(`the gzip data is damaged (${error.message})`);
    }
    throw error;
  } finally {
    texts.destroy();
    parser.destroy();
    bytes.destroy();
  }
  yield* undecodable;
}

/**
 * Reads a contract tape from disk into a {@link TapeReader}: every problem inside the file is in the
 * result, at its row and column; reading stops at a problem that makes the rest unreadable.
 */
export async function readTapeFile(
  file: string,
  source: TapeSource,
  maxProblems = 100,
  excludeShare?: number,
): Promise<TapeReadResult> {
  return readTapeStream(await openTapeBytes(file), file, source, maxProblems, excludeShare);
}

/**
 * {@link readTapeFile} on a byte stream; `file` names it in problems. With `excludeShare` (0–1), rows
 * with problems are left out of the book up to that share of the rows and of the balance.
 */
export async function readTapeStream(
  bytes: Readable,
  file: string,
  source: TapeSource,
  maxProblems = 100,
  excludeShare?: number,
): Promise<TapeReadResult> {
  const reader = new TapeReader(file, source, maxProblems);
  if (source.dealers !== undefined) {
    const { list, problems } = await readDealerList(source.dealers, source);
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
      if (++count > MAX_ROWS) {
        reader.report(item.row, 1, '(rows)', `more than ${MAX_ROWS.toLocaleString('en')} contracts`);
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
    } else if (error instanceof UserError) throw new UserError(`${file}: ${error.message}`);
    else throw error;
  }
  if (!seenHeader)
    reader.report(
      1,
      1,
      '(header)',
      'the tape is empty: expected a header row with the columns of docs/tape.md',
    );
  return reader.finish(excludeShare);
}

/**
 * Reads a tape's dealer list (docs/tape.md) in the tape's dialect: the dealers in the model's order, or
 * the list's located problems.
 */
async function readDealerList(
  file: string,
  source: TapeSource,
): Promise<{ list?: DealerList; problems: readonly Problem[] }> {
  const reader = new DealerListReader(file, source);
  let seenHeader = false;
  const bytes = await openTapeBytes(file);
  try {
    for await (const item of csvRows(bytes, source.dialect)) {
      if ('undecodable' in item) {
        reader.report(item.row, item.column, '(bytes)', 'invalid bytes in the declared encoding');
      } else if (!seenHeader) {
        seenHeader = true;
        if (!reader.header(item.cells)) break;
      } else if (item.row > MAX_ROWS) {
        reader.report(item.row, 1, '(rows)', `more than ${MAX_ROWS.toLocaleString('en')} rows`);
        break;
      } else reader.row(item.cells, item.row);
    }
  } catch (error) {
    if (error instanceof RecordError)
      reader.report(error.row, error.column, '(row)', error.message, error.hint);
    else if (error instanceof MalformedRow) reader.report(error.row, 1, '(row)', error.message);
    else if (error instanceof UserError) throw new UserError(`${file}: ${error.message}`);
    else throw error;
  }
  if (!seenHeader) reader.report(1, 1, '(header)', 'the dealer list is empty: expected a header row');
  return reader.finish();
}

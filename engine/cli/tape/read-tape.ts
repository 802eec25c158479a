import { constants, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import {
  csvRows,
  DealerListReader,
  MalformedRow,
  readTape,
  RecordError,
  type DealerList,
  type Problem,
  type TapeReadResult,
  type TapeSource,
} from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkInputFile, describeFsError } from '../io.ts';

/** Largest tape file read, in bytes (compressed size for .csv.gz): it is streamed, so only time bounds it. */
const MAX_TAPE_BYTES = 64 * 1024 ** 3;
/** Most rows read: the portfolio's largest book. */
const MAX_ROWS = 10_000_000;

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
  // Loaded here, for a gzip tape only: node:zlib cost every command about 2 ms of CPU to load.
  const { createGunzip } = await import('node:zlib');
  const gunzip = createGunzip();
  raw.on('error', (error) => gunzip.destroy(error));
  return raw.pipe(gunzip);
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
  keep: 'book' | 'summary' = 'book',
): Promise<TapeReadResult> {
  return readTapeStream(await openTapeBytes(file), file, source, maxProblems, excludeShare, keep);
}

/**
 * {@link readTapeFile} on a byte stream; `file` names it in problems. With `excludeShare` (0–1), rows
 * with problems are left out of the book up to that share of the rows and of the balance. With `keep`
 * `'summary'` the book is not collected (checking only): memory stays bounded by the ids seen.
 */
export async function readTapeStream(
  bytes: Readable,
  file: string,
  source: TapeSource,
  maxProblems = 100,
  excludeShare?: number,
  keep: 'book' | 'summary' = 'book',
): Promise<TapeReadResult> {
  try {
    // A dealer list is read first: the tape's dealers are numbered by it.
    const dealers = source.dealers !== undefined ? await readDealerList(source.dealers, source) : undefined;
    return await readTape(bytes, file, source, {
      maxProblems,
      excludeShare,
      keep,
      maxRows: MAX_ROWS,
      ...(dealers ? { dealers } : {}),
    });
  } catch (error) {
    throw gzipError(file, error);
  } finally {
    bytes.destroy();
  }
}

/** A zlib error of a tape's stream as the user's problem (damaged gzip data); any other error as it is. */
export function gzipError(file: string, error: unknown): unknown {
  if (error instanceof Error && 'code' in error && /^Z_/.test(String(error.code)))
    return new UserError(`${file}: the gzip data is damaged (${error.message})`);
  return error;
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
    else throw gzipError(file, error);
  } finally {
    bytes.destroy();
  }
  if (!seenHeader) reader.report(1, 1, '(header)', 'the dealer list is empty: expected a header row');
  return reader.finish();
}

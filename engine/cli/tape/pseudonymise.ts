import { createHmac } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { csvRows, MalformedRow, RecordError, type TapeDialect } from '../../index.ts';
import { UserError } from '../errors.ts';
import { describeFsError, writeAtomic } from '../io.ts';
import { gzipError, openTapeBytes } from './read-tape.ts';

/** The columns that hold identifiers: replaced by their keyed pseudonyms. */
export const ID_COLUMNS = ['contract_id', 'customer_id', 'dealer_id'] as const;

/** Shortest key accepted, in bytes: 128 bits, so pseudonyms cannot be reversed by guessing the key. */
const MIN_KEY_BYTES = 16;

/**
 * The pseudonym of `value` in `column`: HMAC-SHA-256 under the client's key, of the column name and
 * the value, as 32 lower-case hex digits (128 bits). The same id gets the same pseudonym in every tape
 * made with the same key, so contracts stay linked to their customers and dealers; without the key the
 * pseudonym says nothing about the id.
 */
export function pseudonym(key: Uint8Array, column: string, value: string): string {
  return createHmac('sha256', key).update(`${column}\u0000${value}`).digest('hex').slice(0, 32);
}

/** Reads a key file: its bytes, without a trailing line break; at least {@link MIN_KEY_BYTES}. */
export async function readKey(file: string): Promise<Uint8Array> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
  let end = bytes.length;
  while (end > 0 && (bytes[end - 1] === 0x0a || bytes[end - 1] === 0x0d)) end--;
  if (end < MIN_KEY_BYTES) {
    throw new UserError(`${file}: invalid key: expected at least ${MIN_KEY_BYTES} bytes, found ${end}`, 1);
  }
  return bytes.subarray(0, end);
}

/**
 * Writes `input` to `output` (atomically, streaming) with every id column replaced by its pseudonym and
 * every other cell as it was, in the same dialect. Returns the rows written. Nothing is written when
 * the input cannot be read; messages give rows and columns, never a value.
 */
export async function pseudonymiseTape(
  input: string,
  output: string,
  key: Uint8Array,
  dialect: TapeDialect,
): Promise<number> {
  const bytes = await openTapeBytes(input);
  let written = 0;
  async function* lines(): AsyncGenerator<string> {
    let ids: { index: number; name: string }[] | undefined;
    try {
      for await (const item of csvRows(bytes, dialect)) {
        if ('undecodable' in item)
          throw new UserError(
            `${input}:${item.row}:${item.column}  invalid bytes in the declared encoding ${dialect.encoding}`,
          );
        const cells = item.cells;
        if (ids === undefined) {
          ids = cells
            .map((name, index) => ({ index, name: name.trim() }))
            .filter((c) => (ID_COLUMNS as readonly string[]).includes(c.name));
          if (ids.length === 0)
            throw new UserError(`${input}:1:1  no id column: expected one of ${ID_COLUMNS.join(', ')}`);
        } else {
          for (const { index, name } of ids) {
            const value = cells[index]?.trim();
            if (value !== undefined && value !== '') cells[index] = pseudonym(key, name, value);
          }
          written++;
        }
        yield formatRow(cells, dialect.delimiter);
      }
    } catch (error) {
      if (error instanceof RecordError)
        throw new UserError(
          `${input}:${error.row}:${error.column}  ${error.message}${error.hint ? ` (${error.hint})` : ''}`,
        );
      if (error instanceof MalformedRow) throw new UserError(`${input}:${error.row}:1  ${error.message}`);
      throw gzipError(input, error);
    }
  }
  await writeAtomic(output, lines());
  return written;
}

/** One CSV line: a cell with the delimiter, a quote or a line break is quoted, its quotes doubled. */
function formatRow(cells: readonly string[], delimiter: string): string {
  return (
    cells
      .map((cell) =>
        cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell,
      )
      .join(delimiter) + '\n'
  );
}

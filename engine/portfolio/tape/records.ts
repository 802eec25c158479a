/** Largest record (row) of a tape, in bytes: a real row is under 1 KiB; a longer one is a broken quote or not a tape. */
export const MAX_RECORD_BYTES = 64 * 1024;
/** Most fields in one record: the declared columns and then some, so a wrong delimiter or a hostile file stops early. */
export const MAX_FIELDS = 200;

/** One record of a CSV file: its decoded text and its row (the first record is row 1). */
export interface CsvRecord {
  readonly row: number;
  readonly text: string;
}

/** A file-level problem that stops reading: at `row`, in 1-based `column` where known. */
export class RecordError extends Error {
  constructor(
    readonly row: number,
    readonly column: number,
    message: string,
    readonly hint?: string,
  ) {
    super(message);
  }
}

/** A record that cannot be decoded: reported at its row and column, and skipped. */
export interface UndecodableRecord {
  readonly row: number;
  readonly column: number;
  readonly undecodable: true;
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

/**
 * Cuts a byte stream into CSV records before any parsing, so that memory and time stay bounded whatever
 * the file holds: a record longer than {@link MAX_RECORD_BYTES} (a huge field, a quote never closed) or
 * with more than {@link MAX_FIELDS} fields stops the read at its row, before the CSV parser sees it.
 * Quotes are tracked the RFC 4180 way (a doubled quote inside quotes toggles twice), so a line break
 * inside quotes stays in its record. Each record is decoded on its own, so an invalid byte is reported
 * at its row; a UTF-8 byte-order mark at the start is dropped. Blank records are skipped (their rows count).
 */
export async function* csvRecords(
  bytes: AsyncIterable<Uint8Array>,
  encoding: 'utf-8' | 'windows-1252',
  delimiter: string,
): AsyncGenerator<CsvRecord | UndecodableRecord> {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  const lenient = new TextDecoder(encoding, { ignoreBOM: true });
  const delimiterByte = delimiter.charCodeAt(0);
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let inQuotes = false;
  let fields = 1;
  let row = 1;
  let first = true;
  const take = (chunk: Uint8Array, from: number, to: number): void => {
    if (to > from) {
      pending.push(chunk.subarray(from, to));
      pendingBytes += to - from;
    }
  };
  const finish = (): CsvRecord | UndecodableRecord | undefined => {
    let record = pending.length === 1 ? pending[0]! : concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    fields = 1;
    const at = row++;
    if (first) {
      first = false;
      if (record[0] === 0xef && record[1] === 0xbb && record[2] === 0xbf) record = record.subarray(3);
    }
    if (record.length > 0 && record[record.length - 1] === CR) record = record.subarray(0, record.length - 1);
    if (record.length === 0) return undefined;
    try {
      return { row: at, text: decoder.decode(record) };
    } catch {
      return { row: at, column: columnOfReplacement(lenient.decode(record), delimiter), undecodable: true };
    }
  };
  for await (const piece of bytes) {
    const chunk = piece;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i]!;
      if (b === QUOTE) inQuotes = !inQuotes;
      else if (!inQuotes && b === delimiterByte) {
        if (++fields > MAX_FIELDS) {
          throw new RecordError(
            row,
            MAX_FIELDS + 1,
            `more than ${MAX_FIELDS} fields in a row`,
            'is the delimiter declared right?',
          );
        }
      } else if (!inQuotes && b === LF) {
        take(chunk, start, i);
        start = i + 1;
        const record = finish();
        if (record !== undefined) yield record;
        continue;
      }
      if (pendingBytes + (i - start) > MAX_RECORD_BYTES) {
        throw new RecordError(
          row,
          fields,
          `a row longer than ${MAX_RECORD_BYTES / 1024} KiB`,
          inQuotes
            ? 'a quote opened in this row is probably never closed'
            : 'a tape row is a few hundred bytes: is this a tape?',
        );
      }
    }
    take(chunk, start, chunk.length);
  }
  if (inQuotes) throw new RecordError(row, fields, 'a quote opened in this row is never closed');
  const last = finish();
  if (last !== undefined) yield last;
}

function concat(parts: readonly Uint8Array[], total: number): Uint8Array {
  const out = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The 1-based field of the first replacement character, counting delimiters outside quotes. */
function columnOfReplacement(text: string, delimiter: string): number {
  let column = 1;
  let inQuotes = false;
  for (const ch of text) {
    if (ch === '\ufffd') return column;
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === delimiter) column++;
  }
  return column;
}

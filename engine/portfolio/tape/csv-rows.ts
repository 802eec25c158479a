import type { TapeDialect } from '../tape-dialect.ts';
import { csvRecords, type UndecodableRecord } from './records.ts';

/** Characters of records handed to the CSV parser at once: one call per record costs more than parsing it. */
const BATCH_CHARS = 64 * 1024;

/** One parsed row of a CSV file, at its row (the header is row 1). */
export interface CsvRow {
  readonly row: number;
  readonly cells: string[];
}

/** A CSV fault the parser found (fast-csv's own message quotes the data, so only its row is kept). */
export class MalformedRow extends Error {
  constructor(readonly row: number) {
    super('malformed quoting: a quote inside an unquoted value, or text after a closing quote');
  }
}

/**
 * The rows of a CSV byte stream in `dialect`, from any platform (a Node file stream, a browser File's
 * stream): the record guard (records.ts) bounds each record and decodes it, fast-csv's parser (its
 * platform-free core, not its Node stream) splits it into cells. Yields undecodable records in place
 * of their row; throws a RecordError or a MalformedRow at the row that makes the rest unreadable,
 * after the rows before it.
 */
export async function* csvRows(
  bytes: AsyncIterable<Uint8Array>,
  dialect: TapeDialect,
): AsyncGenerator<CsvRow | UndecodableRecord> {
  // Loaded on the first tape read: a run of a scenario without a tape never needs the parser.
  const [{ Parser }, { ParserOptions }] = await Promise.all([
    import('@fast-csv/parse/build/src/parser/Parser.js'),
    import('@fast-csv/parse/build/src/ParserOptions.js'),
  ]);
  const parser = new Parser(
    new ParserOptions({ delimiter: dialect.delimiter, quote: '"', escape: '"', headers: false }),
  );
  let texts: string[] = [];
  let rows: number[] = [];
  let chars = 0;
  let fault: MalformedRow | undefined;
  // Every record is whole (the guard cut it outside quotes), so each batch parses to its own rows.
  const parse = (): CsvRow[] => {
    const batch = texts;
    const at = rows;
    texts = [];
    rows = [];
    chars = 0;
    if (batch.length === 0) return [];
    try {
      const parsed = parser.parse(batch.join('\n') + '\n', false).rows as string[][];
      if (parsed.length === batch.length) return parsed.map((cells, i) => ({ row: at[i]!, cells }));
    } catch {
      // located below, record by record
    }
    const out: CsvRow[] = [];
    for (let i = 0; i < batch.length; i++) {
      let parsed: string[][] | undefined;
      try {
        parsed = parser.parse(batch[i]! + '\n', false).rows as string[][];
      } catch {
        parsed = undefined;
      }
      // The rows before the fault are returned; the fault is raised after them.
      if (parsed?.length !== 1) {
        fault = new MalformedRow(at[i]!);
        break;
      }
      out.push({ row: at[i]!, cells: parsed[0]! });
    }
    return out;
  };
  const flush = function* (): Generator<CsvRow> {
    yield* parse();
    if (fault !== undefined) throw fault;
  };
  try {
    for await (const record of csvRecords(bytes, dialect.encoding, dialect.delimiter)) {
      if ('undecodable' in record) {
        yield* flush();
        yield record;
        continue;
      }
      texts.push(record.text);
      rows.push(record.row);
      chars += record.text.length;
      if (chars >= BATCH_CHARS) yield* flush();
    }
  } catch (error) {
    if (error instanceof MalformedRow) throw error;
    yield* flush();
    throw error;
  }
  yield* flush();
}

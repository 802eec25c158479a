import type { Problem } from '../../json/problem.ts';
import type { HistoryRow } from './count-history.ts';
import type { CountTables } from './counts.ts';
import { readCounts } from './counts-csv.ts';

/** Largest counts file read from bytes: one row per cell and period is a few thousand rows, well under this. */
export const MAX_COUNTS_BYTES = 32 * 1024 * 1024;

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const COMMA = 0x2c;

/** What reading a counts file gave: the tables, or the problems (at most `maxProblems` listed) of `problemCount`. */
export interface CountsReadResult {
  readonly counts?: CountTables;
  readonly problems: readonly Problem[];
  readonly problemCount: number;
}

/**
 * Reads a `counts.csv` held whole in memory (a file dropped in a browser, a test's bytes): UTF-8,
 * comma-separated, quotes the RFC 4180 way. Uses only what every platform has (TextDecoder), so the
 * workbench checks a counts file in the page with the same rules and messages as `cyclecast history
 * rates`. A row whose quoting is broken stops the read there, as in the CLI; an undecodable row is
 * reported at its row and skipped.
 */
export function readCountsBytes(bytes: Uint8Array, file: string, maxProblems = 100): CountsReadResult {
  if (bytes.length > MAX_COUNTS_BYTES)
    return stopped(
      { row: 1, column: 1, message: `a counts file larger than ${MAX_COUNTS_BYTES / 1024 ** 2} MiB` },
      file,
      'a counts file holds one row per cell and period: is this a counts file?',
    );
  const rows: HistoryRow[] = [];
  const fault = splitRows(bytes, rows);
  const result = readCounts(rows, file, maxProblems);
  if (fault === undefined) return result;
  // A fault that stopped reading comes first: the counts of a file read part-way are never given.
  const first = stopped(fault, file, fault.hint);
  return {
    problems: [...first.problems, ...result.problems].slice(0, maxProblems),
    problemCount: 1 + result.problemCount,
  };
}

interface Fault {
  readonly row: number;
  readonly column: number;
  readonly message: string;
  readonly hint?: string;
}

function stopped(fault: Fault, file: string, hint: string | undefined): CountsReadResult {
  return {
    problems: [
      {
        file,
        line: fault.row,
        column: fault.column,
        pointer: '(row)',
        severity: 'error',
        message: fault.message,
        ...(hint ? { hint } : {}),
      },
    ],
    problemCount: 1,
  };
}

/**
 * Cuts `bytes` into records (a line break inside quotes stays in its record), decodes each on its own
 * and splits it into cells, pushing them to `out`; returns the fault that stopped reading, if any.
 * Rows count records, as the CLI's reader does; blank records are skipped, their rows counted; a UTF-8 byte-order mark at the start is dropped.
 */
function splitRows(bytes: Uint8Array, out: HistoryRow[]): Fault | undefined {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let row = 1;
  let inQuotes = false;
  let fields = 1;
  for (let i = start; i <= bytes.length; i++) {
    const b = i < bytes.length ? bytes[i]! : LF;
    if (b === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && b === COMMA) fields++;
    if (b !== LF || inQuotes) {
      if (i === bytes.length)
        return { row, column: fields, message: 'a quote opened in this row is never closed' };
      continue;
    }
    let end = i;
    if (end > start && bytes[end - 1] === CR) end--;
    if (end > start) {
      let text: string;
      try {
        text = decoder.decode(bytes.subarray(start, end));
      } catch {
        // The column of the first bad byte: the delimiters before it, read leniently.
        const lenient = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(start, end));
        const before = lenient.slice(0, lenient.indexOf('\uFFFD'));
        out.push({ row, column: before.split(',').length, undecodable: true });
        text = '';
      }
      if (text !== '') {
        const cells = splitCells(text);
        if (cells === undefined)
          return {
            row,
            column: 1,
            message: 'malformed quoting: a quote inside an unquoted value, or text after a closing quote',
            hint: 'a value with a quote is quoted whole, its quotes doubled',
          };
        out.push({ row, cells });
      }
    }
    row++;
    start = i + 1;
    fields = 1;
  }
  return undefined;
}

/** The cells of one record, or undefined when its quoting is broken. */
function splitCells(text: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return undefined;
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      cells.push(value);
      if (i === text.length) return cells;
      if (text[i] !== ',') return undefined;
      i++;
    } else {
      const comma = text.indexOf(',', i);
      const value = text.slice(i, comma < 0 ? text.length : comma);
      if (value.includes('"')) return undefined;
      cells.push(value);
      if (comma < 0) return cells;
      i = comma + 1;
    }
  }
}

import type { Readable } from 'node:stream';
import {
  countHistory,
  csvRows,
  MalformedRow,
  RecordError,
  DEFAULT_DIALECT,
  readCounts,
  type CountTables,
  type Problem,
  type HistoryCountOptions,
  type HistoryCountResult,
  type HistoryRow,
  type HistoryRows as Rows,
  type TapeDialect,
} from '../../index.ts';
import { UserError } from '../errors.ts';
import { gzipError, openTapeBytes } from '../tape/read-tape.ts';

/**
 * The rows of a history file (CSV or .csv.gz, told by its first bytes), parsed by the tape's streaming
 * CSV reader; a fault that makes the rest unreadable becomes a located problem row and ends the rows.
 */
export async function* historyRows(
  open: () => Promise<Readable>,
  file: string,
  dialect: TapeDialect,
  fault: (row: number, column: number, message: string, hint?: string) => void,
): AsyncGenerator<HistoryRow> {
  const bytes = await open();
  try {
    yield* csvRows(bytes, dialect);
  } catch (error) {
    if (error instanceof RecordError) fault(error.row, error.column, error.message, error.hint);
    else if (error instanceof MalformedRow)
      fault(error.row, 1, error.message, 'a value with a quote is quoted whole, its quotes doubled');
    else if (error instanceof UserError) throw new UserError(`${file}: ${error.message}`);
    else throw gzipError(file, error);
  } finally {
    bytes.destroy();
  }
}

/**
 * Counts a history from files: snapshots and, optionally, events (each CSV or .csv.gz in the declared
 * dialect), streamed, in memory bounded by one contract's rows and the count table.
 */
export async function countHistoryFiles(
  options: HistoryCountOptions & { readonly open?: (file: string) => Promise<Readable> },
): Promise<HistoryCountResult> {
  const dialect = options.dialect ?? DEFAULT_DIALECT;
  const open = options.open ?? openTapeBytes;
  const faults: { file: string; row: number; column: number; message: string; hint?: string }[] = [];
  const rows = (file: string): Rows =>
    historyRows(
      () => open(file),
      file,
      dialect,
      (row, column, message, hint) => faults.push({ file, row, column, message, ...(hint ? { hint } : {}) }),
    );
  const result = await countHistory(
    {
      snapshots: rows(options.snapshotsFile),
      ...(options.eventsFile !== undefined ? { events: () => rows(options.eventsFile!) } : {}),
    },
    options,
  );
  if (faults.length === 0) return result;
  // A fault that stopped reading comes first: the counts of a file read part-way are never given.
  const problems = [
    ...faults.map((f) => ({
      file: f.file,
      line: f.row,
      column: f.column,
      pointer: '(row)',
      severity: 'error' as const,
      message: f.message,
      ...(f.hint ? { hint: f.hint } : {}),
    })),
    ...result.problems,
  ];
  return { problems, problemCount: result.problemCount + faults.length, problemKinds: result.problemKinds };
}

/** Reads a counts.csv (UTF-8, comma-separated; or .csv.gz) into count tables, each problem located. */
export async function readCountsFile(
  file: string,
  maxProblems = 100,
): Promise<{ counts?: CountTables; problems: readonly Problem[]; problemCount: number }> {
  const rows: HistoryRow[] = [];
  const faults: Problem[] = [];
  for await (const row of historyRows(
    () => openTapeBytes(file),
    file,
    DEFAULT_DIALECT,
    (line, column, message, hint) =>
      faults.push({
        file,
        line,
        column,
        pointer: '(row)',
        severity: 'error',
        message,
        ...(hint ? { hint } : {}),
      }),
  ))
    rows.push(row);
  const result = readCounts(rows, file, maxProblems);
  if (faults.length === 0) return result;
  return { problems: [...faults, ...result.problems], problemCount: faults.length + result.problemCount };
}

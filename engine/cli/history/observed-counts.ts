import { DEFAULT_DIALECT, formatProblem, readCounts } from '../../index.ts';
import type { CountTables, HistoryRow, Problem } from '../../index.ts';
import { UserError } from '../errors.ts';
import { openTapeBytes } from '../tape/read-tape.ts';
import { countHistoryFiles, historyRows } from './read-history.ts';

/**
 * The client's count tables for `calibrate --history`: counted from the snapshots (and events), or read
 * from a counts file (`--counts`, what `cyclecast history count` or a warehouse query writes). Every
 * problem is a located line; any stops the command (exit 1) before anything is fitted.
 */
export async function readObservedCounts(options: {
  history?: string;
  events?: string;
  counts?: string;
}): Promise<CountTables> {
  if (options.counts !== undefined) {
    if (options.history !== undefined || options.events !== undefined) {
      throw new UserError(
        'give --history (with --events) or --counts, not both: counts are what a history is read into',
      );
    }
    return countsFile(options.counts);
  }
  if (options.history === undefined) {
    throw new UserError(
      'calibrate --events needs --history snapshots.csv: the events go with their snapshots',
    );
  }
  const result = await countHistoryFiles({
    snapshotsFile: options.history,
    ...(options.events !== undefined ? { eventsFile: options.events } : {}),
  });
  if (result.counts !== undefined && result.problemCount === 0) return result.counts;
  throw problemsError(result.problems, result.problemCount, 'the history');
}

async function countsFile(file: string): Promise<CountTables> {
  const faults: Problem[] = [];
  const rows: HistoryRow[] = [];
  // A counts file is small (one row per cell and period): read whole, then checked.
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
  )) {
    rows.push(row);
  }
  const result = readCounts(rows, file);
  if (faults.length === 0 && result.counts !== undefined && result.problemCount === 0) return result.counts;
  throw problemsError([...faults, ...result.problems], faults.length + result.problemCount, file);
}

function problemsError(problems: readonly Problem[], count: number, what: string): UserError {
  const more = count > problems.length ? ` (${problems.length} listed)` : '';
  return new UserError(
    [
      ...problems.map(formatProblem),
      `${count} problem${count === 1 ? '' : 's'} in ${what}${more}: nothing was fitted`,
    ].join('\n'),
  );
}

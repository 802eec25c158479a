import { countHistory, formatProblem } from '../../index.ts';
import type { CountTables, HistoryRow } from '../../index.ts';
import { DEFAULT_DIALECT } from '../../portfolio/tape-dialect.ts';
import { UserError } from '../errors.ts';
import { csvRows, MalformedRow, openTapeBytes } from '../tape/read-tape.ts';
import { RecordError } from '../tape/records.ts';

/**
 * The count tables of a client's history files (docs/history.md): snapshots and, optionally, events,
 * streamed in the tapes' default dialect. Every problem is a located line; any stops the command
 * (exit 1) before anything is fitted.
 */
export async function readObservedCounts(options: {
  history?: string;
  events?: string;
}): Promise<CountTables> {
  const snapshots = options.history;
  if (snapshots === undefined) {
    throw new UserError(
      'calibrate --events needs --history snapshots.csv: the events go with their snapshots',
    );
  }
  const events = options.events;
  const result = await countHistory(
    {
      snapshots: located(snapshots),
      ...(events !== undefined ? { events: () => located(events) } : {}),
    },
    { snapshotsFile: snapshots, ...(events !== undefined ? { eventsFile: events } : {}) },
  );
  if (result.counts !== undefined && result.problemCount === 0) return result.counts;
  const kinds = Object.entries(result.problemKinds)
    .map(([kind, n]) => `${n} × ${kind}`)
    .join(', ');
  throw new UserError(
    [
      ...result.problems.map(formatProblem),
      `${result.problemCount} problem${result.problemCount === 1 ? '' : 's'} in the history${kinds ? ` (${kinds})` : ''}: nothing was fitted`,
    ].join('\n'),
  );
}

/** The rows of `file`; a fault that makes the rest unreadable stops the command at its row. */
async function* located(file: string): AsyncGenerator<HistoryRow> {
  try {
    yield* csvRows(await openTapeBytes(file), DEFAULT_DIALECT);
  } catch (error) {
    if (error instanceof RecordError) {
      throw new UserError(
        `${file}:${error.row}:${error.column}  ${error.message}${error.hint ? ` (${error.hint})` : ''}`,
      );
    }
    if (error instanceof MalformedRow) throw new UserError(`${file}:${error.row}:1  ${error.message}`);
    throw error;
  }
}

import { formatProblem } from '../../index.ts';
import type { CountTables, Problem } from '../../index.ts';
import { UserError } from '../errors.ts';
import { countHistoryFiles, readCountsFile } from './read-history.ts';

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
  const result = await readCountsFile(file);
  if (result.counts !== undefined && result.problemCount === 0) return result.counts;
  throw problemsError(result.problems, result.problemCount, file);
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

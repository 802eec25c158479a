import { countsCsv, formatProblem } from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { countHistoryFiles } from '../history/read-history.ts';
import { tapeSource, type TapeDialectOptions } from './tape.ts';

export interface HistoryCountOptions extends TapeDialectOptions {
  events?: string;
  out: string;
  maxProblems?: string;
}

/**
 * `cyclecast history count SNAPSHOTS [--events EVENTS] --out COUNTS`: streams a history into its count
 * tables (docs/history.md) and writes them as counts.csv, atomically; prints what the history covered.
 * Each problem as `file:row:column  column  message (hint)`, exit 1 and no output when there is any.
 */
export async function historyCountCommand(
  snapshots: string,
  options: HistoryCountOptions,
  io: CliIo,
): Promise<number> {
  const maxProblems = options.maxProblems === undefined ? 100 : Number(options.maxProblems);
  if (!Number.isInteger(maxProblems) || maxProblems < 0)
    throw new UserError('invalid --max-problems: expected a whole number ≥ 0');
  await checkOutputPath('--out', options.out);
  const source = tapeSource(snapshots, options);
  const result = await countHistoryFiles({
    snapshotsFile: snapshots,
    ...(options.events !== undefined ? { eventsFile: options.events } : {}),
    dialect: source.dialect,
    grades: source.grades,
    maxProblems,
  });
  if (result.counts === undefined) {
    io.stderr(result.problems.map(formatProblem).join('\n') + '\n');
    const shown = result.problems.length;
    if (result.problemCount > shown) io.stderr(`… and ${result.problemCount - shown} more problems\n`);
    const kinds = Object.entries(result.problemKinds).sort((a, b) => b[1] - a[1]);
    if (result.problemCount > shown && kinds.length > 1)
      io.stderr(`by kind:\n${kinds.map(([k, n]) => `  ${n}  ${k}`).join('\n')}\n`);
    return 1;
  }
  await writeAtomic(options.out, countsCsv(result.counts));
  const c = result.counts.coverage!;
  io.stdout(
    `${snapshots}: ${c.contracts.toLocaleString('en')} contracts, ${c.snapshots.toLocaleString('en')} snapshots, ${c.events.toLocaleString('en')} events, ${c.from} to ${c.to}\n` +
      `  ${c.enteredRunning.toLocaleString('en')} already running at the start (counted from their first month), ${c.stillOpen.toLocaleString('en')} still open at the end (their last month's outcome unseen)\n` +
      `  ${result.counts.rows.length} count rows written to ${options.out}\n`,
  );
  return 0;
}

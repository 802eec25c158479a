import { countsCsv, estimateRates, formatProblem, type Problem, type RateEstimate } from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkOutputPath, writeAtomic, type CliIo } from '../io.ts';
import { countHistoryFiles, readCountsFile } from '../history/read-history.ts';
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
  const count = (n: number, word: string): string => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;
  io.stdout(
    `${snapshots}: ${count(c.contracts, 'contract')}, ${count(c.snapshots, 'snapshot')}, ${count(c.events, 'event')}, ${c.from} to ${c.to}\n` +
      `  ${c.enteredRunning.toLocaleString('en')} already running at the start (counted from their first month), ${c.stillOpen.toLocaleString('en')} still open at the end (their last month's outcome unseen)\n` +
      `  ${count(result.counts.rows.length, 'count row')} written to ${options.out}\n`,
  );
  return 0;
}

function reportProblems(
  problems: readonly Problem[],
  problemCount: number,
  io: CliIo,
  kinds: Readonly<Record<string, number>> = {},
): void {
  io.stderr(problems.map(formatProblem).join('\n') + '\n');
  if (problemCount <= problems.length) return;
  io.stderr(`… and ${problemCount - problems.length} more problems\n`);
  const byKind = Object.entries(kinds).sort((a, b) => b[1] - a[1]);
  if (byKind.length > 1) io.stderr(`by kind:\n${byKind.map(([k, n]) => `  ${n}  ${k}`).join('\n')}\n`);
}

export interface HistoryRatesOptions {
  minEvents?: string;
  json?: boolean;
}

/**
 * `cyclecast history rates COUNTS.csv`: the rates the count tables support (docs/history.md,
 * estimates), one line per cell: rate, observations, events, 95% interval clustered by contract,
 * spread between years, pooling and unusual periods; `--json` for the RateEstimate list.
 */
export async function historyRatesCommand(
  file: string,
  options: HistoryRatesOptions,
  io: CliIo,
): Promise<number> {
  const minEvents = options.minEvents === undefined ? 20 : Number(options.minEvents);
  if (!Number.isInteger(minEvents) || minEvents < 0)
    throw new UserError('invalid --min-events: expected a whole number ≥ 0');
  const read = await readCountsFile(file);
  if (read.counts === undefined) {
    reportProblems(read.problems, read.problemCount, io);
    return 1;
  }
  const estimates = estimateRates(read.counts, { minEvents });
  if (options.json === true) {
    io.stdout(JSON.stringify(estimates, null, 2) + '\n');
    return 0;
  }
  io.stdout(estimates.map(estimateLine).join('\n') + '\n');
  return 0;
}

function estimateLine(e: RateEstimate): string {
  const c = e.cell;
  const cell = [c.product, c.tier, c.bucket, c.band].filter((x) => x !== '*').join(' ') || 'all';
  const f = (x: number): string => (x < 0.1 ? x.toPrecision(3) : x.toFixed(3));
  const spread = e.periodSpread
    ? `, years ${f(e.periodSpread.low)}–${f(e.periodSpread.high)} (${e.periodSpread.years})`
    : '';
  const pooled =
    e.pooled.length > 0 ? `, pooled with ${e.pooled.length} cell${e.pooled.length === 1 ? '' : 's'}` : '';
  const flagged = e.flaggedPeriods
    .map((p) => `; ${p.id} ${p.rate === undefined ? '—' : f(p.rate)} (left out)`)
    .join('');
  return `${e.id}  ${cell}: ${f(e.rate)} [${f(e.interval95[0])}, ${f(e.interval95[1])}] from ${Math.round(e.observations).toLocaleString('en')} observations, ${Math.round(e.events).toLocaleString('en')} events${spread}${pooled}${e.supported ? '' : ', not supported (too few events)'}${flagged}`;
}

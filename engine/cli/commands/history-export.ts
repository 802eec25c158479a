import path from 'node:path';
import { historyCsv, monthIndex, prepareScenario, scenarioInput, simulateHistory } from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkOutputPath, writeAtomic } from '../io.ts';
import { parseOverrides, parseRunSetting, parseWhole } from '../options.ts';
import { readScenario } from '../scenarios.ts';

export interface HistoryExportOptions {
  /** The folder snapshots.csv and events.csv are written to. */
  history: string;
  /** Months the history holds (the window). */
  months?: string;
  /** Months run before the window opens. */
  lead?: string;
  /** Calendar month of the window's first month, YYYY-MM. */
  from?: string;
  seed?: string;
  set?: string[];
  /** The starting book's tape (`portfolio export --out`): not with --history. */
  out?: string;
  dealersOut?: string;
  asOf?: string;
}

/** Defaults: five years of history after three of seasoning, from January 2012 (before the flagged 2020–22 periods). */
const DEFAULT_MONTHS = 60;
const DEFAULT_LEAD = 36;
const DEFAULT_FROM = '2012-01';

/**
 * `cyclecast portfolio export SCENARIO --history DIR`: a simulated history of the scenario's own run
 * (one iteration, the scenario's seed, the world's assumptions at their values, not drawn), as the two
 * files a client sends: DIR/snapshots.csv and DIR/events.csv (docs/history.md).
 */
export async function historyExportCommand(
  file: string,
  options: HistoryExportOptions,
  err: (text: string) => void,
): Promise<void> {
  if (options.out !== undefined || options.dealersOut !== undefined || options.asOf !== undefined) {
    throw new UserError(
      'give --out (the starting book as a tape) or --history DIR (a simulated history of the run), not both',
    );
  }
  const months = parseWhole('--months', options.months, 1, 600) ?? DEFAULT_MONTHS;
  const lead = parseWhole('--lead', options.lead, 0, 600) ?? DEFAULT_LEAD;
  const fromText = options.from ?? DEFAULT_FROM;
  const from = monthIndex(fromText);
  if (from === undefined) {
    throw new UserError(
      `invalid --from ${JSON.stringify(fromText)}: expected a calendar month YYYY-MM, e.g. 2012-01`,
    );
  }
  const snapshotsFile = path.join(options.history, 'snapshots.csv');
  const eventsFile = path.join(options.history, 'events.csv');
  await checkOutputPath('--history', snapshotsFile);
  await checkOutputPath('--history', eventsFile);
  const scenario = await readScenario(file, parseOverrides(options.set));
  const seed = parseRunSetting('--seed', options.seed, 'seed') ?? scenario.run.seed;
  // One month past the window, so that the window closes inside the run (no run-off in it).
  const setup = prepareScenario(scenarioInput(scenario), lead + months + 1, seed);
  const history = simulateHistory(setup, { leadMonths: lead, months });
  const csv = historyCsv(history, from);
  await writeAtomic(snapshotsFile, csv.snapshots);
  await writeAtomic(eventsFile, csv.events);
  const contracts = new Set(history.snapshots.map((r) => r.contract)).size;
  err(
    `wrote ${snapshotsFile} (${history.snapshots.length} rows, ${contracts} contracts) and ${eventsFile} (${history.events.length} events): ${months} months from ${fromText}, after ${lead} months of seasoning, seed ${seed}\n`,
  );
}

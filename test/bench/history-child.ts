/**
 * One measurement of the `history` suite, in a fresh process: counts the history in the folder given
 * (snapshots.csv, events.csv) as `cyclecast history count` does, and prints its time, CPU time and
 * peak resident memory.
 */
import path from 'node:path';
import { countHistoryFiles } from '../../engine/cli/history/read-history.ts';
import { reply } from './child.ts';

const dir = process.argv[2]!;
const cpu0 = process.cpuUsage();
const t0 = performance.now();
const result = await countHistoryFiles({
  snapshotsFile: path.join(dir, 'snapshots.csv'),
  eventsFile: path.join(dir, 'events.csv'),
});
const seconds = (performance.now() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
if (result.counts === undefined)
  throw new Error(`the generated history has problems: ${JSON.stringify(result.problems[0])}`);
reply({
  seconds,
  cpuSeconds: (cpu.user + cpu.system) / 1e6,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  contracts: result.counts.coverage!.contracts,
  snapshots: result.counts.coverage!.snapshots,
  events: result.counts.coverage!.events,
  countRows: result.counts.rows.length,
});

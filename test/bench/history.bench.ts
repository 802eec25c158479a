/**
 * The `history` suite: how long `cyclecast history count` takes to stream a history of tens of millions
 * of monthly rows into its count tables, and how much memory it holds (issue: scale). The history is
 * generated deterministically (history-generator.ts) into a temporary folder, counted once by the
 * compiled CLI code in a fresh process, and removed.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runChild } from './child.ts';
import { writeHistory } from './history-generator.ts';

/** Contracts of the full run (about 20 month-end rows each in the 60-month window). */
export const HISTORY_CONTRACTS = 1_000_000;
const QUICK_CONTRACTS = 20_000;
const SEED = 20_240_601;

export interface HistorySuiteResult {
  readonly contracts: number;
  readonly snapshots: number;
  readonly events: number;
  readonly bytes: number;
  readonly generateSeconds: number;
  readonly seconds: number;
  readonly cpuSeconds: number;
  readonly rowsPerSecond: number;
  readonly rowsPerCpuSecond: number;
  readonly peakRssBytes: number;
  readonly countRows: number;
}

interface ChildResult {
  seconds: number;
  cpuSeconds: number;
  peakRssBytes: number;
  contracts: number;
  snapshots: number;
  events: number;
  countRows: number;
}

export async function runHistorySuite(
  options: { quick: boolean },
  progress: (line: string) => void,
): Promise<HistorySuiteResult> {
  const contracts = options.quick ? QUICK_CONTRACTS : HISTORY_CONTRACTS;
  const dir = mkdtempSync(path.join(tmpdir(), 'cyclecast-history-bench-'));
  try {
    const snapshotsFile = path.join(dir, 'snapshots.csv');
    const eventsFile = path.join(dir, 'events.csv');
    progress(`history: generating ${contracts.toLocaleString('en')} contracts`);
    const t0 = performance.now();
    await writeHistory(snapshotsFile, eventsFile, contracts, SEED);
    const generateSeconds = (performance.now() - t0) / 1000;
    const bytes = statSync(snapshotsFile).size + statSync(eventsFile).size;
    progress(`history: counting ${(bytes / 2 ** 30).toFixed(2)} GiB`);
    const r = await runChild<ChildResult>('history-child.ts', [dir], { built: true });
    return {
      contracts: r.contracts,
      snapshots: r.snapshots,
      events: r.events,
      bytes,
      generateSeconds,
      seconds: r.seconds,
      cpuSeconds: r.cpuSeconds,
      rowsPerSecond: (r.snapshots + r.events) / r.seconds,
      rowsPerCpuSecond: (r.snapshots + r.events) / r.cpuSeconds,
      peakRssBytes: r.peakRssBytes,
      countRows: r.countRows,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatHistory(h: HistorySuiteResult): string {
  const n = (x: number) => Math.round(x).toLocaleString('en');
  return [
    '### History: streaming monthly snapshots into count tables',
    '',
    '| contracts | snapshot rows | event rows | CSV | wall time | CPU time | rows/s (wall) | rows/s (CPU) | peak RSS | count rows |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    `| ${n(h.contracts)} | ${n(h.snapshots)} | ${n(h.events)} | ${(h.bytes / 2 ** 30).toFixed(2)} GiB | ${h.seconds.toFixed(0)} s | ${h.cpuSeconds.toFixed(0)} s | ${n(h.rowsPerSecond)} | ${n(h.rowsPerCpuSecond)} | ${(h.peakRssBytes / 2 ** 20).toFixed(0)} MiB | ${n(h.countRows)} |`,
  ].join('\n');
}

/**
 * The tape suite of `npm run bench`: a contract tape of 5,000,000 rows (200,000 with --quick), made by
 * tape-generator.ts in a temporary folder, checked as `cyclecast validate` does (every row read and
 * checked, the book not kept) and loaded as `cyclecast run` does (the book in typed columns, a
 * worker's population built from it, the book posted to a worker thread). Each in its own process
 * (tape-child.ts, compiled as the CLI is), so its peak memory is its own.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runChild } from './child.ts';
import type { TapeChildReply } from './tape-child.ts';
import { writeBenchTape } from './tape-generator.ts';

export interface TapeSuiteResult {
  readonly rows: number;
  /** Bytes of the generated CSV. */
  readonly csvBytes: number;
  readonly validate: TapeChildReply;
  readonly load: TapeChildReply;
}

export async function runTapeSuite(
  options: { quick: boolean; rows?: number },
  progress: (line: string) => void,
): Promise<TapeSuiteResult> {
  const rows = options.rows ?? (options.quick ? 200_000 : 5_000_000);
  const dir = mkdtempSync(join(tmpdir(), 'cyclecast-bench-tape-'));
  try {
    const file = join(dir, 'book.csv');
    progress(`tape: writing a ${rows.toLocaleString('en-US')}-row tape`);
    const csvBytes = await writeBenchTape(file, rows);
    progress('tape: validate');
    const validate = await runChild<TapeChildReply>('tape-child.ts', ['validate', file], { built: true });
    progress('tape: load');
    const load = await runChild<TapeChildReply>('tape-child.ts', ['load', file], { built: true });
    return { rows, csvBytes, validate, load };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function formatTape(r: TapeSuiteResult): string {
  const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
  const line = (name: string, x: TapeChildReply) =>
    `| ${name} | ${x.seconds.toFixed(1)} | ${Math.round(x.rows / x.seconds).toLocaleString('en-US')} | ${x.cpuSeconds.toFixed(1)} | ${mib(x.peakRssBytes)} | ${Math.round(x.peakRssBytes / x.rows)} |`;
  const l = r.load;
  return [
    '### Contract tapes (built CLI code, one process each)',
    '',
    `A generated tape of ${r.rows.toLocaleString('en-US')} contracts (${mib(r.csvBytes)} MiB of CSV, test/bench/tape-generator.ts).`,
    '',
    '| read | seconds | rows/s | CPU s | peak RSS MiB | peak bytes/row |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    line('validate (checked, book not kept)', r.validate),
    line('load (book kept, as `run`)', l),
    '',
    `Loaded book: ${mib(l.bookBytes ?? 0)} MiB of typed columns (${Math.round((l.bookBytes ?? 0) / l.rows)} bytes a contract); a worker's population from it in ${(l.populationSeconds ?? 0).toFixed(2)} s; posted to a worker thread in ${((l.toWorkerSeconds ?? 0) * 1000).toFixed(1)} ms (shared memory, not copied).`,
  ].join('\n');
}

import { RUN_LIMITS } from '../../engine/sim/run-limits.ts';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasStackTrace, runCli, type CliResult } from './run-cli.ts';

const fixture = 'test/fixtures/scenarios/passing';
const scenarios = [`${fixture}/baseline.json`, `${fixture}/tcm.json`];
/**
 * 5 iterations: chunk 0 holds one, the others RUN_LIMITS.chunkSize.default (2) each — 3 chunks, so 3 shards of
 * one chunk each.
 */
const c = RUN_LIMITS.chunkSize.default;
const iterations = String(1 + 2 * c);
/** The iterations shard k of 3 runs: its one chunk's. */
const shardIterations = (k: number) => (k === 0 ? 1 : c);
const common = ['--iterations', iterations, '--workers', '1'];

/** `cyclecast ARGS…`, in process (the shard files and the merge; the recipes' processes: process.test.ts). */
const cli = (...args: string[]): Promise<CliResult> => runCli(args);

/** A refused merge: exit 1, a message, no stack trace, nothing on standard output. */
function expectRefusal(result: CliResult, ...fragments: string[]): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stdout).toBe('');
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  for (const fragment of fragments) expect(result.stderr).toContain(fragment);
}

let dir: string;
/** The unsharded `compare --format json`, the reference every merge must equal byte for byte. */
let single: CliResult;
let shards: CliResult[];
const part = (name: string): string => path.join(dir, name);

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(tmpdir(), 'cyclecast-shard-'));
  [single, ...shards] = await Promise.all([
    cli('compare', ...scenarios, ...common, '--format', 'json'),
    ...[0, 1, 2].map((k) =>
      cli(
        'compare',
        ...scenarios,
        ...common,
        '--shard',
        `${k}/3`,
        '--out',
        part(`part-${k}.json`),
        '--progress-json',
      ),
    ),
  ]);
  expect(single.status, single.stderr).toBe(0);
  for (const shard of shards) expect(shard.status, shard.stderr).toBe(0);
}, 180_000);

afterAll(async () => {
  if (dir) await fs.rm(dir, { recursive: true, force: true });
});

describe('cyclecast compare --shard K/N, then merge', () => {
  it('merges N shards into the unsharded JSON byte for byte', async () => {
    const merged = await cli(
      'merge',
      part('part-0.json'),
      part('part-1.json'),
      part('part-2.json'),
      '--format',
      'json',
    );
    expect(merged.stderr).toBe('');
    expect(merged.status).toBe(0);
    expect(merged.stdout).toBe(single.stdout);
  });

  it('writes the merged result atomically with --out, whatever order the parts are given in', async () => {
    const out = part('merged.json');
    const merged = await cli(
      'merge',
      part('part-2.json'),
      part('part-0.json'),
      part('part-1.json'),
      '--format',
      'json',
      '--out',
      out,
    );
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stdout).toBe('');
    expect(await fs.readFile(out, 'utf8')).toBe(single.stdout);
    expect((await fs.readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('writes shard files, not results: nothing on standard output, the manifest and the shard inside', async () => {
    for (const shard of shards) expect(shard.stdout).toBe('');
    const file = JSON.parse(await fs.readFile(part('part-1.json'), 'utf8'));
    expect(file.format).toBe('cyclecast.shard');
    expect(file.shard).toEqual({
      index: 1,
      count: 3,
      chunks: { first: 1, end: 2 },
      iterations: { first: 1, end: 1 + c },
    });
    expect(file.manifest).toEqual(JSON.parse(single.stdout).manifest);
  });

  it('streams one NDJSON progress line per merged chunk on standard error', () => {
    shards.forEach((shard, k) => {
      const lines = shard.stderr
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines).toHaveLength(1); // one chunk per shard here
      expect(lines[0]).toMatchObject({
        completedIterations: shardIterations(k),
        totalIterations: shardIterations(k),
        shard: { index: k, count: 3 },
      });
      expect(lines[0].elapsedSeconds).toBeGreaterThan(0);
    });
  });

  it('runs `run` in shards too, and merges into the unsharded table', async () => {
    const run1 = ['run', scenarios[0]!, ...common];
    const [table, ...parts] = await Promise.all([
      cli(...run1),
      cli(...run1, '--shard', '0/2', '--out', part('run-0.json'), '--progress-json', '--partial-results'),
      cli(...run1, '--shard', '1/2', '--out', part('run-1.json')),
    ]);
    for (const r of [table, ...parts]) expect(r.status, r.stderr).toBe(0);
    // With --partial-results each progress line carries the KPI estimates so far.
    const progress = parts[0]!.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    // Shard 0/2 of 3 chunks runs chunk 0, one iteration (the larger share goes to the last shard): one
    // line per merged chunk.
    expect(progress.map((p) => [p.completedIterations, p.totalIterations])).toEqual([[1, 1]]);
    expect(progress.at(-1).partial.scenarios[0].iterations).toBe(1);
    expect(progress.at(-1).partial.scenarios[0].kpis['retention.rate'].mean).toBeGreaterThan(0);
    // Without --progress-json, --out says what it wrote and nothing more.
    expect(parts[1]!.stderr).toBe(
      `wrote shard 1/2 (a shard file for cyclecast merge) to ${part('run-1.json')}\n`,
    );
    expect((await cli('merge', part('run-0.json'), part('run-1.json'))).stdout).toBe(table.stdout);
  });
});

describe('cyclecast merge refuses what does not add up to the run', () => {
  it('refuses a shard of a run with another seed, naming the field and the files', async () => {
    const other = part('seed-99.json');
    expect(
      (await cli('compare', ...scenarios, ...common, '--seed', '99', '--shard', '1/3', '--out', other))
        .status,
    ).toBe(0);
    expectRefusal(
      await cli('merge', part('part-0.json'), other, part('part-2.json')),
      'cannot merge: the shard files come from different runs',
      `seed: 11 in ${part('part-0.json')}, 99 in ${other}`,
    );
  });

  it('refuses a shard of another scenario', async () => {
    const other = part('speed-1.json');
    const speed = `${fixture}/speed.json`;
    expect(
      (await cli('compare', scenarios[0]!, speed, ...common, '--shard', '1/3', '--out', other)).status,
    ).toBe(0);
    expectRefusal(
      await cli('merge', part('part-0.json'), other, part('part-2.json')),
      `scenarios[1].name: "tcm" in ${part('part-0.json')}, "speed-to-lead" in ${other}`,
      'scenarios[1].hash',
    );
  });

  it('refuses a missing shard and a duplicate shard', async () => {
    expectRefusal(
      await cli('merge', part('part-0.json'), part('part-2.json')),
      `missing shard 1/3 (chunk 1, iterations 1–${c}): run it with --shard 1/3`,
    );
    const copy = part('copy-of-1.json');
    await fs.copyFile(part('part-1.json'), copy);
    expectRefusal(
      await cli('merge', part('part-0.json'), part('part-1.json'), copy, part('part-2.json')),
      `${part('part-1.json')} and ${copy} are both shard 1/3`,
    );
  });

  it('refuses malformed and foreign files, naming them', async () => {
    const truncated = part('truncated.json');
    await fs.writeFile(truncated, (await fs.readFile(part('part-0.json'), 'utf8')).slice(0, 500));
    expectRefusal(await cli('merge', truncated), `${truncated}: not a Cyclecast shard file: not valid JSON`);
    expectRefusal(await cli('merge', 'package.json'), 'package.json: not a Cyclecast shard file');
    expectRefusal(await cli('merge', part('merged.json')), 'it is a finished result');
  });

  it('refuses a bad --shard before simulating anything', async () => {
    expectRefusal(
      await cli('run', scenarios[0]!, '--shard', '3/3'),
      'invalid --shard "3/3": K must be from 0 to 2',
    );
    expectRefusal(
      await cli('run', scenarios[0]!, ...common, '--shard', '0/4'),
      'invalid --shard 0/4: the run has only 3 chunks, so at most 3 shards',
    );
    expectRefusal(
      await cli('run', scenarios[0]!, '--shard', '0/2', '--format', 'json'),
      'invalid --format with --shard',
    );
  });
});

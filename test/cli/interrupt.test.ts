import { promises as fs } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { ROOT, runCli, spawnCli } from './run-cli.ts';

/*
 * The fault test of the hostile-input suite: real `cyclecast` processes, since signals are the point,
 * interrupted by SIGINT or SIGTERM at random points of a run.
 */

/** A small passing scenario (300 contracts, 24 months). */
const FIXTURE = path.join(ROOT, 'test/fixtures/scenarios/passing/baseline.json');

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the real command; with `kill`, sends that signal after `after` ms. */
async function cyclecast(
  args: readonly string[],
  kill?: { signal: NodeJS.Signals; after: number },
): Promise<Ended> {
  const run = spawnCli(args);
  const timer = kill ? setTimeout(() => run.child.kill(kill.signal), kill.after) : undefined;
  try {
    const { status, signal, stderr } = await run;
    return { code: status, signal, stderr };
  } finally {
    clearTimeout(timer);
  }
}

const dir = tempDir('interrupt');

/** A run of a second or two on one worker: signals arrive before, during and after its work. */
const smallRun = (seed: number): string[] => [
  'run',
  FIXTURE,
  '--iterations',
  '4',
  '--horizon',
  '12',
  '--workers',
  '1',
  '--seed',
  String(seed),
];

/** How many runs are interrupted: each costs a process start (~1 s) and a little simulation. */
const INTERRUPTIONS = 4;

describe('interrupted runs', () => {
  it('leave the earlier output whole or a complete new one, never a partial file, whenever SIGINT or SIGTERM arrives', async () => {
    const out = path.join(dir, 'result.json');
    const args = (seed: number) => [...smallRun(seed), '--format', 'json', '--out', out];
    const first = await cyclecast(args(1));
    expect(first.code, first.stderr).toBe(0);
    let earlier = await fs.readFile(out, 'utf8');
    expect(JSON.parse(earlier).manifest.seed).toBe(1);

    for (let k = 0; k < INTERRUPTIONS; k++) {
      const signal: NodeJS.Signals = k % 2 === 0 ? 'SIGINT' : 'SIGTERM';
      // Random points from process start to past the end of a typical run (~1–3 s here).
      const after = Math.floor(Math.random() * 3000);
      const seed = 10 + k;
      const ended = await cyclecast(args(seed), { signal, after });
      const context = `${signal} after ${after} ms: ${JSON.stringify(ended)}`;
      expect(ended.stderr, context).not.toMatch(/internal error|\n\s+at /);
      const now = await fs.readFile(out, 'utf8');
      // Either the earlier result, byte for byte, or — when the signal came after the rename, or
      // never — the new one, whole. Never anything in between.
      if (now !== earlier) {
        expect(JSON.parse(now).manifest.seed, context).toBe(seed);
        earlier = now;
      } else {
        expect(ended.code, context).not.toBe(0);
      }
      // Only the output itself is visible in the folder (a temporary file is hidden and never the output).
      expect(
        (await fs.readdir(dir)).filter((f) => !f.startsWith('.')),
        context,
      ).toEqual(['result.json']);
    }
  });

  it('leave a shard file whole: the earlier shard still merges, or the new one does', async () => {
    const part = path.join(dir, 'part-0.json');
    const args = (seed: number) => [...smallRun(seed), '--shard', '0/1', '--out', part];
    expect((await cyclecast(args(1))).code).toBe(0);
    let earlier = await fs.readFile(part, 'utf8');
    for (let k = 0; k < 2; k++) {
      const after = Math.floor(Math.random() * 3000);
      const ended = await cyclecast(args(20 + k), { signal: k === 0 ? 'SIGTERM' : 'SIGINT', after });
      const context = `after ${after} ms: ${JSON.stringify(ended)}`;
      const now = await fs.readFile(part, 'utf8');
      // The earlier shard or the new one, whole: whatever is there merges (digest and content agree).
      const seedNow = (JSON.parse(now) as { manifest: { seed: number } }).manifest.seed;
      expect(now === earlier ? seedNow !== 20 + k : seedNow === 20 + k, context).toBe(true);
      earlier = now;
      const merged = await runCli([
        'merge',
        part,
        '--format',
        'json',
        '--out',
        path.join(dir, 'merged.json'),
      ]);
      expect(merged.status, `${context}: ${merged.stderr}`).toBe(0);
    }
  });
});

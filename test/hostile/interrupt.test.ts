import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE, root, workFolder } from './helpers.ts';

const bin = path.join(root, 'bin/cyclecast.js');

interface Ended {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stderr: string;
}

/** Runs the real command; with `kill`, sends that signal after `after` ms (a real process: signals are the point). */
function cyclecast(
  args: readonly string[],
  kill?: { signal: NodeJS.Signals; after: number },
): Promise<Ended> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = kill ? setTimeout(() => child.kill(kill.signal), kill.after) : undefined;
    const guard = setTimeout(() => child.kill('SIGKILL'), 40_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearTimeout(guard);
      resolve({ code, signal, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await workFolder('interrupt');
});

/** How many runs are interrupted: each costs a process start (~1 s) and a little simulation. */
const INTERRUPTIONS = 4;

describe('interrupted runs', () => {
  it('leave the earlier output whole or a complete new one, never a partial file, whenever SIGINT or SIGTERM arrives', async () => {
    const out = path.join(dir, 'result.json');
    const args = (seed: number) => [
      'run',
      FIXTURE,
      '--iterations',
      '4',
      '--horizon',
      '12',
      '--workers',
      '1',
      '--format',
      'json',
      '--seed',
      String(seed),
      '--out',
      out,
    ];
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
      if (ended.code === 0) {
        // Finished before the signal: the new result, whole.
        expect(JSON.parse(now).manifest.seed, context).toBe(seed);
        earlier = now;
      } else {
        // Stopped: the earlier result, byte for byte.
        expect(ended.signal ?? ended.code, context).toBeTruthy();
        expect(now, context).toBe(earlier);
      }
      // Only the output itself is visible in the folder (a temporary file is hidden and never the output).
      expect(
        (await fs.readdir(dir)).filter((f) => !f.startsWith('.')),
        context,
      ).toEqual(['result.json']);
    }
  });
});

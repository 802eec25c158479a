import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll } from 'vitest';
import { UserError } from '../../engine/cli/errors.ts';

/** The repository root: shipped rule sets and fixtures are named relative to it. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** A small passing scenario (300 contracts, 24 months). */
export const FIXTURE = path.join(root, 'test/fixtures/scenarios/passing/baseline.json');
/** The four shipped rule sets the fixture uses, as a scenario's "policies". */
export const POLICIES = {
  engagement: path.join(root, 'rules/engagement/reactive.json'),
  leads: path.join(root, 'rules/leads/salesperson-prepared.json'),
  dunning: path.join(root, 'rules/dunning/uniform.json'),
  remarketing: path.join(root, 'rules/remarketing/three-cycle.json'),
};

/** A fresh folder for one test file, removed when its tests are done. */
export async function workFolder(name: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), `cyclecast-hostile-${name}-`));
  afterAll(() => fs.rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (name → content) into `dir`; returns `dir`. */
export async function writeFiles(dir: string, files: Record<string, string>): Promise<string> {
  for (const [name, text] of Object.entries(files)) {
    await fs.mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await fs.writeFile(path.join(dir, name), text);
  }
  return dir;
}

/** A named pipe (FIFO): opening it for reading waits for a writer for ever. */
export function makeFifo(file: string): string {
  execFileSync('mkfifo', [file]);
  return file;
}

/** The message of the UserError `work` rejects with; fails the test on any other outcome. */
export async function userError(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof UserError) return error.message;
    throw error;
  }
  throw new Error('expected a UserError, but the command succeeded');
}

/** Runs `work` with standard error captured; returns what it wrote and how `work` ended. */
export async function withStderr<T>(
  work: () => Promise<T>,
): Promise<{ stderr: string; result: PromiseSettledResult<T> }> {
  const write = process.stderr.write.bind(process.stderr);
  let stderr = '';
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    return true;
  }) as typeof process.stderr.write;
  try {
    const [result] = await Promise.allSettled([work()]);
    return { stderr, result: result! };
  } finally {
    process.stderr.write = write;
  }
}

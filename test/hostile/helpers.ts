import { execFileSync } from 'node:child_process';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { hasStackTrace, ROOT, runCli, type CliResult } from '../cli/run-cli.ts';

/** A small passing scenario (300 contracts, 24 months). */
export const FIXTURE = path.join(ROOT, 'test/fixtures/scenarios/passing/baseline.json');
/** The four shipped rule sets the fixture uses, as a scenario's "policies". */
export const POLICIES = {
  engagement: path.join(ROOT, 'rules/engagement/reactive.json'),
  leads: path.join(ROOT, 'rules/leads/salesperson-prepared.json'),
  dunning: path.join(ROOT, 'rules/dunning/uniform.json'),
  remarketing: path.join(ROOT, 'rules/remarketing/three-cycle.json'),
};

/** `cyclecast ARGS…`, in process. */
export const cli = (...args: string[]): Promise<CliResult> => runCli(args);

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

/**
 * The message of a user's mistake: exit 1, no stack trace, nothing on standard output; what standard
 * error says, without its final line break.
 */
export function refusal(result: CliResult): string {
  expect(result.status, result.stderr).toBe(1);
  expect(hasStackTrace(result.stderr), result.stderr).toBe(false);
  expect(result.stdout).toBe('');
  return result.stderr.replace(/\n$/, '');
}

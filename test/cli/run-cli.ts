import { spawn, type ChildProcess } from 'node:child_process';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { cyclecast } from '../../engine/cli/program.ts';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = fileURLToPath(new URL('../../bin/cyclecast.js', import.meta.url));

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `cyclecast ARGS…` in this process, from the repository root, on buffers for its standard
 * streams (standard error is not a terminal, as in CI): what a user sees, without a process start.
 * The process itself (exit status, signals, pipes) is tested in process.test.ts.
 */
export async function runCli(args: readonly string[], input = ''): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const status = await cyclecast(['node', 'cyclecast', ...args], {
    stdout: (text) => void (stdout += text),
    stderr: (text) => void (stderr += text),
    stderrIsTTY: false,
    stdin: Readable.from([input]),
  });
  return { status, stdout, stderr };
}

export interface ProcessResult extends CliResult {
  /** The signal that ended the process, if one did. */
  signal: NodeJS.Signals | null;
}

/** Runs the real `cyclecast` command as a process, as a user would: from `cwd` (default: the repository root). */
export function spawnCli(
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> & { child: ChildProcess } {
  return spawnProcess(process.execPath, [BIN, ...args], options);
}

/** Runs a command as a process without blocking, so several can run at once (shards, as on a cluster). */
export function spawnProcess(
  command: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ProcessResult> & { child: ChildProcess } {
  const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: options.env ?? process.env });
  const result = new Promise<ProcessResult>((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const timer = setTimeout(() => child.kill(), 120_000);
    child.on('error', reject);
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout, stderr });
    });
  });
  return Object.assign(result, { child });
}

/** A user's mistake must never show a stack trace. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?/.test(text) || text.includes('internal error');
}

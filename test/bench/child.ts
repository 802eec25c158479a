/**
 * Runs one benchmark entry in a fresh Node process and returns the JSON it prints. A fresh process
 * per measurement keeps V8's type feedback of one contender from leaking into the next (a call site
 * that saw nine policies is megamorphic, one that saw one is not) and keeps the parent's heap out of
 * memory figures.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface ChildOptions {
  /** Node flags before the entry, e.g. `--expose-gc`. */
  readonly nodeFlags?: readonly string[];
  /**
   * Run the entry compiled as the CLI is (bin/build-cli.js), rather than from source through tsx: the
   * engine's code as users run it, and a NodeWorkerPool that starts the CLI's worker.
   */
  readonly built?: boolean;
}

let built: Promise<void> | undefined;

/** Compiles engine/ and test/bench/ into dist/ once per process; returns the entry's compiled path. */
async function compiled(entry: string): Promise<string> {
  // Imported here, not at the top: the compiled children import this module too, from dist/.
  const { buildCli, transpile } = await import('../../bin/build-cli.js');
  built ??= buildCli().then(() => transpile(['test/bench']).then(() => undefined));
  await built;
  return fileURLToPath(new URL(`../../dist/test/bench/${entry.replace(/\.ts$/, '.js')}`, import.meta.url));
}

/**
 * Spawns `node --import tsx ENTRY ARGS…` (ENTRY relative to test/bench/), or its compiled module with `built`,
 * waits for it, and parses the last line of its standard output as JSON. Throws with the child's
 * standard error when it fails.
 */
export async function runChild<T>(
  entry: string,
  args: readonly string[],
  options: ChildOptions = {},
): Promise<T> {
  const flags = options.nodeFlags ?? [];
  const argv = options.built
    ? [...flags, await compiled(entry), ...args]
    : [
        ...flags,
        '--import',
        import.meta.resolve('tsx'),
        fileURLToPath(new URL(entry, import.meta.url)),
        ...args,
      ];
  const child = spawn(process.execPath, argv, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  if (code !== 0)
    throw new Error(`benchmark ${entry} ${args.join(' ')} exited with ${code}:\n${stderr.trim()}`);
  const last = stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as T;
  } catch {
    throw new Error(`benchmark ${entry} printed no JSON result:\n${stdout}\n${stderr}`);
  }
}

/** Prints a child's result as its last line of output (read by runChild). */
export function reply(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

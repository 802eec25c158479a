/**
 * Runs one benchmark entry in a fresh Node process and returns the JSON it prints. A fresh process
 * per measurement keeps V8's type feedback of one contender from leaking into the next (a call site
 * that saw nine policies is megamorphic, one that saw one is not) and keeps the parent's heap out of
 * memory figures.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { buildCli, bundle } from '../../bin/build-cli.js';

export interface ChildOptions {
  /** Node flags before the entry, e.g. `--expose-gc`. */
  readonly nodeFlags?: readonly string[];
  /**
   * Run the entry bundled as the CLI is (bin/build-cli.js), rather than from source through tsx: the
   * engine's code as users run it, and a NodeWorkerPool that starts the CLI's dist/worker.js.
   */
  readonly built?: boolean;
}

const builds = new Map<string, Promise<string>>();

/** Builds dist/ and dist/bench-ENTRY.js (next to dist/worker.js) once per process; returns its path. */
function built(entry: string): Promise<string> {
  let file = builds.get(entry);
  if (file === undefined) {
    const name = `bench-${entry.replace(/\.ts$/, '')}`;
    file = buildCli()
      .then(() => bundle({ [name]: `test/bench/${entry}` }))
      .then(() => fileURLToPath(new URL(`../../dist/${name}.js`, import.meta.url)));
    builds.set(entry, file);
  }
  return file;
}

/**
 * Spawns `node --import tsx ENTRY ARGS…` (ENTRY relative to test/bench/), or its bundle with `built`,
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
    ? [...flags, await built(entry), ...args]
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

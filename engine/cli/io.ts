import { constants, promises as fs, type Stats } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { cut } from '../catalogue.ts';
import { UserError } from './errors.ts';

/**
 * Where a command reads its standard input and writes its output and messages: the process's own
 * streams (processIo), or a test's buffers, so the CLI's behaviour can be tested without a process.
 */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Standard error is a terminal: progress redraws one bar there, and prints plain lines elsewhere. */
  readonly stderrIsTTY: boolean;
  readonly stdin: Readable;
}

/** The process's standard streams. */
export function processIo(): CliIo {
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    stderrIsTTY: process.stderr.isTTY === true,
    stdin: process.stdin,
  };
}

/**
 * Largest JSON input (rule set, scenario, shard file) read, in bytes: far above any real one (the
 * largest shard of a 3-scenario, 600-month comparison is a few MiB), far below what exhausts memory.
 */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/** Largest `--facts` file, in bytes: it is streamed line by line, so only the disk bounds it. */
export const MAX_FACTS_BYTES = 16 * 1024 * 1024 * 1024;

/**
 * Reads a user's file (or standard input for '-') as UTF-8, turning OS errors into plain sentences; a
 * file only when it is regular and at most {@link MAX_INPUT_BYTES} long (see readInputFile).
 */
export async function readText(file: string, stdin: Readable = process.stdin): Promise<string> {
  if (file === '-') return readAll(stdin);
  try {
    return await readInputFile(file);
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
}

/**
 * Reads an input file as UTF-8 only when it is a regular file no larger than `limit` bytes; throws an
 * Error whose message is a plain sentence (without the file name) otherwise. The type is checked with
 * `stat`, which never blocks, before the file is opened: opening a FIFO would wait for a writer for
 * ever, and a device such as /dev/zero never ends. The opened file is checked again, non-blocking,
 * in case the path was replaced in between.
 */
export async function readInputFile(file: string, limit = MAX_INPUT_BYTES): Promise<string> {
  checkInputStats(await fs.stat(file), limit);
  const handle = await fs.open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    checkInputStats(await handle.stat(), limit);
    return await handle.readFile('utf8');
  } finally {
    await handle.close();
  }
}

/** Checks, without opening it, that `file` is a regular file of at most `limit` bytes. */
export async function checkInputFile(file: string, limit = MAX_INPUT_BYTES): Promise<void> {
  try {
    checkInputStats(await fs.stat(file), limit);
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
}

function checkInputStats(stats: Stats, limit: number): void {
  if (!stats.isFile()) {
    throw new Error(`is ${fileType(stats)}, expected a regular file`);
  }
  if (stats.size > limit) {
    throw new Error(
      `is larger than the limit of ${formatBytes(limit)} for an input file (${stats.size} bytes)`,
    );
  }
}

/** What a non-regular file is, in words. */
function fileType(stats: Stats): string {
  if (stats.isDirectory()) return 'a directory';
  if (stats.isFIFO()) return 'a named pipe (FIFO)';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'not a regular file';
}

/** Bytes in binary units, e.g. `256 MiB`. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : Number(value.toFixed(1))} ${units[unit]}`;
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer | string));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes `data` (text as UTF-8, or bytes) to `file` atomically: a temporary file in the same folder,
 * then a rename, so a reader never sees a partly written output and a failed run leaves the previous
 * file untouched.
 */
export async function writeAtomic(
  file: string,
  data: string | Uint8Array | AsyncIterable<string>,
): Promise<void> {
  // Loaded here, not with the CLI: node:crypto cost every command about 4 ms of CPU to load.
  const { randomBytes } = await import('node:crypto');
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    // An async iterable is streamed: a large output never sits in memory whole.
    await (typeof data === 'string' ? fs.writeFile(tmp, data, 'utf8') : fs.writeFile(tmp, data));
    // Checked again right before the rename: a device, FIFO or folder put there meanwhile is never replaced.
    await refuseNonRegular(file);
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    // A streamed output may fail on its input: that problem is the user's to read, not a write error.
    if (error instanceof UserError) throw error;
    throw new UserError(`${file}: cannot write: ${describeFsError(error)}`);
  }
}

/**
 * Checks an `--out` path before any work starts, so a typo fails in the first second rather than after
 * an hour's run: its folder must exist and be writable, and the path must be a regular file or absent
 * (the atomic rename would otherwise replace a device such as /dev/null, a FIFO or a socket).
 */
export async function checkOutputPath(flag: string, file: string): Promise<void> {
  const folder = path.dirname(file);
  const fail = (reason: string, hint: string): never => {
    throw new UserError(`invalid ${flag} ${file}: ${reason}; ${hint}`);
  };
  const folderStats = await fs.stat(folder).catch((error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      fail(`the folder ${folder} does not exist`, `create it first (mkdir -p ${folder}) or check the path`);
    }
    return fail(`cannot reach the folder ${folder}: ${describeFsError(error)}`, 'check the path');
  });
  if (!folderStats.isDirectory()) fail(`${folder} is not a folder`, 'check the path');
  try {
    await fs.access(folder, constants.W_OK | constants.X_OK);
  } catch (error) {
    fail(
      `cannot write in the folder ${folder}: ${describeFsError(error)}`,
      'choose a folder you can write to',
    );
  }
  try {
    await refuseNonRegular(file);
  } catch (error) {
    fail(
      describeFsError(error).replace(/;.*$/, ''),
      'expected a regular file or a path that does not exist yet',
    );
  }
}

/** Throws when `file` exists and is not a regular file (a missing file is fine: it is about to be written). */
async function refuseNonRegular(file: string): Promise<void> {
  const stats = await fs.stat(file).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (stats && !stats.isFile()) throw new Error(`it is ${fileType(stats)}; only a regular file is replaced`);
}

/** Expands directories into the `.json` files below them (sorted), leaving files as given. */
export async function expandJsonFiles(inputs: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch (error) {
      throw new UserError(`${input}: ${describeFsError(error)}`);
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const entries = await fs.readdir(input, { recursive: true, withFileTypes: true });
    const found = entries
      .filter((e) => e.isFile() && e.name.endsWith('.json') && !e.name.endsWith('.schema.json'))
      .map((e) => path.join(e.parentPath, e.name))
      .sort();
    files.push(...found);
  }
  return files;
}

/** An OS error (or a refusal above) as a plain sentence, without the file name. */
export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, expected a file';
    case 'ENOTDIR':
      return 'a component of the path is not a directory';
    case 'ENAMETOOLONG':
      return 'the path is too long';
    default:
      // Node's messages repeat the path, which may be a hostile file's megabytes.
      return cut(error instanceof Error ? error.message : String(error), 200);
  }
}

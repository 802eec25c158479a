import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
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

/** Reads a user's file (or standard input for '-') as UTF-8, turning OS errors into plain sentences. */
export async function readText(file: string, stdin: Readable = process.stdin): Promise<string> {
  if (file === '-') return readAll(stdin);
  try {
    return await fs.readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`${file}: ${describeFsError(error)}`);
  }
}

async function readAll(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer | string));
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Writes `text` to `file` atomically: a temporary file in the same folder, then a rename, so a reader
 * never sees a partly written output and a failed run leaves the previous file untouched.
 */
export async function writeAtomic(file: string, text: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await fs.writeFile(tmp, text, 'utf8');
    await fs.rename(tmp, file);
  } catch (error) {
    await fs.rm(tmp, { force: true });
    throw new UserError(`${file}: cannot write: ${describeFsError(error)}`);
  }
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

function describeFsError(error: unknown): string {
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
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

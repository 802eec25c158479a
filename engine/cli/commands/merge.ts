import {
  checkShardDigest,
  mergeShards,
  readShardFile,
  renderResult,
  ShardError,
  summariseAggregates,
  resultWorkbook,
} from '../../index.ts';
import type { LoadedShard } from '../../index.ts';
import { UserError } from '../errors.ts';
import { checkOutputPath, readText, writeAtomic } from '../io.ts';
import { checkWorkbookOut, WORKBOOK_FORMAT } from '../workbook.ts';
import { parseFormat, parsePerspective } from './simulate.ts';

export interface MergeOptions {
  format?: string;
  out?: string;
  perspective?: string;
}

/**
 * `cyclecast merge PART…`: joins the shard files of one sharded run or comparison into its result,
 * byte for byte what the unsharded `run`/`compare` prints in the same format. Every file is read and
 * checked before anything is merged, so a bad file is reported by name and nothing is written.
 */
export async function mergeCommand(
  files: readonly string[],
  options: MergeOptions,
  write: (text: string) => void,
): Promise<void> {
  const format = parseFormat(options.format);
  const perspective = parsePerspective(options.perspective);
  if (format === WORKBOOK_FORMAT) checkWorkbookOut(options.out, {});
  if (options.out !== undefined) await checkOutputPath('--out', options.out);
  const shards: LoadedShard[] = [];
  for (const file of files) {
    const json = parseJson(await readText(file), file);
    shards.push(asUserError(() => readShardFile(json, file)));
    try {
      await checkShardDigest(json, file);
    } catch (error) {
      if (error instanceof ShardError) throw new UserError(error.message);
      throw error;
    }
  }
  const result = summariseAggregates(asUserError(() => mergeShards(shards)));
  const output =
    format === WORKBOOK_FORMAT
      ? await resultWorkbook(result, perspective)
      : renderResult(result, format, perspective);
  if (options.out) await writeAtomic(options.out, output);
  else if (typeof output === 'string') write(output);
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(`${file}: not a Cyclecast shard file: not valid JSON (${reason})`);
  }
}

function asUserError<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ShardError) throw new UserError(error.message);
    throw error;
  }
}

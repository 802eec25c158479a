import { mergeShards, readShardFile, renderResult, ShardError, summariseAggregates } from '../../index.ts';
import type { LoadedShard } from '../../index.ts';
import { UserError } from '../errors.ts';
import { readText, writeAtomic } from '../io.ts';
import { parseFormat } from './simulate.ts';

export interface MergeOptions {
  format?: string;
  out?: string;
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
  const shards: LoadedShard[] = [];
  for (const file of files) {
    const json = parseJson(await readText(file), file);
    shards.push(asUserError(() => readShardFile(json, file)));
  }
  const text = renderResult(summariseAggregates(asUserError(() => mergeShards(shards))), format);
  if (options.out) await writeAtomic(options.out, text);
  else write(text);
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

import { chunkStart, type ChunkRange, type RunSpec } from './spec.ts';

/**
 * Sharding splits one run's fixed chunk list into N contiguous ranges, so N machines (a Kubernetes
 * Indexed Job, an AWS Batch array job) each run one range and a final merge joins them in chunk
 * order. Shards are numbered 0 … N−1, like JOB_COMPLETION_INDEX and AWS_BATCH_JOB_ARRAY_INDEX.
 */

/** A user's sharding mistake (bad `K/N`, more shards than chunks, shard files that do not fit). */
export class ShardError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ShardError';
  }
}

/** Shard `index` of `count`, 0-based. */
export interface ShardSelector {
  readonly index: number;
  readonly count: number;
}

/** The largest number of shards accepted; far beyond any useful cluster size for chunks of 10 iterations. */
export const MAX_SHARDS = 100_000;

/**
 * Parses the `--shard K/N` argument: shard K (0 … N−1) of N.
 * @example parseShardSelector('2/4') // { index: 2, count: 4 }
 */
export function parseShardSelector(text: string): ShardSelector {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const expected = 'expected K/N with shards numbered 0 … N−1, e.g. 0/4 for the first of 4 shards';
  if (!match) throw new ShardError(`invalid --shard "${text}": ${expected}`);
  const index = Number(match[1]);
  const count = Number(match[2]);
  if (count < 1 || count > MAX_SHARDS) {
    throw new ShardError(`invalid --shard "${text}": N must be from 1 to ${MAX_SHARDS}`);
  }
  if (index >= count) {
    const hint = index === count ? ` (for the last of ${count} shards use ${count - 1}/${count})` : '';
    throw new ShardError(`invalid --shard "${text}": K must be from 0 to ${count - 1}${hint}; ${expected}`);
  }
  return { index, count };
}

/**
 * The chunks shard K of N runs: contiguous, sizes differing by at most one chunk, together covering
 * every chunk exactly once. Refuses more shards than chunks (a shard with nothing to do is a
 * mistake in the cluster set-up, and would waste a node).
 * @example shardChunkRange(10, { index: 1, count: 3 }) // { first: 3, end: 6 }
 */
export function shardChunkRange(totalChunks: number, shard: ShardSelector): ChunkRange {
  if (shard.count > totalChunks) {
    throw new ShardError(
      `invalid --shard ${shard.index}/${shard.count}: the run has only ${totalChunks} chunk${totalChunks === 1 ? '' : 's'}, ` +
        `so at most ${totalChunks} shard${totalChunks === 1 ? '' : 's'}; use fewer shards or more --iterations`,
    );
  }
  const cut = (k: number): number => Math.floor((k * totalChunks) / shard.count);
  return { first: cut(shard.index), end: cut(shard.index + 1) };
}

/** Iterations [first, end) that chunks [first, end) of the spec cover. */
export function chunkRangeIterations(
  spec: Pick<RunSpec, 'iterations' | 'chunkSize'>,
  range: ChunkRange,
): ChunkRange {
  const end = Math.min(chunkStart(range.end, spec.chunkSize), spec.iterations);
  return { first: Math.min(chunkStart(range.first, spec.chunkSize), end), end };
}

/** Number of chunks in a run, as chunkTasks splits it. @example chunkCount({ iterations: 25, chunkSize: 10 }) // 4 */
export function chunkCount(spec: Pick<RunSpec, 'iterations' | 'chunkSize'>): number {
  return spec.iterations <= 0 ? 0 : 1 + Math.ceil((spec.iterations - 1) / spec.chunkSize);
}

/** Inclusive, human-readable form of an end-exclusive range: `10–14`, or `10` for one element. */
export function describeRange(range: ChunkRange): string {
  return range.end - range.first === 1 ? `${range.first}` : `${range.first}–${range.end - 1}`;
}

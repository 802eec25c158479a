import type { ChunkResult } from '../montecarlo/chunk.ts';
import { PreparedRunCache, runChunkCached } from '../montecarlo/executor.ts';
import type { ChunkTask, RunSpec } from '../montecarlo/spec.ts';

/** The message a pool worker receives: the chunk protocol of engine/sim/montecarlo/executor.ts. */
export interface ChunkMessage {
  readonly runId: string;
  readonly spec: RunSpec;
  readonly task: ChunkTask;
}

const cache = new PreparedRunCache();

export function handleChunk(message: ChunkMessage): ChunkResult {
  return runChunkCached(cache, message.runId, message.spec, message.task);
}

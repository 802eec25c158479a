import type { ChunkResult } from './chunk.ts';
import { prepareRun, runChunk, type PreparedRun } from './chunk.ts';
import type { ChunkTask, RunSpec } from './spec.ts';

/**
 * Where chunks run: in this thread, in Node worker threads (engine/sim/pool) or in browser Web Workers
 * (web/). All speak this one protocol: a run spec, identified by `runId`, and a chunk task.
 */
export interface ChunkExecutor {
  /** How many chunks it runs at once. */
  readonly concurrency: number;
  run(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult>;
  close(): Promise<void>;
}

/** Keeps the last prepared run per worker: compiling and generating once, not once per chunk. */
export class PreparedRunCache {
  private id: string | undefined;
  private prepared: PreparedRun | undefined;

  get(runId: string, spec: RunSpec): PreparedRun {
    if (this.id !== runId || !this.prepared) {
      this.prepared = prepareRun(spec);
      this.id = runId;
    }
    return this.prepared;
  }
}

/** Runs one chunk with the run prepared once per cache (worker). */
export function runChunkCached(
  cache: PreparedRunCache,
  runId: string,
  spec: RunSpec,
  task: ChunkTask,
): ChunkResult {
  return runChunk(cache.get(runId, spec), task);
}

/** Runs chunks in the calling thread, one at a time: for tests, small runs and `--workers 1`. */
export class InProcessExecutor implements ChunkExecutor {
  readonly concurrency = 1;
  private readonly cache = new PreparedRunCache();

  async run(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult> {
    return runChunkCached(this.cache, runId, spec, task);
  }

  async close(): Promise<void> {}
}

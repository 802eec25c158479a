import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ChunkResult } from '../montecarlo/chunk.ts';
import type { ChunkExecutor } from '../montecarlo/executor.ts';
import type { ChunkTask, RunSpec } from '../montecarlo/spec.ts';
import type { ChunkMessage } from './worker-chunk.ts';

/** Runs chunks on Node worker threads (piscina), one chunk per worker at a time. */
export class NodeWorkerPool implements ChunkExecutor {
  readonly concurrency: number;
  private readonly pool: Piscina<ChunkMessage, ChunkResult>;

  /** @param workers number of worker threads; default: the machine's available parallelism. */
  constructor(workers = availableParallelism()) {
    this.concurrency = workers;
    this.pool = new Piscina({
      filename: new URL('./worker.js', import.meta.url).href,
      minThreads: workers,
      maxThreads: workers,
      concurrentTasksPerWorker: 1,
      idleTimeout: Infinity,
    });
  }

  run(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult> {
    return this.pool.run({ runId, spec, task });
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

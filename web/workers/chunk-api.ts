import type { ChunkResult, ChunkTask, RunSpec } from '../../engine/index.ts';

/**
 * What a chunk worker serves over comlink: the chunk protocol of engine/sim/montecarlo/executor.ts.
 * The spec travels with every call but is prepared (policies compiled, population drawn) once per
 * `runId` per worker. A worker runs its chunks one after another, pausing after each scenario's
 * iteration so that terminate() stops it at once (web/workers/chunk-worker.ts).
 */
export interface ChunkWorkerApi {
  runChunk(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult>;
}

import { wrap, releaseProxy, type Remote } from 'comlink';
import { WARM_UP_RUN_ID, WARM_UP_TASK } from '../../engine/index.ts';
import type { ChunkExecutor, ChunkResult, ChunkTask, RunSpec } from '../../engine/index.ts';
import type { ChunkWorkerApi } from './chunk-api.ts';

/** Starts one chunk worker; replaceable in tests. */
export type WorkerFactory = () => Worker;

const defaultFactory: WorkerFactory = () =>
  new Worker(new URL('./chunk-worker.ts', import.meta.url), { type: 'module', name: 'cyclecast-chunks' });

interface Lane {
  readonly worker: Worker;
  readonly api: Remote<ChunkWorkerApi>;
  busy: boolean;
  /** Whether the worker has been sent a warm-up run. */
  warmed: boolean;
  /** Rejects the chunk in flight on this lane (worker error or termination). */
  fail?: (error: Error) => void;
}

/**
 * Runs chunks on browser Web Workers, one chunk per worker at a time: the browser counterpart of
 * engine/sim/pool/node-pool.ts. `terminate()` stops chunks in flight at once (a chunk of ten
 * iterations can take seconds); the pool starts fresh workers on its next `run`.
 */
export class WebWorkerPool implements ChunkExecutor {
  readonly concurrency: number;
  private lanes: Lane[] = [];
  private readonly waiting: ((lane: Lane) => void)[] = [];

  /** @param workers number of workers; default: the browser's `navigator.hardwareConcurrency` (at least 1). */
  constructor(
    workers = globalThis.navigator?.hardwareConcurrency || 2,
    private readonly factory: WorkerFactory = defaultFactory,
  ) {
    this.concurrency = Math.max(1, workers);
  }

  async run(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult> {
    const lane = await this.acquire();
    try {
      return await new Promise<ChunkResult>((resolve, reject) => {
        lane.fail = reject;
        lane.api.runChunk(runId, spec, task).then(resolve, (error: unknown) => reject(asError(error)));
      });
    } finally {
      lane.fail = undefined;
      this.release(lane);
    }
  }

  /**
   * Starts every worker now (loading a worker's module and compiling the engine takes a moment), so
   * the first chunk of the next run starts at once; with a warm-up spec (warmUpSpec), each new worker
   * also simulates it, so the engine's code is optimised before the first real chunk.
   */
  warm(warmUp?: RunSpec): void {
    while (this.lanes.length < this.concurrency) this.lanes.push(this.startLane());
    if (!warmUp) return;
    for (const lane of this.lanes) {
      if (lane.warmed) continue;
      lane.warmed = true;
      // A real chunk sent meanwhile waits behind it in the worker; a failed warm-up costs nothing.
      lane.api.runChunk(WARM_UP_RUN_ID, warmUp, WARM_UP_TASK).catch(() => {});
    }
  }

  /** Stops every worker now; chunks in flight reject with an AbortError. */
  terminate(reason = 'the run was cancelled'): void {
    const lanes = this.lanes;
    this.lanes = [];
    for (const lane of lanes) {
      lane.api[releaseProxy]();
      lane.worker.terminate();
      lane.fail?.(new DOMException(reason, 'AbortError'));
    }
    // Callers waiting for a lane get one from a fresh set of workers.
    for (const next of this.waiting.splice(0)) next(this.acquireNow()!);
  }

  async close(): Promise<void> {
    this.terminate('the pool was closed');
  }

  private async acquire(): Promise<Lane> {
    return this.acquireNow() ?? new Promise<Lane>((resolve) => this.waiting.push(resolve));
  }

  private acquireNow(): Lane | undefined {
    let lane = this.lanes.find((l) => !l.busy);
    if (!lane && this.lanes.length < this.concurrency) {
      lane = this.startLane();
      this.lanes.push(lane);
    }
    if (lane) lane.busy = true;
    return lane;
  }

  private release(lane: Lane): void {
    lane.busy = false;
    if (this.waiting.length === 0) return;
    // A lane whose worker failed is gone; a waiter then gets a fresh one.
    const next = this.lanes.includes(lane) ? ((lane.busy = true), lane) : this.acquireNow();
    if (next) this.waiting.shift()!(next);
  }

  private startLane(): Lane {
    const worker = this.factory();
    const lane: Lane = { worker, api: wrap<ChunkWorkerApi>(worker), busy: false, warmed: false };
    worker.addEventListener('error', (event) => {
      event.preventDefault();
      const error = new Error(`a simulation worker failed: ${event.message || 'it could not start'}`);
      this.lanes = this.lanes.filter((l) => l !== lane);
      worker.terminate();
      lane.fail?.(error);
    });
    return lane;
  }
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

// Entry of a browser Web Worker: serves chunk tasks with the same engine code the CLI's pool runs.
import { expose } from 'comlink';
import { chunkSteps, PreparedRunCache } from '../../engine/index.ts';
import type { ChunkResult, ChunkTask, RunSpec } from '../../engine/index.ts';
import type { ChunkWorkerApi } from './chunk-api.ts';

const cache = new PreparedRunCache();

/**
 * Resolves in a task of its own (a message to itself, which no timer clamp delays): a chunk yields there
 * after each iteration, so that `terminate()` stops the worker at once rather than after Chromium's
 * two-second grace for a busy worker.
 */
const nextTask = (() => {
  const channel = new MessageChannel();
  const waiting: (() => void)[] = [];
  channel.port1.onmessage = () => waiting.shift()?.();
  return () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve);
      channel.port2.postMessage(null);
    });
})();

async function runChunk(runId: string, spec: RunSpec, task: ChunkTask): Promise<ChunkResult> {
  const steps = chunkSteps(cache.get(runId, spec), task);
  for (let step = steps.next(); ; step = steps.next()) {
    if (step.done) return step.value;
    await nextTask();
  }
}

/** The chunk before the last one asked for: chunks run one after another, as they did unpaused. */
let queue: Promise<unknown> = Promise.resolve();

const api: ChunkWorkerApi = {
  runChunk: (runId, spec, task) => {
    const result = queue.then(() => runChunk(runId, spec, task));
    queue = result.catch(() => {});
    return result;
  },
};

expose(api);

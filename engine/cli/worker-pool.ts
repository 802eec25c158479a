import { availableParallelism } from 'node:os';
import { InProcessExecutor, type ChunkExecutor } from '../index.ts';
import type { NodeWorkerPool } from '../node.ts';
import { checkWorkers, parseRunSetting } from './options.ts';

/**
 * A pool of `workers` worker threads, its module (and piscina) loaded only now: a run on one worker
 * simulates in process and never loads them.
 */
export async function nodeWorkerPool(workers: number): Promise<NodeWorkerPool> {
  const { NodeWorkerPool } = await import('../node.ts');
  return new NodeWorkerPool(workers);
}

/**
 * The `--workers` option: the machine's cores when absent, with a one-line warning through `warn` when
 * it asks for more than there are.
 */
export function workersOption(text: string | undefined, warn: (line: string) => void): number {
  const cores = availableParallelism();
  return checkWorkers(parseRunSetting('--workers', text, 'workers') ?? cores, cores, warn);
}

/** Where a run's chunks are simulated: in process on one worker, else on a pool of worker threads. */
export async function chunkExecutor(workers: number): Promise<ChunkExecutor> {
  return workers === 1 ? new InProcessExecutor() : nodeWorkerPool(workers);
}

import type { NodeWorkerPool } from '../node.ts';

/**
 * A pool of `workers` worker threads, its module (and piscina) loaded only now: a run on one worker
 * simulates in process and never loads them.
 */
export async function nodeWorkerPool(workers: number): Promise<NodeWorkerPool> {
  const { NodeWorkerPool } = await import('../node.ts');
  return new NodeWorkerPool(workers);
}

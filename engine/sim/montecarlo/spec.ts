import type { KpiId } from '../../result/kpis.ts';
import type { ScenarioInput } from '../setup.ts';

/**
 * A Monte Carlo run: the baseline first, then the challengers, all on the same iterations, seed and
 * horizon (common random numbers make their paired deltas meaningful).
 */
export interface RunSpec {
  readonly scenarios: readonly ScenarioInput[];
  readonly horizonMonths: number;
  readonly iterations: number;
  readonly seed: number;
  /** Iterations per chunk. Fixed for a run: chunks merge in order, so results do not depend on workers. */
  readonly chunkSize: number;
  /**
   * A KPI whose value the run also returns per iteration, in iteration order (MonteCarloAggregates
   * `kpiValues`): what a sensitivity analysis correlates with the iteration's drawn assumptions.
   */
  readonly trackKpi?: KpiId;
}

/** A chunk of iterations [first, first + count). */
export interface ChunkTask {
  readonly index: number;
  readonly first: number;
  readonly count: number;
}

/**
 * The first iteration of chunk `index`. Chunk 0 holds one iteration, so the first partial result
 * arrives as soon as one iteration of every scenario is done; every later chunk holds `chunkSize`.
 * @example chunkStart(3, 10) // 21: chunks are [0], [1..10], [11..20], [21..30], …
 */
export function chunkStart(index: number, chunkSize: number): number {
  return index === 0 ? 0 : 1 + (index - 1) * chunkSize;
}

/** Splits iterations into chunks (see chunkStart). @example chunkTasks(25, 10) // [0], [1..10], [11..20], [21..24] */
export function chunkTasks(iterations: number, chunkSize: number): ChunkTask[] {
  const tasks: ChunkTask[] = [];
  for (let index = 0; chunkStart(index, chunkSize) < iterations; index++) {
    const first = chunkStart(index, chunkSize);
    tasks.push({ index, first, count: Math.min(chunkStart(index + 1, chunkSize), iterations) - first });
  }
  return tasks;
}

/** Chunks [first, end) of a run's chunk list (end exclusive), by chunk index. */
export interface ChunkRange {
  readonly first: number;
  readonly end: number;
}

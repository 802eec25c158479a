import type { PolicyKind } from '../../policy/catalogue/index.ts';
import type { ParameterValue, RuleSet } from '../../policy/rule-set.ts';
import type { PortfolioSpec } from '../../portfolio/index.ts';
import type { World } from '../../world/assumptions.ts';

/** One scenario as the simulator needs it: plain JSON, so it crosses to Node and browser workers as is. */
export interface ScenarioInput {
  readonly name: string;
  readonly ruleSets: Readonly<Record<PolicyKind, RuleSet>>;
  readonly parameters: Readonly<Record<PolicyKind, Readonly<Record<string, ParameterValue>>>>;
  readonly world: World;
  readonly portfolio: PortfolioSpec;
}

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
}

/**
 * Iterations per chunk. Summaries are exact for any chunking (engine/stats), so this only trades the
 * first partial result (sooner with small chunks) against per-chunk merge overhead (~3% at 2).
 */
export const DEFAULT_CHUNK_SIZE = 2;

/** A chunk of iterations [first, first + count). */
export interface ChunkTask {
  readonly index: number;
  readonly first: number;
  readonly count: number;
}

/** Splits iterations into fixed chunks. @example chunkTasks(25, 10) // [0..9], [10..19], [20..24] */
export function chunkTasks(iterations: number, chunkSize: number): ChunkTask[] {
  const tasks: ChunkTask[] = [];
  for (let first = 0, index = 0; first < iterations; first += chunkSize, index++) {
    tasks.push({ index, first, count: Math.min(chunkSize, iterations - first) });
  }
  return tasks;
}

/** Chunks [first, end) of a run's chunk list (end exclusive), by chunk index. */
export interface ChunkRange {
  readonly first: number;
  readonly end: number;
}

/** The random-stream figures of random.bench.ts, run in a child process (random-child.ts). */
import { runChild } from './child.ts';
import type { RandomBenchResult } from './random.bench.ts';

export interface RandomSuiteResult extends RandomBenchResult {
  /** Times the whole set of contenders was timed; each figure is the median. */
  readonly repetitions: number;
  /** Minimum time per contender per repetition, ms. */
  readonly minMsPerFigure: number;
}

export function runRandomSuite(options: { quick: boolean }): Promise<RandomSuiteResult> {
  return runChild<RandomSuiteResult>('random-child.ts', options.quick ? ['1', '50'] : ['5', '300']);
}

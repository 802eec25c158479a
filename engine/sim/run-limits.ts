/** One run setting: accepted range (inclusive), default, the unit people read it in, what it means. */
export interface RunLimit {
  readonly min: number;
  readonly max: number;
  /** Absent when the default depends on the machine (workers: its cores). */
  readonly default?: number;
  readonly unit: string;
  readonly description: string;
}

/**
 * Every run setting's limits and default, in one place: a scenario's `run` block, the CLI's flags
 * (--iterations, --seed, --horizon, --workers, --iteration), the JSON Schema and the workbench read them.
 */
export const RUN_LIMITS = {
  horizonMonths: {
    min: 1,
    max: 600,
    default: 120,
    unit: 'months',
    description: 'months simulated from month 0',
  },
  iterations: {
    min: 1,
    max: 1_000_000,
    default: 200,
    unit: 'iterations',
    description: 'Monte Carlo iterations',
  },
  seed: {
    min: 0,
    max: 2 ** 31 - 1,
    default: 1,
    unit: 'a whole number',
    description:
      'seed of every random stream: scenarios compared on the same seed see the same customers and the same luck',
  },
  /**
   * Iterations per chunk after the first. Summaries are exact for any chunking (engine/stats), so this
   * only trades progress granularity against per-chunk merge overhead (measured: chunks of 1 iteration
   * cost ~5% more run time than chunks of 2 on 2 workers).
   */
  chunkSize: {
    min: 1,
    max: 1_000_000,
    default: 2,
    unit: 'iterations per chunk',
    description: 'iterations per chunk after the first (chunk 0 holds one)',
  },
  workers: {
    min: 1,
    max: 256,
    unit: 'worker threads',
    description: 'worker threads the run spreads its chunks over (default: one per core)',
  },
} as const satisfies Readonly<Record<string, RunLimit>>;

/**
 * When a run that stops on precision (`--precision`, a scenario's `run.precision`) looks at its
 * interval: never before `minIterations` (a standard error from fewer is itself too noisy to trust),
 * then each time the merged iterations pass the next multiple of `batch` beyond it. Checks fall on the
 * fixed chunk order, never on timing, so the stopping point is the same for any number of workers.
 */
export const PRECISION_CHECKS = {
  minIterations: 30,
  batch: 10,
} as const;

import type { ChunkTask, RunSpec } from './spec.ts';
import type { ScenarioInput } from '../setup.ts';

/** The run id of warm-up chunks: never a real run's (those are content hashes). */
export const WARM_UP_RUN_ID = 'warm-up';

/** The one chunk a warm-up runs. */
export const WARM_UP_TASK: ChunkTask = { index: 0, first: 0, count: 1 };

/** Starting book and months of a warm-up run: enough for the optimising compiler, ~0.1 s warm. */
const WARM_UP_CONTRACTS = 1000;
const WARM_UP_MONTHS = 36;

/**
 * A small run of `scenarios` that a worker can simulate before the first real chunk, and throw away.
 * JavaScript engines optimise the monthly steps only after they have run a while, so a cold worker's
 * first iteration runs about twice as slowly as later ones: measured in Chromium, the first partial
 * result of baseline vs all-in came after 2.1 s in fresh workers and 1.2 s after a short run. A
 * workbench warms its workers with this while the reader is still choosing what to run.
 */
export function warmUpSpec(scenarios: readonly ScenarioInput[]): RunSpec {
  return {
    scenarios: scenarios.map((s) => ({ ...s, portfolio: { ...s.portfolio, contracts: WARM_UP_CONTRACTS } })),
    horizonMonths: WARM_UP_MONTHS,
    iterations: 1,
    seed: 1,
    chunkSize: 1,
  };
}

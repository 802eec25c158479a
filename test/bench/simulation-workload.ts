/**
 * The simulation benchmark's workloads, run inside a child process (simulation-child.ts): the shipped
 * scenarios resized to the benchmark's portfolio and horizon, Monte Carlo runs on 1 or N workers, and
 * the contract-months a run simulated.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readScenario, scenarioInput } from '../../engine/cli/scenarios.ts';
import { runMonteCarlo } from '../../engine/sim/montecarlo/driver.ts';
import { InProcessExecutor, type ChunkExecutor } from '../../engine/sim/montecarlo/executor.ts';
import type { RunSpec } from '../../engine/sim/montecarlo/spec.ts';
import type { ScenarioInput } from '../../engine/sim/setup.ts';
import { NodeWorkerPool } from '../../engine/sim/pool/node-pool.ts';

export interface Workload {
  /** Folder holding baseline.json and the challengers. */
  readonly scenarios: string;
  /** Starting book size, contracts (replaces the scenario's). */
  readonly contracts: number;
  readonly horizonMonths: number;
  readonly iterations: number;
  readonly chunkSize: number;
  readonly seed: number;
}

/** A scenario file read and validated, with the benchmark's portfolio size. */
export async function scenarioAt(file: string, contracts: number): Promise<ScenarioInput> {
  const input = scenarioInput(await readScenario(file));
  return { ...input, portfolio: { ...input.portfolio, contracts } };
}

/**
 * The first `count` challengers in the folder (file name order): every `*.json` but baseline.json and
 * JSON Schemas that loads as a valid scenario.
 */
export async function challengerFiles(folder: string, count: number): Promise<string[]> {
  const names = (await readdir(folder))
    .filter((name) => name.endsWith('.json') && name !== 'baseline.json' && !name.endsWith('.schema.json'))
    .sort();
  const found: string[] = [];
  for (const name of names) {
    if (found.length === count) break;
    try {
      await readScenario(join(folder, name));
      found.push(join(folder, name));
    } catch {
      // Not a valid scenario (an example of an error, a fragment): not a challenger to time.
    }
  }
  return found;
}

export function runSpec(scenarios: readonly ScenarioInput[], workload: Workload): RunSpec {
  return {
    scenarios,
    horizonMonths: workload.horizonMonths,
    iterations: workload.iterations,
    seed: workload.seed,
    chunkSize: workload.chunkSize,
  };
}

/** `--workers 1` runs in this thread, as the CLI does; more run on Node worker threads. */
export function executorFor(workers: number): ChunkExecutor {
  return workers === 1 ? new InProcessExecutor() : new NodeWorkerPool(workers);
}

export { runMonteCarlo };
export { contractMonths } from './contract-months.ts';

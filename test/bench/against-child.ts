/**
 * Child-process entry of `--against` (against.ts): one Monte Carlo run of a build's own baseline
 * scenario, timed, in a fresh process. The engine is loaded from the build named on the command line,
 * so the same entry times the reference build and the current one:
 *   against-child.ts BUILD_ROOT WORKLOAD_JSON WORKERS
 * BUILD_ROOT is a checkout whose dist/ holds its compiled engine (bin/build-cli.js); its
 * scenarios/baseline.json is the workload's scenario, resized to the workload's contracts.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { reply } from './child.ts';
import { contractMonths } from './contract-months.ts';
import type { Workload } from './simulation-workload.ts';

export interface AgainstReply {
  readonly contractMonthsPerRun: number;
  /** Wall time of the measured run (after one warm-up run in the same process), seconds. */
  readonly seconds: number;
}

/** The engine modules a run needs, as every build since the chunked Monte Carlo driver lays them out. */
const MODULES = {
  scenarios: 'dist/engine/cli/scenarios.js',
  driver: 'dist/engine/sim/montecarlo/driver.js',
  executor: 'dist/engine/sim/montecarlo/executor.js',
  pool: 'dist/engine/sim/pool/node-pool.js',
  tuning: 'dist/engine/sim/pool/v8-tuning.js',
} as const;

const [root, workloadJson, workersArg] = process.argv.slice(2);
if (root === undefined || workloadJson === undefined || workersArg === undefined)
  throw new Error('usage: against-child.ts BUILD_ROOT WORKLOAD_JSON WORKERS');
const workload = JSON.parse(workloadJson) as Workload;
const workers = Number(workersArg);

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- another build's modules: typed by its own sources
const load = async (name: keyof typeof MODULES): Promise<any> => {
  const file = join(root, MODULES[name]);
  try {
    return await import(pathToFileURL(file).href);
  } catch (error) {
    throw new Error(`invalid build at ${root}: cannot load ${MODULES[name]} (${String(error)})`);
  }
};

const [scenarios, driver, executors, pool] = await Promise.all([
  load('scenarios'),
  load('driver'),
  load('executor'),
  load('pool'),
]);
// As the build's own CLI does, when it has the tuning.
(await load('tuning').catch(() => undefined))?.tuneV8ForSimulation?.();

const input = scenarios.scenarioInput(await scenarios.readScenario(join(root, 'scenarios', 'baseline.json')));
const spec = {
  scenarios: [{ ...input, portfolio: { ...input.portfolio, contracts: workload.contracts } }],
  horizonMonths: workload.horizonMonths,
  iterations: workload.iterations,
  seed: workload.seed,
  chunkSize: workload.chunkSize,
};
const executor = workers === 1 ? new executors.InProcessExecutor() : new pool.NodeWorkerPool(workers);
try {
  // One warm-up run: compiled code, workers started and the run prepared, as in the measured rounds
  // of the throughput figures.
  await driver.runMonteCarlo(spec, executor);
  const start = performance.now();
  const result = await driver.runMonteCarlo(spec, executor);
  const seconds = (performance.now() - start) / 1000;
  reply({ contractMonthsPerRun: contractMonths(result), seconds } satisfies AgainstReply);
} finally {
  await executor.close();
}

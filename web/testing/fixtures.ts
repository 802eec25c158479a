// Shared by the workbench's Node tests: the small fixture scenarios, run for real.
import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  InProcessExecutor,
  loadScenario,
  RUN_CHOICES,
  RUN_LIMITS,
  runMonteCarlo,
  scenarioInput,
} from '../../engine/index.ts';
import type { MonteCarloResult, ReadFile } from '../../engine/index.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** Reads repository files by path from the repository root, as the CLI does from its working folder. */
export const diskRead: ReadFile = (path) => fs.readFile(`${ROOT}${path}`, 'utf8');

export const FIXTURE_BASELINE = 'test/fixtures/scenarios/passing/baseline.json';
export const FIXTURE_TCM = 'test/fixtures/scenarios/passing/tcm.json';
export const FIXTURE_SPEED = 'test/fixtures/scenarios/passing/speed.json';

const cache = new Map<string, Promise<MonteCarloResult>>();

/** The fixture baseline against its challengers (300 contracts, 24 months), `iterations` iterations, seed 5. */
export function fixtureResult(
  paths: readonly string[] = [FIXTURE_BASELINE, FIXTURE_TCM],
  iterations = 12,
): Promise<MonteCarloResult> {
  const key = `${paths.join()}|${iterations}`;
  let result = cache.get(key);
  if (!result) {
    result = (async () => {
      const scenarios = [];
      for (const path of paths) {
        const { scenario, problems } = await loadScenario(path, diskRead);
        if (!scenario) throw new Error(problems.map((p) => p.message).join('\n'));
        scenarios.push(scenarioInput(scenario));
      }
      const spec = {
        scenarios,
        iterations,
        seed: 5,
        horizonMonths: 24,
        chunkSize: RUN_LIMITS.chunkSize.default,
        // The run block's defaults, as runSpec fills them for the workbench's runs.
        uncertainty: RUN_CHOICES.uncertainty.default,
        population: RUN_CHOICES.population.default,
        stress: RUN_CHOICES.stress.default,
      };
      return runMonteCarlo(spec, new InProcessExecutor());
    })();
    cache.set(key, result);
  }
  return result;
}

import type { MonteCarloResult } from './run.ts';

/**
 * The name a reader sees for the scenario called `name` in `result`: the title its file gave (carried
 * in the manifest), else its name (the file slug by default). Names stay the identifiers in CSV and JSON.
 */
export function scenarioTitle(result: Pick<MonteCarloResult, 'manifest'>, name: string): string {
  return result.manifest.scenarios.find((s) => s.name === name)?.title ?? name;
}

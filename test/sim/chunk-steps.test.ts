import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/cli/scenarios.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import { chunkSteps, prepareRun, runChunk } from '../../engine/sim/montecarlo/chunk.ts';
import type { RunSpec } from '../../engine/sim/montecarlo/spec.ts';

/** Baseline and tcm on a small book, a year. */
async function spec(): Promise<RunSpec> {
  const scenarios = await Promise.all(
    ['baseline', 'tcm'].map(async (name) => {
      const input = scenarioInput(await readScenario(`scenarios/${name}.json`));
      return { ...input, portfolio: { ...input.portfolio, contracts: 100 } };
    }),
  );
  return { scenarios, iterations: 2, seed: 5, horizonMonths: 12, chunkSize: 2 };
}

describe('a chunk in steps (what a browser worker runs, pausing between them)', () => {
  it('pauses after each scenario’s iteration but the last, and ends with runChunk’s result', async () => {
    const task = { index: 1, first: 1, count: 2 };
    const steps = chunkSteps(prepareRun(await spec()), task);
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    // Two iterations of two scenarios: four scenario-iterations, a pause between each.
    expect(pauses).toBe(3);
    expect(JSON.stringify(step.value)).toBe(JSON.stringify(runChunk(prepareRun(await spec()), task)));
  });
});

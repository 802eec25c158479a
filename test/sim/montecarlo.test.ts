import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/cli/scenarios.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import { prepareRun } from '../../engine/sim/montecarlo/chunk.ts';
import { runMonteCarlo } from '../../engine/sim/montecarlo/driver.ts';
import { InProcessExecutor } from '../../engine/sim/montecarlo/executor.ts';
import type { RunSpec } from '../../engine/sim/montecarlo/spec.ts';
import type { ScenarioInput } from '../../engine/sim/setup.ts';
import { WARM_UP_RUN_ID, WARM_UP_TASK, warmUpSpec } from '../../engine/sim/montecarlo/warm-up.ts';
import { NodeWorkerPool } from '../../engine/sim/pool/node-pool.ts';

const fixture = 'test/fixtures/scenarios/passing';

async function spec(files: string[], iterations = 12, chunkSize = 4): Promise<RunSpec> {
  const scenarios: ScenarioInput[] = [];
  for (const file of files) scenarios.push(scenarioInput(await readScenario(`${fixture}/${file}`)));
  return { scenarios, iterations, seed: 5, horizonMonths: 18, chunkSize };
}

describe('Monte Carlo driver', () => {
  // With and without uncertainty (assumptions and population drawn per iteration) on one pool:
  // starting a pool's threads costs more than the runs.
  it('gives byte-identical JSON on 1 and on 2 worker threads, with and without uncertainty', async () => {
    const run = await spec(['baseline.json', 'tcm.json']);
    const uncertain: RunSpec = {
      ...run,
      iterations: 8,
      horizonMonths: 12,
      chunkSize: 3,
      uncertainty: true,
      population: 'per-iteration',
    };
    const pool = new NodeWorkerPool(2);
    try {
      for (const r of [run, uncertain]) {
        const one = await runMonteCarlo(r, new InProcessExecutor());
        const two = await runMonteCarlo(r, pool);
        expect(JSON.stringify(two)).toBe(JSON.stringify(one));
      }
    } finally {
      await pool.close();
    }
  });

  it('gives the same result after a warm-up run in the same worker', async () => {
    const run = await spec(['baseline.json', 'tcm.json']);
    const warmUp = warmUpSpec(run.scenarios);
    expect(warmUp.iterations).toBe(1);
    expect(warmUp.scenarios.map((s) => s.portfolio.contracts)).toEqual([1000, 1000]);
    const fresh = await runMonteCarlo(run, new InProcessExecutor());
    const warmed = new InProcessExecutor();
    const chunk = await warmed.run(WARM_UP_RUN_ID, warmUp, WARM_UP_TASK);
    expect(chunk.runs.map((r) => r.iterations)).toEqual([1, 1]);
    expect(JSON.stringify(await runMonteCarlo(run, warmed))).toBe(JSON.stringify(fresh));
  });

  it('compares a scenario with itself to exactly zero deltas (common random numbers)', async () => {
    const run = await spec(['baseline.json', 'baseline.json']);
    const result = await runMonteCarlo(run, new InProcessExecutor());
    const kpis = result.comparisons[0]!.summary.kpis;
    expect(kpis.length).toBeGreaterThan(20);
    for (const kpi of kpis) {
      expect(kpi.allZero, kpi.id).toBe(true);
      expect(kpi.ci95, kpi.id).toEqual([0, 0]);
    }
  });

  it('reports progress in chunk order, with partial results that refine', async () => {
    const run = await spec(['baseline.json'], 12, 4);
    const seen: number[] = [];
    const partialIterations: number[] = [];
    await runMonteCarlo(run, new InProcessExecutor(), {
      partialResults: true,
      onProgress: (p) => {
        seen.push(p.completedIterations);
        partialIterations.push(p.partial!.scenarios[0]!.summary.iterations);
      },
    });
    // Chunk 0 holds one iteration, so the first partial result comes after one; then chunks of 4.
    expect(seen).toEqual([1, 5, 9, 12]);
    expect(partialIterations).toEqual([1, 5, 9, 12]);
  });

  it('stops when cancelled', async () => {
    const run = await spec(['baseline.json'], 40, 4);
    const controller = new AbortController();
    let chunks = 0;
    const pending = runMonteCarlo(run, new InProcessExecutor(), {
      signal: controller.signal,
      onProgress: () => {
        if (++chunks === 2) controller.abort();
      },
    });
    await expect(pending).rejects.toThrow(/abort/i);
    expect(chunks).toBe(2);
  });

  it('records what the result was computed from, with no timestamps', async () => {
    const run = await spec(['baseline.json', 'tcm.json']);
    const a = await runMonteCarlo(run, new InProcessExecutor());
    expect(a.manifest).toMatchObject({
      engine: 'cyclecast',
      seed: 5,
      iterations: 12,
      horizonMonths: 18,
      chunkSize: 4,
    });
    expect(a.manifest.scenarios.map((s) => s.name)).toEqual(['baseline', 'tcm']);
    expect(a.manifest.scenarios[0]!.ruleSets.engagement.name).toBe('reactive');
    expect(a.manifest.scenarios[1]!.ruleSets.engagement.name).toBe('tcm');
    expect(a.manifest.scenarios[0]!.hash).not.toBe(a.manifest.scenarios[1]!.hash);
    expect(JSON.stringify(a.manifest)).not.toMatch(/20\d\d-\d\d-\d\d/);
  });

  it('generates a portfolio shared by compared scenarios once, and a different one apart', async () => {
    const same = prepareRun(await spec(['baseline.json', 'tcm.json']));
    expect(same.setups[1]!.population).toBe(same.setups[0]!.population);
    const run = await spec(['baseline.json', 'tcm.json']);
    const bigger = { ...run.scenarios[1]!, portfolio: { ...run.scenarios[1]!.portfolio, contracts: 400 } };
    const apart = prepareRun({ ...run, scenarios: [run.scenarios[0]!, bigger] });
    expect(apart.setups[1]!.population).not.toBe(apart.setups[0]!.population);
    expect(apart.setups[1]!.population.contracts.count).toBe(400);
  });
});

import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/cli/scenarios.ts';
import { generatePortfolio } from '../../engine/portfolio/index.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import { prepareRun } from '../../engine/sim/montecarlo/chunk.ts';
import { runMonteCarlo } from '../../engine/sim/montecarlo/driver.ts';
import { InProcessExecutor } from '../../engine/sim/montecarlo/executor.ts';
import type { RunSpec } from '../../engine/sim/montecarlo/spec.ts';
import { runIteration } from '../../engine/sim/iteration.ts';
import type { ScenarioInput } from '../../engine/sim/setup.ts';

const fixture = 'test/fixtures/scenarios/passing';

async function spec(files: string[], extra: Partial<RunSpec> = {}): Promise<RunSpec> {
  const scenarios: ScenarioInput[] = [];
  for (const file of files) scenarios.push(scenarioInput(await readScenario(`${fixture}/${file}`)));
  return {
    scenarios,
    iterations: 8,
    seed: 5,
    horizonMonths: 12,
    chunkSize: 3,
    uncertainty: true,
    population: 'per-iteration',
    ...extra,
  };
}

describe('a run with uncertainty', () => {
  // Byte-identical on 1 and on 2 worker threads: test/sim/montecarlo.test.ts, on the pool it starts.

  it('compares a scenario with itself to exactly zero deltas', async () => {
    const result = await runMonteCarlo(
      await spec(['baseline.json', 'baseline.json']),
      new InProcessExecutor(),
    );
    for (const kpi of result.comparisons[0]!.summary.kpis) expect(kpi.allZero, kpi.id).toBe(true);
  });

  it('is wider than the point-assumption run of the same scenario', async () => {
    const on = await runMonteCarlo(await spec(['baseline.json']), new InProcessExecutor());
    const off = await runMonteCarlo(
      await spec(['baseline.json'], { uncertainty: false, population: 'fixed' }),
      new InProcessExecutor(),
    );
    const sd = (r: typeof on) => r.scenarios[0]!.summary.kpis.find((k) => k.id === 'profit.npv')!.sd!;
    expect(sd(on)).toBeGreaterThan(sd(off));
    expect(on.manifest).toMatchObject({ uncertainty: true, population: 'per-iteration' });
  });

  it('draws the same assumption values for every scenario of a comparison, whatever its policies', async () => {
    const run = prepareRun(await spec(['baseline.json', 'tcm.json', 'speed.json']));
    for (const i of [0, 3]) {
      const [b, t, s] = run.setups.map((setup) => runIteration(setup, i));
      expect(b!.assumptionScores).toBeDefined();
      expect(t!.assumptionScores).toEqual(b!.assumptionScores);
      expect(s!.assumptionScores).toEqual(b!.assumptionScores);
      expect(run.setups[1]!.uncertain!.world.economics).toEqual(run.setups[0]!.uncertain!.world.economics);
    }
  });

  it('redraws the population per iteration into the same tables, iteration 0 being the pinned one', async () => {
    const run = prepareRun(await spec(['baseline.json']));
    const setup = run.setups[0]!;
    const fixed = generatePortfolio(setup.portfolio, 5);
    const tiers = setup.population.customers.creditTier;
    runIteration(setup, 0);
    expect(setup.population.customers.creditTier).toBe(tiers);
    expect(setup.population).toEqual(fixed);
    runIteration(setup, 1);
    expect(setup.population.customers.creditTier).toBe(tiers);
    expect(setup.population.vehicles.msrp).not.toEqual(fixed.vehicles.msrp);
  });

  it('replays a named stress: the factor pinned and the crash of that year scheduled', async () => {
    const run = prepareRun(await spec(['baseline.json'], { stress: '2008', uncertainty: false }));
    const setup = run.setups[0]!;
    expect(setup.uncertain?.world.market.priceIndex).toMatchObject({
      shockSize: -0.105,
      jumpRecoveryMonths: 7,
    });
    const stressed = await runMonteCarlo(
      await spec(['baseline.json'], { stress: '2008', uncertainty: false, population: 'fixed' }),
      new InProcessExecutor(),
    );
    const calm = await runMonteCarlo(
      await spec(['baseline.json'], { uncertainty: false, population: 'fixed' }),
      new InProcessExecutor(),
    );
    const loss = (r: typeof calm) =>
      r.scenarios[0]!.summary.kpis.find((k) => k.id === 'pnl.creditLoss')!.mean!;
    expect(loss(stressed)).toBeLessThan(loss(calm));
    expect(stressed.manifest.stress).toBe('2008');
  });
});

import { describe, expect, it } from 'vitest';
import { readScenario } from '../../engine/cli/scenarios.ts';
import { scenarioInput } from '../../engine/scenario/input.ts';
import { prepareRun, runChunk } from '../../engine/sim/montecarlo/chunk.ts';
import type { RunSpec } from '../../engine/sim/montecarlo/spec.ts';

/** Shipped scenarios on a small book: baseline and tcm share a leads policy, speed-to-lead does not. */
async function spec(names: string[]): Promise<RunSpec> {
  const scenarios = await Promise.all(
    names.map(async (name) => {
      const input = scenarioInput(await readScenario(`scenarios/${name}.json`));
      return { ...input, portfolio: { ...input.portfolio, contracts: 200 } };
    }),
  );
  return {
    scenarios,
    iterations: 4,
    seed: 7,
    horizonMonths: 12,
    chunkSize: 2,
    uncertainty: true,
    population: 'per-iteration',
  };
}

describe('leads shared across the scenarios of a run', () => {
  it('shares one lead stream between scenarios with equal leads inputs, by content', async () => {
    const run = prepareRun(await spec(['baseline', 'tcm', 'speed-to-lead', 'segmented-dunning']));
    const [baseline, tcm, speedToLead, dunning] = run.setups.map((s) => s.sim.leadStream);
    expect(baseline).not.toBeNull();
    expect(tcm).toBe(baseline);
    expect(dunning).toBe(baseline);
    expect(speedToLead).toBeNull();
  });

  it('gives results identical to drawing every scenario’s leads itself', async () => {
    const names = ['baseline', 'speed-to-lead', 'tcm'];
    const shared = prepareRun(await spec(names));
    const own = prepareRun(await spec(names));
    for (const setup of own.setups) setup.sim.leadStream = null;
    for (const task of [
      { index: 0, first: 0, count: 1 },
      { index: 1, first: 1, count: 1 },
    ]) {
      const a = runChunk(shared, task);
      // The challengers after the baseline replayed the baseline's leads: the sharing was exercised.
      expect(shared.setups.map((s) => s.sim.replayingLeads)).toEqual([false, false, true]);
      expect(JSON.stringify(a)).toBe(JSON.stringify(runChunk(own, task)));
    }
  });

  it('draws the leads anew when the shared stream holds another iteration', async () => {
    const run = prepareRun(await spec(['baseline', 'tcm']));
    runChunk(run, { index: 0, first: 0, count: 1 });
    // tcm alone on iteration 3: the stream holds iteration 0, so it must draw (and record) its own.
    const alone = prepareRun(await spec(['tcm']));
    const [mixed] = runChunk(
      { spec: run.spec, setups: [run.setups[1]!] },
      { index: 1, first: 3, count: 1 },
    ).runs;
    expect(run.setups[1]!.sim.replayingLeads).toBe(false);
    expect(JSON.stringify(mixed)).toBe(
      JSON.stringify(runChunk(alone, { index: 1, first: 3, count: 1 }).runs[0]),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { DECIDES_NONE, UNDECIDED } from '../../engine/policy/compile/index.ts';
import { runIteration } from '../../engine/sim/iteration.ts';
import type { IterationResult } from '../../engine/result/iteration.ts';
import { KPIS } from '../../engine/result/kpis.ts';
import { setupOf, type Scenario } from './helpers.ts';

const ITERATIONS = [0, 1, 7];

function expectIdentical(a: IterationResult, b: IterationResult): void {
  expect(Array.from(b.kpis)).toEqual(Array.from(a.kpis));
  expect(Array.from(b.series)).toEqual(Array.from(a.series));
  for (const dimension of Object.keys(a.breakdowns) as (keyof IterationResult['breakdowns'])[]) {
    expect(b.breakdowns[dimension].groups).toEqual(a.breakdowns[dimension].groups);
    expect(Array.from(b.breakdowns[dimension].values)).toEqual(Array.from(a.breakdowns[dimension].values));
  }
  for (const kind of Object.keys(a.coverage) as (keyof IterationResult['coverage'])[]) {
    expect(b.coverage[kind].decisions).toBe(a.coverage[kind].decisions);
    expect(Array.from(b.coverage[kind].fired)).toEqual(Array.from(a.coverage[kind].fired));
  }
}

const leadKpis = KPIS.map((k, i) => [k.id, i] as const).filter(([id]) => id.startsWith('leads.'));

describe('determinism', () => {
  it('gives identical results for the same setup, seed and iteration, whatever ran in between', () => {
    const setup = setupOf({ portfolio: { contracts: 500 } });
    const first = ITERATIONS.map((i) => runIteration(setup, i));
    // The setup's state is reused: running other iterations in another order must not leak into results.
    const again = [...ITERATIONS]
      .reverse()
      .map((i) => runIteration(setup, i))
      .reverse();
    first.forEach((r, k) => expectIdentical(r, again[k]!));
  });

  it('gives different luck to different iterations', () => {
    const setup = setupOf();
    const a = runIteration(setup, 0);
    const b = runIteration(setup, 1);
    expect(Array.from(a.kpis)).not.toEqual(Array.from(b.kpis));
  });
});

describe('engagement decisions settled by months to end', () => {
  for (const engagement of ['reactive', 'tcm']) {
    it(`give the results of evaluating every contract-month in full (${engagement})`, () => {
      const settled = setupOf({ engagement, portfolio: { contracts: 800 } });
      const full = setupOf({ engagement, portfolio: { contracts: 800 } });
      full.sim.engagementSettled.table.fill(UNDECIDED);
      for (const i of ITERATIONS) expectIdentical(runIteration(settled, i), runIteration(full, i));
      // Far from the end of term both shipped rule sets wait, without loading a fact.
      const sim = settled.sim;
      const far = sim.engagementSettled.at(30, 0, 6);
      expect(far).toBeGreaterThanOrEqual(0);
      expect(sim.engagement.policy.rules[far]!.name).toMatch(/^wait-until-/);
      expect(sim.engagementSettled.table.filter((d) => d >= DECIDES_NONE).length).toBeGreaterThan(30);
    });
  }
});

describe('common random numbers', () => {
  it('a scenario compared with itself (two independent setups) has every KPI identical', () => {
    const scenario: Scenario = {
      engagement: 'tcm',
      leads: 'bdc',
      dunning: 'segmented',
      remarketing: 'three-cycle',
    };
    const a = setupOf(scenario);
    const b = setupOf(scenario);
    for (const i of ITERATIONS) expectIdentical(runIteration(a, i), runIteration(b, i));
  });

  it('swapping only the dunning policy leaves every lead KPI exactly unchanged', () => {
    const uniform = setupOf({ dunning: 'uniform', portfolio: { contracts: 600 } });
    const segmented = setupOf({ dunning: 'segmented', portfolio: { contracts: 600 } });
    let creditDiffers = false;
    for (const i of ITERATIONS) {
      const a = runIteration(uniform, i);
      const b = runIteration(segmented, i);
      for (const [id, k] of leadKpis) expect([id, b.kpis[k]]).toEqual([id, a.kpis[k]]);
      expect(b.coverage.leads.decisions).toBe(a.coverage.leads.decisions);
      expect(Array.from(b.coverage.leads.fired)).toEqual(Array.from(a.coverage.leads.fired));
      if (a.kpis.some((x, k) => x !== b.kpis[k] && !(Number.isNaN(x) && Number.isNaN(b.kpis[k]!))))
        creditDiffers = true;
    }
    // The comparison is not vacuous: the dunning policies do change other KPIs.
    expect(creditDiffers).toBe(true);
  });

  it('swapping only the engagement or the remarketing policy leaves every lead KPI unchanged too', () => {
    const base = setupOf({ engagement: 'reactive', remarketing: 'three-cycle' });
    const tcm = setupOf({ engagement: 'tcm', remarketing: 'three-cycle' });
    const wholesale = setupOf({ engagement: 'reactive', remarketing: 'wholesale-at-return' });
    const a = runIteration(base, 3);
    for (const other of [tcm, wholesale]) {
      const b = runIteration(other, 3);
      for (const [id, k] of leadKpis) expect([id, b.kpis[k]]).toEqual([id, a.kpis[k]]);
    }
  });
});

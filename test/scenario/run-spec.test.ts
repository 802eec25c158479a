import { describe, expect, it } from 'vitest';
import { runSpec } from '../../engine/scenario/input.ts';
import { RUN_LIMITS } from '../../engine/sim/run-limits.ts';
import { BASELINE_POLICIES, loadValid } from './helpers.ts';

const files = {
  'scenarios/base.json': JSON.stringify({
    policies: BASELINE_POLICIES,
    run: { iterations: 40, seed: 7, horizonMonths: 36 },
  }),
  'scenarios/other.json': JSON.stringify({ policies: BASELINE_POLICIES, run: { seed: 99 } }),
};

describe('runSpec', () => {
  it("runs every scenario on the baseline's settings, in chunks of the default size", async () => {
    const base = await loadValid(files, 'scenarios/base.json');
    const other = await loadValid(files, 'scenarios/other.json');
    const spec = runSpec([base, other]);
    expect([spec.iterations, spec.seed, spec.horizonMonths]).toEqual([40, 7, 36]);
    expect(spec.chunkSize).toBe(RUN_LIMITS.chunkSize.default);
    expect(spec.scenarios.map((s) => s.name)).toEqual([base.name, other.name]);
  });

  it('lets flags override a setting and keeps the rest', async () => {
    const base = await loadValid(files, 'scenarios/base.json');
    const spec = runSpec([base], { iterations: 3 }, 5);
    expect([spec.iterations, spec.seed, spec.horizonMonths, spec.chunkSize]).toEqual([3, 7, 36, 5]);
  });
});

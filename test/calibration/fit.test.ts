import { describe, expect, it } from 'vitest';
import { calibrate } from '../../engine/calibration/calibrate.ts';
import { fitParameter } from '../../engine/calibration/fit.ts';
import type { CalibrationTarget } from '../../engine/calibration/targets.ts';
import { withValue } from '../../engine/calibration/world-path.ts';
import { readScenario } from '../../engine/cli/scenarios.ts';

const FIXTURE = 'test/fixtures/scenarios/passing/baseline.json';
const SETTINGS = { iterations: 2, seed: 11, horizonMonths: 24, maxEvaluations: 12, passes: 1 };

describe('fitParameter', () => {
  it('finds a root of a monotone function inside its bracket', () => {
    const fit = fitParameter((x) => x * x, 0.25, [0, 1], 1e-6, 30);
    expect(fit.status).toBe('fitted');
    expect(fit.value).toBeCloseTo(0.5, 3);
  });

  it('says when the target lies beyond the bracket, with the nearer end', () => {
    const fit = fitParameter((x) => x, 2, [0, 1], 1e-6, 30);
    expect(fit).toMatchObject({ status: 'out of range', value: 1, evaluations: 2 });
  });

  it('stops after its evaluations and keeps the best it saw', () => {
    const fit = fitParameter((x) => Math.cbrt(x - 0.3), 0, [0, 1], 1e-12, 4);
    expect(fit.evaluations).toBe(4);
    expect(fit.status).toBe('closest');
    expect(Math.abs(fit.value - 0.3)).toBeLessThan(0.3);
  });
});

describe('calibrate', () => {
  it('recovers a known parameter: measure the KPI at a set value, fit it back from elsewhere', async () => {
    const scenario = await readScenario(FIXTURE);
    const truth = 0.45;
    const known = { ...scenario, world: withValue(scenario.world, 'leads.appointmentGivenContact', truth) };
    const probe: CalibrationTarget = {
      id: 'conversion',
      measure: 'leads.conversionRate',
      value: 0.5, // unused: the probe only measures
      source: 'test',
      parameter: 'leads.appointmentGivenContact',
      bracket: [truth - 1e-9, truth + 1e-9],
      tolerance: 1,
    };
    const measured = calibrate(known, [probe], SETTINGS).rows[0]!.achieved.mean;
    expect(measured).toBeGreaterThan(0);

    // Start from 0.8, far from the truth, and fit to what the truth gave.
    const start = { ...scenario, world: withValue(scenario.world, 'leads.appointmentGivenContact', 0.8) };
    const target = { ...probe, value: measured, bracket: [0.1, 0.99] as const, tolerance: 1e-9 };
    const row = calibrate(start, [target], SETTINGS).rows[0]!;
    expect(row.from).toBe(0.8);
    expect(Math.abs(row.fit.value - truth)).toBeLessThan(0.03);
    expect(Math.abs(row.achieved.mean - measured)).toBeLessThan(0.002);
    expect(row.achieved.low).toBeLessThanOrEqual(row.achieved.mean);
    expect(row.achieved.high).toBeGreaterThanOrEqual(row.achieved.mean);
  });

  it('refuses a parameter that is not a number of the world, and a bracket outside its domain', async () => {
    const scenario = await readScenario(FIXTURE);
    const bad: CalibrationTarget = {
      id: 'x',
      measure: 'retention.rate',
      value: 0.5,
      source: 'test',
      parameter: 'renewal.baseProbability.cycle9',
      bracket: [0, 1],
      tolerance: 0.01,
    };
    expect(() => calibrate(scenario, [bad], SETTINGS)).toThrow(
      'invalid target "x": parameter "renewal.baseProbability.cycle9" is not a number of the world',
    );
    const wide = { ...bad, parameter: 'renewal.baseProbability.cycle1', bracket: [0, 2] as const };
    expect(() => calibrate(scenario, [wide], SETTINGS)).toThrow(
      /bracket \[0, 2\] must be increasing and within/,
    );
  });
});

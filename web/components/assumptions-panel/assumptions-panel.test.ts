import { describe, expect, it } from 'vitest';
import { defaultWorld, mergeWorld } from '../../../engine/index.ts';
import {
  KEY_ASSUMPTIONS,
  displayValue,
  inputProblem,
  withUnit,
  worldValue,
} from '../../lib/key-assumptions.ts';
import { getIn, setIn } from '../../lib/workspace.ts';

const find = (path: string) => KEY_ASSUMPTIONS.find((a) => a.path.join('.') === path)!;

describe('key assumptions', () => {
  it('each name a number of the default world, with a unit', () => {
    const world = defaultWorld();
    for (const a of KEY_ASSUMPTIONS) {
      expect(typeof getIn(world, a.path), a.path.join('.')).toBe('number');
      expect(a.displayUnit, a.path.join('.')).not.toBe('');
    }
  });

  it('show fractions as percentages and write them back as fractions', () => {
    const funding = find('economics.fundingRate');
    expect(funding.displayUnit).toBe('% per year');
    expect(displayValue(funding, defaultWorld()).value).toBe(4);
    expect(worldValue(funding, 4.5)).toBe(0.045);
    const cost = find('market.refurbishment.baseCost');
    expect([cost.displayUnit, displayValue(cost, defaultWorld()).value]).toEqual(['€', 1200]);
  });

  it('refuse a value outside the world schema’s domain, in the unit typed', () => {
    const renewal = find('renewal.baseProbability.cycle1');
    expect(inputProblem(renewal, 101)).toBe('expected at most 100 %');
    expect(inputProblem(renewal, -1)).toBe('expected at least 0 %');
    expect(inputProblem(renewal, 55)).toBeUndefined();
  });

  it('make overrides the engine’s world merge accepts and applies', () => {
    let overrides: Record<string, unknown> = {};
    for (const a of KEY_ASSUMPTIONS) {
      const shown = displayValue(a, defaultWorld()).value!;
      overrides = setIn(overrides, a.path, worldValue(a, shown * 0.9));
    }
    const merged = mergeWorld(defaultWorld(), overrides, '/world');
    expect(merged.problems).toEqual([]);
    expect(merged.world.economics.fundingRate).toBeCloseTo(0.036, 12);
  });

  it('show the mean of a distribution and say so', () => {
    const funding = find('economics.fundingRate');
    const world = setIn({}, funding.path, { dist: 'triangular', min: 0.03, mode: 0.04, max: 0.05 });
    expect(displayValue(funding, world)).toEqual({ value: 4, distribution: 'triangular' });
  });
});

describe('withUnit', () => {
  it('writes values as people write them', () => {
    expect(withUnit(find('market.refurbishment.baseCost'), 1200)).toBe('€1,200');
    expect(withUnit(find('market.holdingCostPerDay'), 36)).toBe('€36 per day');
    expect(withUnit(find('economics.fundingRate'), 4)).toBe('4% per year');
    expect(withUnit(find('leads.arrivals.web-form'), 16)).toBe('16 leads per dealer-month');
  });
});

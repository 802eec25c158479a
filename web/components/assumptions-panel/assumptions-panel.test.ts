import { describe, expect, it } from 'vitest';
import { defaultWorld, DIST_NAMES, distMean, mergeWorld } from '../../../engine/index.ts';
import {
  KEY_ASSUMPTIONS,
  displayValue,
  distFromText,
  distText,
  startingDist,
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

describe('distributions in the panel', () => {
  const funding = find('economics.fundingRate');

  it('write typed parameters (in display units) as the world’s distribution, checked as the file is', () => {
    const made = distFromText(funding, 'triangular', { min: '3', mode: '4', max: '6' });
    expect(made.dist).toEqual({ dist: 'triangular', min: 0.03, mode: 0.04, max: 0.06 });
    expect(mergeWorld(defaultWorld(), setIn({}, funding.path, made.dist), '/world').problems).toEqual([]);
    expect(distText(funding, made.dist!)).toEqual({ min: '3', mode: '4', max: '6' });
    // The file's own messages: an impossible shape, and a support outside the assumption's domain.
    expect(distFromText(funding, 'triangular', { min: '5', mode: '4', max: '6' }).problem).toBe(
      'invalid world.economics.fundingRate: mode 0.04 is outside [min, max] = [0.05, 0.06]',
    );
    const renewal = find('renewal.baseProbability.cycle1');
    expect(distFromText(renewal, 'normal', { mean: '50', sd: '5' }).problem).toMatch(
      /^invalid world\.renewal\.baseProbability\.cycle1: the distribution can take values outside \[0, 1\].*use beta/,
    );
    expect(distFromText(funding, 'uniform', { min: 'x', max: '5' }).problem).toBe(
      'expected a number for min',
    );
    // Beta's bounds are optional; its shape numbers are not scaled.
    expect(distFromText(renewal, 'beta', { alpha: '2', beta: '3', min: '', max: '' }).dist).toEqual({
      dist: 'beta',
      alpha: 2,
      beta: 3,
    });
  });

  it('start every distribution at the value shown, inside the assumption’s bounds', () => {
    const cases = [
      // A share: unbounded distributions can leave 0–1, so the file refuses them, and so does the panel.
      { a: find('renewal.baseProbability.cycle1'), shown: 55, refused: ['normal', 'lognormal'] },
      // A cost (≥ 0): only the normal can go below zero.
      { a: find('market.refurbishment.baseCost'), shown: 1200, refused: ['normal'] },
    ];
    for (const { a, shown, refused } of cases) {
      for (const name of DIST_NAMES) {
        const made = distFromText(a, name, startingDist(a, name, shown));
        if (refused.includes(name)) {
          expect(made.problem, name).toContain('the distribution can take values outside');
          continue;
        }
        expect(made.problem, name).toBeUndefined();
        expect((distMean(made.dist!) * a.scale) / shown, name).toBeCloseTo(1, 6);
      }
    }
  });
});

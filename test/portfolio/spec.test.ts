import { describe, expect, it } from 'vitest';
import { CHANNELS, CREDIT_TIERS, POWERTRAINS, REGIONS, SEGMENTS } from '../../engine/domain/lists.ts';
import { formatValueProblem } from '../../engine/json/problem.ts';
import {
  CYCLE_KEYS,
  defaultPortfolio,
  resolvePortfolioSpec as resolvePortfolioProblems,
} from '../../engine/portfolio/spec.ts';

const resolvePortfolioSpec = (partial: unknown, pointer: string) => {
  const resolved = resolvePortfolioProblems(partial, pointer);
  return { ...resolved, problems: resolved.problems.map(formatValueProblem) };
};
import { distMean } from '../../engine/world/distributions.ts';

const at = '/portfolio';

describe('defaultPortfolio', () => {
  it('is a valid portfolio with mixes summing to 1 over the catalogue values', () => {
    const spec = defaultPortfolio();
    expect(resolvePortfolioSpec(spec, at)).toEqual({ spec, problems: [] });
    const mixes = [
      [spec.regionMix, REGIONS],
      [spec.segmentMix, SEGMENTS],
      [spec.creditMix, CREDIT_TIERS],
      [spec.cycleMix, CYCLE_KEYS],
      [spec.powertrainMix, POWERTRAINS],
      [spec.preferredChannelMix, CHANNELS],
    ] as const;
    for (const [mix, values] of mixes) expect(Object.keys(mix).sort()).toEqual([...values].sort());
  });
  it('carries the calibrated defaults', () => {
    const spec = defaultPortfolio();
    expect(spec.creditMix).toEqual({ prime: 0.69, 'near-prime': 0.14, subprime: 0.17 });
    expect(spec.segmentMix).toEqual({ reliable: 0.8, occasional: 0.15, 'habitual-late': 0.05 });
    expect(spec.termMonths).toEqual({ cycle1: 36, cycle2: 24, cycle3: 48 });
    expect(distMean(spec.vehiclePrice)).toBe(42_000);
    expect(distMean(spec.engagementDiscipline)).toBeCloseTo(0.6, 12);
    expect(distMean(spec.loyalty)).toBeCloseTo(0.5, 12);
  });
  it('returns a fresh object each time', () => {
    expect(defaultPortfolio()).not.toBe(defaultPortfolio());
  });
});

describe('resolvePortfolioSpec', () => {
  it('gives the defaults when the portfolio is absent or empty', () => {
    expect(resolvePortfolioSpec(undefined, at)).toEqual({ spec: defaultPortfolio(), problems: [] });
    expect(resolvePortfolioSpec({}, at)).toEqual({ spec: defaultPortfolio(), problems: [] });
  });
  it('overrides the settings given, replaces a mix as a whole and merges terms per cycle', () => {
    const { spec, problems } = resolvePortfolioSpec(
      {
        contracts: 2500,
        creditMix: { prime: 0.8, subprime: 0.2 },
        termMonths: { cycle1: 48 },
        vehiclePrice: { dist: 'pert', min: 20_000, mode: 35_000, max: 90_000 },
      },
      at,
    );
    expect(problems).toEqual([]);
    expect(spec.contracts).toBe(2500);
    expect(spec.creditMix).toEqual({ prime: 0.8, subprime: 0.2 });
    expect(spec.termMonths).toEqual({ cycle1: 48, cycle2: 24, cycle3: 48 });
    expect(spec.vehiclePrice).toEqual({ dist: 'pert', min: 20_000, mode: 35_000, max: 90_000 });
    expect(spec.dealers).toBe(defaultPortfolio().dealers);
  });
  it('copies the user object, so later edits of it do not reach the spec', () => {
    const partial = { segmentMix: { reliable: 0.9, occasional: 0.1 } };
    const { spec } = resolvePortfolioSpec(partial, at);
    partial.segmentMix.reliable = 0.1;
    expect(spec.segmentMix).toEqual({ reliable: 0.9, occasional: 0.1 });
  });
  it.each([
    [
      'a portfolio that is not an object',
      [1, 2],
      '/portfolio  invalid portfolio: expected an object of portfolio settings, got [1,2]',
    ],
    [
      'an unknown setting, with the closest name',
      { contract: 100 },
      '/portfolio/contract  invalid portfolio.contract: unknown setting: expected one of contracts, dealers',
    ],
    [
      'a size that is not an integer',
      { contracts: 10.5 },
      '/portfolio/contracts  invalid portfolio.contracts: expected an integer from 1 to 10000000, got 10.5',
    ],
    [
      'no dealers',
      { dealers: 0 },
      '/portfolio/dealers  invalid portfolio.dealers: expected an integer from 1 to 100000, got 0',
    ],
    [
      'a share above 1',
      { bdcShare: 1.2 },
      '/portfolio/bdcShare  invalid portfolio.bdcShare: expected a number from 0 to 1, got 1.2',
    ],
    [
      'a share given as text',
      { insuredShare: '25%' },
      '/portfolio/insuredShare  invalid portfolio.insuredShare: expected a number from 0 to 1, got "25%"',
    ],
    [
      'a mix that does not sum to 1',
      { segmentMix: { reliable: 0.8, occasional: 0.15 } },
      '/portfolio/segmentMix  invalid portfolio.segmentMix: shares sum to 0.95, expected 1 (values not named count as 0)',
    ],
    [
      'a mix with an unknown value',
      { regionMix: { north: 0.5, south: 0.3, East: 0.2 } },
      '/portfolio/regionMix/East  invalid portfolio.regionMix.East: unknown value "East": expected north, south, east, west, central (did you mean "east"?)',
    ],
    [
      'a negative share in a mix',
      { cycleMix: { cycle1: 1, cycle2: -0.2, cycle3: 0.2 } },
      '/portfolio/cycleMix/cycle2  invalid portfolio.cycleMix.cycle2: expected a number from 0 to 1, got -0.2',
    ],
    [
      'a mix that is not an object',
      { creditMix: 0.69 },
      '/portfolio/creditMix  invalid portfolio.creditMix: expected an object of shares over prime, near-prime, subprime',
    ],
    [
      'a term of 0 months',
      { termMonths: { cycle2: 0 } },
      '/portfolio/termMonths/cycle2  invalid portfolio.termMonths.cycle2: expected an integer from 1 to 120, got 0',
    ],
    [
      'a term for an unknown cycle',
      { termMonths: { cycle4: 12 } },
      '/portfolio/termMonths/cycle4  invalid portfolio.termMonths.cycle4: unknown cycle "cycle4"',
    ],
    [
      'a 0–1 setting whose distribution can leave 0–1',
      { engagementDiscipline: { dist: 'normal', mean: 0.6, sd: 0.1 } },
      '/portfolio/engagementDiscipline  invalid portfolio.engagementDiscipline: the distribution can take values outside [0, 1]: use beta',
    ],
    [
      'a price whose distribution can be negative',
      { vehiclePrice: { dist: 'uniform', min: -5, max: 10 } },
      '/portfolio/vehiclePrice  invalid portfolio.vehiclePrice: the distribution can take values outside [0, ∞): use lognormal',
    ],
    [
      'a loyalty number outside 0–1',
      { loyalty: 2 },
      '/portfolio/loyalty  invalid portfolio.loyalty: 2 is outside [0, 1]',
    ],
    [
      'an invalid distribution',
      { loyalty: { dist: 'beta', alpha: 0, beta: 2 } },
      '/portfolio/loyalty  invalid portfolio.loyalty: alpha 0 must be > 0',
    ],
  ])('reports %s and keeps the default', (_, partial, message) => {
    const { spec, problems } = resolvePortfolioSpec(partial, at);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.startsWith(message), problems[0]).toBe(true);
    expect(spec).toEqual(defaultPortfolio());
  });
  it('escapes keys in JSON pointers and ignores inherited names', () => {
    const { problems } = resolvePortfolioSpec(JSON.parse('{"a/b~c": 1, "__proto__": {"contracts": 5}}'), at);
    expect(problems).toEqual([
      expect.stringContaining('/portfolio/a~1b~0c  invalid portfolio.a/b~c: unknown setting'),
      expect.stringContaining('/portfolio/__proto__  invalid portfolio.__proto__: unknown setting'),
    ]);
  });
  it('reports every invalid setting at once', () => {
    const { problems } = resolvePortfolioSpec({ contracts: -1, dealers: 'many', bdcShare: null }, at);
    expect(problems).toHaveLength(3);
  });
});

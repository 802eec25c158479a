import { describe, expect, it } from 'vitest';
import { uncertainAssumptions } from '../../engine/scenario/sensitivity/assumptions.ts';
import { formatAssumption } from '../../engine/scenario/sensitivity/render.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import type { World } from '../../engine/world/assumptions.ts';

/** The default world with some values replaced by distributions. */
function worldWith(edit: (w: Record<string, Record<string, unknown>>) => void): World {
  const world = structuredClone(defaultWorld());
  edit(world as unknown as Record<string, Record<string, unknown>>);
  return world;
}

describe('uncertainAssumptions', () => {
  it('finds every distribution, table entries and transfers too, in declaration order with a label', () => {
    const uniform = { dist: 'uniform', min: 0.3, max: 0.5 };
    const world = worldWith((w) => {
      w.parties!.upliftSupport = { dist: 'uniform', min: 0, max: 1 };
      w.economics!.fundingRate = { dist: 'pert', min: 0.03, mode: 0.04, max: 0.06 };
      (w.dunning!.cure as Record<string, Record<string, unknown>>).remind!.reliable = uniform;
      (w.economics!.apr as Record<string, Record<string, unknown>>).lease!.prime = uniform;
    });
    const found = uncertainAssumptions(world).filter(
      (a) => !uncertainAssumptions(defaultWorld()).some((d) => d.path === a.path),
    );
    expect(found.map((a) => [a.path, a.label, a.unit])).toEqual([
      ['economics.apr.lease.prime', 'Customer rate, prime lease', 'fraction per year'],
      ['economics.fundingRate', 'Funding cost of the captive', 'fraction per year'],
      [
        'parties.upliftSupport',
        'Share of the subvented residual uplift the manufacturer refunds when a returned vehicle fetches less than its book value',
        'fraction',
      ],
      [
        'dunning.cure.remind.reliable',
        'Probability per month that the action cures the delinquency: remind.reliable',
        '0–1',
      ],
    ]);
    const funding = found[1]!;
    expect(funding.distribution).toEqual({ dist: 'pert', min: 0.03, mode: 0.04, max: 0.06 });
    expect(funding.searchRange).toEqual([0.03, 0.06]);
    expect(funding.cdf(funding.quantile(0.1))).toBeCloseTo(0.1, 9);
    expect(funding.held(0.05)).toBe(0.05);
  });

  it('bounds the search of an unbounded distribution by the declared domain', () => {
    const world = worldWith((w) => {
      w.economics!.fundingRate = { dist: 'normal', mean: 0.01, sd: 0.01 };
    });
    const funding = uncertainAssumptions(world).find((a) => a.path === 'economics.fundingRate')!;
    // p0.1 is below 0, where a rate cannot go: the search starts at 0; it ends at p99.9.
    expect(funding.searchRange[0]).toBe(0);
    expect(funding.searchRange[1]).toBeCloseTo(0.01 + 0.01 * 3.0902, 4);
  });
});

describe('formatAssumption', () => {
  it('writes a value in its unit', () => {
    expect(formatAssumption(0.042, 'fraction per year')).toBe('4.2% per year');
    expect(formatAssumption(0.55, '0–1')).toBe('55.0%');
    expect(formatAssumption(1234, '€')).toBe('€1,234');
    expect(formatAssumption(18.5, '€ per contract-month')).toBe('€18.5 per contract-month');
    expect(formatAssumption(1.8, 'odds multiplier')).toBe('1.8 odds multiplier');
  });
});

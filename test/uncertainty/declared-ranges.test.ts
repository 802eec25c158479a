import { describe, expect, it } from 'vitest';
import { iterationKey } from '../../engine/random/streams.ts';
import { DECLARED_RANGES } from '../../engine/scenario/sensitivity/declared-ranges.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { UNCERTAIN_ASSUMPTIONS, UncertainWorld } from '../../engine/world/uncertainty.ts';

describe('the declared ranges as a sensitivity source', () => {
  const found = DECLARED_RANGES.find(defaultWorld());

  it('finds every declared range the world leaves at its default, with p5 and p95 at the range ends', () => {
    expect(found.map((a) => a.path)).toEqual(UNCERTAIN_ASSUMPTIONS.map((a) => a.path));
    const funding = found.find((a) => a.path === 'economics.fundingRate')!;
    expect(funding.quantile(0.05)).toBeCloseTo(0.03, 8);
    expect(funding.quantile(0.5)).toBeCloseTo(0.04, 8);
    expect(funding.quantile(0.95)).toBeCloseTo(0.06, 8);
    expect(funding.cdf(0.06)).toBeCloseTo(0.95, 9);
    expect(funding.held(0.05)).toBe(0.05);
    const world = defaultWorld();
    const own = { ...world, economics: { ...world.economics, fundingRate: 0.05 } };
    expect(DECLARED_RANGES.find(own).map((a) => a.path)).not.toContain('economics.fundingRate');
  });

  it('holds a table by its factor and a curve by its largest multiplier', () => {
    const miss = found.find((a) => a.path === 'payments.missProbability')!;
    const held = miss.held(1.25) as Record<string, Record<string, number>>;
    const base = defaultWorld().payments.missProbability.reliable.prime as number;
    expect(held.reliable!.prime).toBeCloseTo(
      ((base / (1 - base)) * 1.25) / (1 + (base / (1 - base)) * 1.25),
      15,
    );
    const timing = found.find((a) => a.path === 'renewal.contactTimingOdds')!;
    expect(timing.quantile(0.05)).toBeCloseTo(1, 8);
    const flat = timing.held(1) as [number, number][];
    for (const [, y] of flat) expect(y).toBeCloseTo(1, 12);
  });

  it('reports the value each assumption drew in an iteration, as the run draws it', () => {
    const record = new Map<string, number>();
    DECLARED_RANGES.drawn(defaultWorld(), 9, 4, (path, value) => record.set(path, value));
    const world = new UncertainWorld(defaultWorld()).draw(iterationKey(9, 4));
    expect(record.get('economics.fundingRate')).toBe(world.economics.fundingRate);
    expect(record.get('market.refurbishment.baseCost')).toBe(world.market.refurbishment.baseCost);
    expect(record.size).toBe(UNCERTAIN_ASSUMPTIONS.length);
    expect(Math.abs(found[0]!.quantile(0.95) - found[0]!.quantile(0.05))).toBeGreaterThan(0);
  });
});

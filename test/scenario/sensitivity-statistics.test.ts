import { describe, expect, it } from 'vitest';
import { findBreakEven } from '../../engine/scenario/sensitivity/break-even.ts';
import {
  uncertainAssumptions,
  type UncertainAssumption,
} from '../../engine/scenario/sensitivity/assumptions.ts';
import type { World } from '../../engine/world/assumptions.ts';
import { defaultWorld } from '../../engine/world/defaults.ts';
import { meanWithCi, spearman } from '../../engine/scenario/sensitivity/statistics.ts';

/** The funding rate of a world where it is given as `dist`, as the analysis finds it. */
function fundingRateAs(dist: Record<string, unknown>): UncertainAssumption {
  const world = structuredClone(defaultWorld()) as unknown as { economics: Record<string, unknown> };
  world.economics.fundingRate = dist;
  return uncertainAssumptions(world as unknown as World).find((a) => a.path === 'economics.fundingRate')!;
}
const fundingRate = fundingRateAs({ dist: 'uniform', min: 0.03, max: 0.07 });

describe('findBreakEven', () => {
  it('finds a known crossing by bisection, with its percentile, in 2 + steps evaluations', async () => {
    const seen: number[] = [];
    // The challenger's advantage falls by €1M per point of funding rate and is zero at 4.5 %.
    const found = await findBreakEven(
      fundingRate,
      async (v) => {
        seen.push(v);
        return (0.045 - v) * 100e6;
      },
      12,
    );
    expect(seen).toHaveLength(14);
    expect(seen.slice(0, 2)).toEqual([0.03, 0.07]);
    expect(found.challengerWins).toBe('below');
    expect(found.tolerance).toBeCloseTo(0.04 / 2 ** 13, 15);
    expect(Math.abs(found.value! - 0.045)).toBeLessThanOrEqual(found.tolerance!);
    expect(found.percentile).toBeCloseTo(0.375, 3);
  });

  it('says where the challenger wins when it never flips, and runs only the two ends', async () => {
    let calls = 0;
    const lose = await findBreakEven(fundingRate, async () => (calls++, -1), 12);
    expect(lose).toMatchObject({ value: null, percentile: null, challengerWins: 'nowhere' });
    expect(calls).toBe(2);
    const win = await findBreakEven(fundingRate, async (v) => v, 12);
    expect(win.challengerWins).toBe('throughout');
  });

  it('searches p0.1–p99.9 of an unbounded distribution, within its declared domain', async () => {
    const normal = fundingRateAs({ dist: 'normal', mean: 0.01, sd: 0.01 });
    const found = await findBreakEven(normal, async (v) => v - 0.02, 20);
    expect(found.range[0]).toBe(0);
    expect(found.range[1]).toBeCloseTo(0.01 + 0.01 * 3.0902, 4);
    expect(found.value).toBeCloseTo(0.02, 5);
    expect(found.percentile).toBeCloseTo(0.8413, 3);
    expect(found.challengerWins).toBe('above');
  });
});

describe('spearman', () => {
  it('is 1 for any increasing relation, −1 for a decreasing one, and shares ranks among ties', () => {
    expect(spearman([1, 2, 3, 4], [1, 8, 27, 64])).toBeCloseTo(1, 15);
    expect(spearman([1, 2, 3, 4], [5, 4, 3, -10])).toBeCloseTo(-1, 15);
    expect(spearman([1, 2, 3, 4], [10, 30, 20, 40])).toBeCloseTo(0.8, 15);
    // Ranks x: 1.5 1.5 3 4, y: 1 2 3 4 → ρ = 4.5 / √(4.5 · 5).
    expect(spearman([7, 7, 8, 9], [1, 2, 3, 4])).toBeCloseTo(4.5 / Math.sqrt(4.5 * 5), 12);
  });

  it('is undefined for fewer than three pairs or a constant side, and skips NaN pairs', () => {
    expect(spearman([1, 2], [3, 4])).toBeNull();
    expect(spearman([1, 1, 1], [3, 4, 5])).toBeNull();
    expect(spearman([1, NaN, 2, 3], [1, 0, 2, 3])).toBeCloseTo(1, 15);
  });
});

describe('meanWithCi', () => {
  it("is the mean with Student's t interval", () => {
    const { mean, ci95, n } = meanWithCi([1, 2, 3, NaN]);
    expect([mean, n]).toEqual([2, 3]);
    // t(0.975, 2) = 4.302653, sd 1, √3.
    expect(ci95![1] - 2).toBeCloseTo(4.302653 / Math.sqrt(3), 5);
    expect(meanWithCi([5]).ci95).toBeNull();
  });
});

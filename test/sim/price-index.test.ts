import { describe, expect, it } from 'vitest';
import { kpiIndex } from '../../engine/result/kpis.ts';
import { simulate, startIteration } from '../../engine/sim/iteration.ts';
import { setupOf, type Mutable } from './helpers.ts';
import type { World } from '../../engine/world/assumptions.ts';

/** The used-price index path of iteration `i` of a small setup with `world` edits. */
function path(edit: (w: Mutable<World>) => void, horizonMonths = 36, i = 0): Float64Array {
  const setup = setupOf({ world: edit, horizonMonths });
  return Float64Array.from(startIteration(setup, i).priceIndex);
}

const calm = (w: Mutable<World>) => {
  const p = w.market.priceIndex;
  p.levelVolatility = 0;
  p.deviationVolatility = 0;
  p.jumpProbability = 0;
};

describe('the used-price index', () => {
  it('is flat at 1 without volatility or crashes', () => {
    expect([...new Set(path(calm))]).toEqual([1]);
  });

  it('falls by a scheduled crash in its month and regains 90% of it after the recovery months', () => {
    const p = path((w) => {
      calm(w);
      w.market.priceIndex.shockMonth = 12;
      w.market.priceIndex.shockSize = -0.12;
    });
    expect(p[11]).toBe(1);
    expect(p[12]).toBeCloseTo(0.88, 12);
    // 7 months later 10% of the log fall is left.
    expect(Math.log(p[19]!)).toBeCloseTo(0.1 * Math.log(0.88), 12);
    expect(p[30]!).toBeGreaterThan(p[19]!);
  });

  it('keeps the permanent share of a crash for good', () => {
    const p = path((w) => {
      calm(w);
      w.market.priceIndex.shockMonth = 6;
      w.market.priceIndex.shockSize = -0.1;
      w.market.priceIndex.jumpPermanentShare = 1;
    });
    expect(p[6]).toBeCloseTo(0.9, 12);
    expect(p[p.length - 1]).toBeCloseTo(0.9, 12);
  });

  it("draws each month's move from that month's own numbers: a longer horizon extends the same path", () => {
    const short = path(() => {}, 24);
    const long = path(() => {}, 60);
    expect(long.subarray(0, short.length)).toEqual(short);
    expect(new Set(short).size).toBeGreaterThan(10);
  });

  it('moves every value the captive realises: a crash at month 1 lowers the residual result', () => {
    const residual = (shockSize: number) => {
      const setup = setupOf({
        world: (w) => {
          w.market.priceIndex.shockMonth = 1;
          w.market.priceIndex.shockSize = shockSize;
          w.market.priceIndex.jumpPermanentShare = 1;
        },
      });
      return simulate(setup, 0).result.kpis[kpiIndex('pnl.residualResult')]!;
    };
    expect(residual(-0.2)).toBeLessThan(residual(0));
  });
});

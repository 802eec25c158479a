import { describe, expect, it } from 'vitest';
import type { CountRow, CountTables } from '../../../engine/calibration/history/counts.ts';
import { estimateRates } from '../../../engine/calibration/history/estimate.ts';

function row(cell: Partial<CountRow>, sums: Partial<CountRow>): CountRow {
  return {
    rate: 'roll',
    product: '*',
    tier: '*',
    bucket: '*',
    band: '*',
    period: 'base',
    contracts: 1,
    exposure: 0,
    events: 0,
    sumE2: 0,
    sumN2: 0,
    sumEN: 0,
    ...cell,
    ...sums,
  };
}

const tables = (rows: CountRow[]): CountTables => ({
  format: 'cyclecast-history-counts/1',
  unusualPeriods: ['moratorium', 'used-price-spike'],
  rows,
});

describe('estimating rates from count tables', () => {
  it('gives the ratio, its interval clustered by contract, the spread between years and the flagged period', () => {
    // Two contracts: one with 4 months and 2 rolls, one with 6 months and none.
    const cell = { rate: 'roll', tier: 'prime', bucket: 'current' } as const;
    const [estimate] = estimateRates(
      tables([
        row(cell, { contracts: 2, exposure: 10, events: 2, sumE2: 52, sumN2: 4, sumEN: 8 }),
        row({ ...cell, period: '2022' }, { contracts: 2, exposure: 6, events: 1 }),
        row({ ...cell, period: '2023' }, { contracts: 2, exposure: 4, events: 1 }),
        row({ ...cell, period: 'moratorium' }, { contracts: 1, exposure: 3, events: 0 }),
      ]),
      { minEvents: 1 },
    );
    // Σ(n − R e)² = 1.2² + 1.2² = 2.88; Var = 2/(2−1) · 2.88 / 10² = 0.0576; se = 0.24.
    expect(estimate!.rate).toBeCloseTo(0.2, 12);
    expect(estimate!.interval95[0]).toBe(0);
    expect(estimate!.interval95[1]).toBeCloseTo(0.2 + 1.959963984540054 * 0.24, 12);
    expect(estimate!).toMatchObject({
      id: 'roll',
      observations: 10,
      events: 2,
      contracts: 2,
      pooled: [],
      supported: true,
      flaggedPeriods: [{ id: 'moratorium', from: '2020-03', to: '2021-12', exposure: 3, events: 0, rate: 0 }],
    });
    expect(estimate!.periodSpread!.low).toBeCloseTo(1 / 6, 12);
    expect(estimate!.periodSpread!.high).toBeCloseTo(0.25, 12);
  });

  it('pools a small cell into its neighbour months-on-book band and says so', () => {
    const cell = { rate: 'default', product: 'operating-lease', tier: 'prime' } as const;
    const estimates = estimateRates(
      tables([
        row(
          { ...cell, band: '0-5' },
          { contracts: 50, exposure: 100, events: 1, sumE2: 200, sumN2: 1, sumEN: 2 },
        ),
        row(
          { ...cell, band: '6-11' },
          { contracts: 90, exposure: 1000, events: 30, sumE2: 11200, sumN2: 30, sumEN: 330 },
        ),
      ]),
      { minEvents: 20 },
    );
    const young = estimates.find((e) => e.cell.band === '0-5')!;
    expect(young.rate).toBeCloseTo(31 / 1100, 12);
    expect(young.pooled).toEqual([
      {
        cell: { rate: 'default', product: 'operating-lease', tier: 'prime', bucket: '*', band: '6-11' },
        exposure: 1000,
        events: 30,
        step: 'band',
      },
    ]);
    // The pooled interval bounds the unknown overlap of contracts between bands from above.
    const alone = estimates.find((e) => e.cell.band === '6-11')!;
    expect(alone.pooled).toEqual([]);
    expect(young.interval95[1] - young.rate).toBeGreaterThan(0);
  });

  it('marks a cell that even the widest pool cannot support', () => {
    const [estimate] = estimateRates(
      tables([
        row(
          { rate: 'renewal-at-maturity', product: 'finance-lease' },
          { contracts: 3, exposure: 3, events: 2, sumE2: 3, sumN2: 2, sumEN: 2 },
        ),
      ]),
    );
    expect(estimate!.supported).toBe(false);
  });

  it('gives the rule of three as the upper end with no events', () => {
    const [estimate] = estimateRates(tables([row({}, { contracts: 40, exposure: 300 })]), { minEvents: 0 });
    expect(estimate!.interval95).toEqual([0, 0.01]);
  });
});

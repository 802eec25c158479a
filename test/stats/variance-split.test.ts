import { describe, expect, it } from 'vitest';
import type { IterationResult } from '../../engine/result/iteration.ts';
import { kpiIndex } from '../../engine/result/kpis.ts';
import { findKpi } from '../../engine/result/summary.ts';
import { PairedAccumulator } from '../../engine/stats/paired.ts';
import { VarianceSplit } from '../../engine/stats/variance-split.ts';
import { normal, rng, syntheticResult, withKpis } from './synthetic.ts';

const K = 12;
const NPV = kpiIndex('profit.npv');
const LOSS = kpiIndex('credit.lossRate');

/** n iterations whose challenger NPV delta is 3·x₀ + 2·x₅ + noise(sd) in their assumption scores x. */
function iterations(n: number, sd: number, seed = 'split'): { b: IterationResult; c: IterationResult }[] {
  const r = rng(seed);
  return Array.from({ length: n }, (_, i) => {
    const scores = Float64Array.from({ length: K }, () => normal(r));
    const base = syntheticResult(seed, i, 3);
    const b: IterationResult = { ...withKpis(base, (k) => (k[NPV] = 1e6)), assumptionScores: scores };
    const delta = 3 * scores[0]! + 2 * scores[5]! + sd * normal(r);
    const c: IterationResult = withKpis(b, (k) => {
      k[NPV] = 1e6 + delta;
      k[LOSS] = k[LOSS]! + delta; // the same delta on a KPI that is better lower
    });
    return { b, c };
  });
}

function pair(rows: readonly { b: IterationResult; c: IterationResult }[]): PairedAccumulator {
  const acc = new PairedAccumulator();
  for (const { b, c } of rows) acc.add(b, c);
  return acc;
}

describe('variance split of a paired delta', () => {
  it('recovers the share the assumption scores explain (known: 13 of 13 + σ²)', () => {
    const npv = findKpi(pair(iterations(4000, 3)).summary().kpis, 'profit.npv')!;
    // Var = 9 + 4 + 9 = 22, of which 13 from the scores.
    expect(npv.varianceFromAssumptions!).toBeGreaterThan(13 / 22 - 0.04);
    expect(npv.varianceFromAssumptions!).toBeLessThan(13 / 22 + 0.04);
  });

  it('finds about none when the delta is pure luck, despite 12 regressors', () => {
    const rows = iterations(400, 3).map(({ b, c }, i) => ({
      b,
      c: withKpis(c, (k) => (k[NPV] = 1e6 + normal(rng(`luck${i}`)))),
    }));
    const npv = findKpi(pair(rows).summary().kpis, 'profit.npv')!;
    expect(npv.varianceFromAssumptions!).toBeLessThan(0.06);
  });

  it('is not estimated with too few iterations for the scores, nor without scores', () => {
    const few = findKpi(pair(iterations(4 * K - 1, 1)).summary().kpis, 'profit.npv')!;
    expect(few.varianceFromAssumptions).toBeNull();
    const rows = iterations(100, 1).map(({ b, c }) => {
      const { assumptionScores: _, ...point } = b;
      return { b: point, c };
    });
    expect(findKpi(pair(rows).summary().kpis, 'profit.npv')!.varianceFromAssumptions).toBeNull();
    // Only the decision KPIs carry a split.
    expect(
      findKpi(pair(iterations(100, 1)).summary().kpis, 'pnl.subsidy')!.varianceFromAssumptions,
    ).toBeNull();
  });

  it('merges to the same JSON and summary whatever the chunks and their order', () => {
    const rows = iterations(60, 2);
    const whole = pair(rows);
    const chunks = [rows.slice(0, 7), rows.slice(7, 31), rows.slice(31)].map(pair);
    const merged = new PairedAccumulator();
    for (const chunk of [chunks[2]!, chunks[0]!, chunks[1]!]) merged.merge(chunk);
    expect(JSON.stringify(merged.toJSON())).toBe(JSON.stringify(whole.toJSON()));
    const roundTrip = PairedAccumulator.fromJSON(JSON.parse(JSON.stringify(whole.toJSON())));
    expect(JSON.stringify(roundTrip.summary(3))).toBe(JSON.stringify(whole.summary(3)));
  });

  it('is a VarianceSplit of exact sums: split and merged equal whole', () => {
    const r = rng('direct');
    const data = Array.from({ length: 50 }, () => ({
      d: normal(r) * 1e5,
      x: Float64Array.from({ length: 4 }, () => normal(r)),
    }));
    const whole = new VarianceSplit();
    const a = new VarianceSplit();
    const b = new VarianceSplit();
    data.forEach(({ d, x }, i) => {
      whole.add(d, x);
      (i % 3 === 0 ? a : b).add(d, x);
    });
    b.merge(a);
    expect(b.toJSON()).toEqual(whole.toJSON());
    expect(b.assumptionShare()).toBe(whole.assumptionShare());
  });
});

describe('value of perfect information', () => {
  it('is E[max(Δ′, 0)] − max(E[Δ′], 0), Δ′ in the KPI’s better direction', () => {
    const rows = iterations(500, 3);
    const summary = pair(rows).summary();
    const deltas = rows.map(({ b, c }) => c.kpis[NPV]! - b.kpis[NPV]!);
    const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
    const expected = mean(deltas.map((d) => Math.max(d, 0))) - Math.max(mean(deltas), 0);
    expect(findKpi(summary.kpis, 'profit.npv')!.valueOfInformation!).toBeCloseTo(expected, 6);
    // Lower is better for the loss rate: the same deltas count the other way.
    const lossDeltas = rows.map(({ b, c }) => c.kpis[LOSS]! - b.kpis[LOSS]!);
    const lossExpected = mean(lossDeltas.map((d) => Math.max(-d, 0))) - Math.max(-mean(lossDeltas), 0);
    expect(findKpi(summary.kpis, 'credit.lossRate')!.valueOfInformation!).toBeCloseTo(lossExpected, 6);
  });

  it('is zero when the challenger is better (or worse) in every iteration', () => {
    const rows = iterations(50, 0.1).map(({ b, c }) => ({ b, c: withKpis(c, (k) => (k[NPV] = 2e6)) }));
    expect(findKpi(pair(rows).summary().kpis, 'profit.npv')!.valueOfInformation).toBe(0);
  });
});

describe('simultaneous intervals', () => {
  it('widen with the number of challengers (Bonferroni) and say so', () => {
    const acc = pair(iterations(200, 3));
    const one = acc.summary(1);
    const four = acc.summary(4);
    expect(one).toMatchObject({ comparisons: 1, ciLevel: 0.95, forecastLevel: 0.9, simultaneous: 'none' });
    expect(four).toMatchObject({ comparisons: 4, ciLevel: 1 - 0.0125, forecastLevel: 0.975 });
    expect(four.simultaneous).toBe('bonferroni');
    const npv1 = findKpi(one.kpis, 'profit.npv')!;
    const npv4 = findKpi(four.kpis, 'profit.npv')!;
    expect(npv1.ci).toEqual(npv1.ci95);
    expect(npv4.ci95).toEqual(npv1.ci95);
    expect(npv4.ci![0]).toBeLessThan(npv1.ci![0]);
    expect(npv4.ci![1]).toBeGreaterThan(npv1.ci![1]);
    expect(npv1.forecast).toEqual([npv1.p05, npv1.p95]);
    expect(npv4.forecast![0]).toBeLessThan(npv1.forecast![0]);
  });
});

import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import type { IterationResult } from '../../engine/result/iteration.ts';
import { KPIS, kpiIndex } from '../../engine/result/kpis.ts';
import { PairedAccumulator } from '../../engine/stats/paired.ts';
import { findKpi } from '../../engine/result/summary.ts';
import { expectQuantileClose, normal, rng, syntheticResult, withKpis } from './synthetic.ts';

const HORIZON = 3;
const NPV = kpiIndex('profit.npv');
const CREDIT_LOSS = kpiIndex('cost.creditLoss');
const baselines = Array.from({ length: 300 }, (_, i) => syntheticResult('paired', i, HORIZON));

function pair(bs: readonly IterationResult[], cs: readonly IterationResult[]): PairedAccumulator {
  const acc = new PairedAccumulator();
  bs.forEach((b, i) => acc.add(b, cs[i]!));
  return acc;
}

describe('PairedAccumulator', () => {
  it('finds every delta exactly zero when a scenario is compared with itself', () => {
    const summary = pair(baselines, baselines).summary();
    expect(summary.iterations).toBe(300);
    for (const k of summary.kpis) {
      expect(k.allZero).toBe(true);
      expect(k.meanDelta).toBe(0);
      expect(k.ci95).toEqual([0, 0]);
      expect(k.pBetter).toBe(0.5);
      expect(k.definedInOneOnly).toBe(0);
    }
    // Leads KPIs are undefined in some iterations: excluded from n, and still allZero.
    const leads = findKpi(summary.kpis, 'leads.contactRate')!;
    expect(leads.undefinedCount).toBeGreaterThan(0);
    expect(leads.n + leads.undefinedCount).toBe(300);
  });

  it('recovers a known constant shift exactly', () => {
    // Whole-euro NPVs so that b + 1000 − b is exactly 1000 in floating point.
    const bs = baselines.map((b) => withKpis(b, (k) => (k[NPV] = Math.round(k[NPV]!))));
    const cs = bs.map((b) => withKpis(b, (k) => (k[NPV] = k[NPV]! + 1000)));
    const npv = findKpi(pair(bs, cs).summary().kpis, 'profit.npv')!;
    expect(npv).toMatchObject({ n: 300, meanDelta: 1000, sd: 0, se: 0, ci95: [1000, 1000], pBetter: 1 });
    expect(npv.allZero).toBe(false);
    expect([npv.p05, npv.p50, npv.p95]).toEqual([1000, 1000, 1000]);
  });

  it('judges "better" by the KPI direction and counts ties as half', () => {
    // Credit loss is better lower: the challenger cuts it in the even iterations, matches it in the odd ones.
    const cs = baselines.map((b, i) =>
      withKpis(b, (k) => (k[CREDIT_LOSS] = i % 2 === 0 ? k[CREDIT_LOSS]! - 50 : k[CREDIT_LOSS]!)),
    );
    const loss = findKpi(pair(baselines, cs).summary().kpis, 'cost.creditLoss')!;
    expect(loss.pBetter).toBe(0.75);
    expect(loss.meanDelta!).toBeCloseTo(-25, 8);
    expect(loss.allZero).toBe(false);
  });

  it('agrees with simple-statistics on noisy paired deltas and covers the true shift', () => {
    const r = rng('noise');
    const cs = baselines.map((b) => withKpis(b, (k) => (k[NPV] = k[NPV]! + 5e4 + 2e5 * normal(r))));
    const acc = pair(baselines, cs);
    const npv = findKpi(acc.summary().kpis, 'profit.npv')!;
    const deltas = cs.map((c, i) => c.kpis[NPV]! - baselines[i]!.kpis[NPV]!);
    expect(npv.meanDelta!).toBeCloseTo(mean(deltas), 6);
    expect(Math.abs(npv.sd! - sampleStandardDeviation(deltas))).toBeLessThan(1e-9 * npv.sd!);
    expect(npv.se).toBe(npv.sd! / Math.sqrt(300));
    expect(npv.ci95![0]).toBeLessThan(5e4);
    expect(npv.ci95![1]).toBeGreaterThan(5e4);
    expect(npv.pBetter).toBe(deltas.filter((d) => d > 0).length / 300);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95])
      expectQuantileClose(acc.deltaQuantile('profit.npv', q), deltas, q);
    expect([npv.p05, npv.p50, npv.p95]).toEqual(
      [0.05, 0.5, 0.95].map((q) => acc.deltaQuantile('profit.npv', q)),
    );
  });

  it('counts a KPI defined in only one scenario as a difference', () => {
    const cs = baselines.map((b, i) => withKpis(b, (k) => (k[NPV] = i === 7 ? NaN : k[NPV]!)));
    const npv = findKpi(pair(baselines, cs).summary().kpis, 'profit.npv')!;
    expect(npv).toMatchObject({
      n: 299,
      undefinedCount: 1,
      definedInOneOnly: 1,
      allZero: false,
      meanDelta: 0,
    });
  });

  it('merges chunks to exactly the single-pass aggregate, and round-trips JSON', () => {
    const r = rng('chunks');
    const cs = baselines.map((b) =>
      withKpis(b, (k) => KPIS.forEach((_, i) => (k[i] = k[i]! * (1 + 0.01 * normal(r))))),
    );
    const single = JSON.stringify(pair(baselines, cs));
    for (const size of [1, 25, 128]) {
      const total = new PairedAccumulator();
      for (let s = 0; s < 300; s += size)
        total.merge(pair(baselines.slice(s, s + size), cs.slice(s, s + size)));
      expect(JSON.stringify(total)).toBe(single);
    }
    const restored = PairedAccumulator.fromJSON(JSON.parse(single));
    expect(JSON.stringify(restored)).toBe(single);
    expect(JSON.stringify(restored.summary())).toBe(JSON.stringify(pair(baselines, cs).summary()));
  });

  it('refuses to pair different iterations and reports malformed JSON by path', () => {
    expect(() => new PairedAccumulator().add(baselines[0]!, baselines[1]!)).toThrow(
      /invalid iteration result 0: paired with challenger iteration 1/,
    );
    const json = JSON.parse(JSON.stringify(pair(baselines.slice(0, 5), baselines.slice(0, 5))));
    json.kpis[3].ties = 99;
    expect(() => PairedAccumulator.fromJSON(json)).toThrow(
      /invalid paired aggregate: \$.kpis\[3\]: better \+ ties/,
    );
  });

  it('gives a paired CI that covers the true mean delta in about 95% of repeated experiments', () => {
    const r = rng('paired-coverage');
    const template = baselines[0]!;
    let covered = 0;
    for (let experiment = 0; experiment < 200; experiment++) {
      const acc = new PairedAccumulator();
      for (let i = 0; i < 12; i++) {
        const base = 2e6 + 5e5 * normal(r);
        const b = withKpis({ ...template, iteration: i }, (k) => (k[NPV] = base));
        const c = withKpis({ ...template, iteration: i }, (k) => (k[NPV] = base + 1e4 + 3e4 * normal(r)));
        acc.add(b, c);
      }
      const [lo, hi] = findKpi(acc.summary().kpis, 'profit.npv')!.ci95!;
      if (lo <= 1e4 && 1e4 <= hi) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
    expect(covered / 200).toBeLessThan(1);
  });
});

describe('PairedAccumulator range', () => {
  it('rejects values whose delta could leave the supported range, adding nothing', () => {
    const acc = new PairedAccumulator();
    const before = JSON.stringify(acc);
    const huge = withKpis(baselines[0]!, (k) => (k[NPV] = 1e30));
    expect(() => acc.add(baselines[0]!, huge)).toThrow(
      /challenger KPI profit.npv is 1e\+30, outside ±6.34e\+29/,
    );
    expect(JSON.stringify(acc)).toBe(before);
  });
});

import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import type { IterationResult } from '../../engine/result/iteration.ts';
import { BREAKDOWN_METRICS, SERIES } from '../../engine/result/iteration.ts';
import { RunAccumulator } from '../../engine/stats/accumulator.ts';
import { KPIS, kpiIndex } from '../../engine/result/kpis.ts';
import { findKpi } from '../../engine/result/summary.ts';
import { GROUPS, RULES, expectQuantileClose, normal, rng, syntheticResult, withKpis } from './synthetic.ts';

const HORIZON = 14;
const results = Array.from({ length: 400 }, (_, i) => syntheticResult('acc', i, HORIZON));

function accumulate(rs: readonly IterationResult[], horizon = HORIZON): RunAccumulator {
  const acc = new RunAccumulator({ horizon });
  rs.forEach((r) => acc.add(r));
  return acc;
}

/** The driver's way: fixed chunks, each aggregated on its own (on some worker), merged in chunk order. */
function chunked(rs: readonly IterationResult[], size: number): RunAccumulator {
  const total = new RunAccumulator({ horizon: HORIZON });
  for (let start = 0; start < rs.length; start += size)
    total.merge(accumulate(rs.slice(start, start + size)));
  return total;
}

describe('RunAccumulator summary', () => {
  const summary = accumulate(results).summary();

  it('agrees with simple-statistics on every KPI', () => {
    expect(summary.iterations).toBe(400);
    expect(summary.kpis.map((k) => k.id)).toEqual(KPIS.map((k) => k.id));
    KPIS.forEach((spec, i) => {
      const all = results.map((r) => r.kpis[i]!);
      const values = all.filter((x) => !Number.isNaN(x));
      const k = summary.kpis[i]!;
      expect(k).toMatchObject({ id: spec.id, unit: spec.unit, better: spec.better, n: values.length });
      expect(k.undefinedCount).toBe(all.length - values.length);
      expect(k.mean!).toBeCloseTo(mean(values), 6);
      expect(Math.abs(k.mean! - mean(values))).toBeLessThanOrEqual(1e-12 * Math.abs(mean(values)));
      const sd = sampleStandardDeviation(values);
      expect(Math.abs(k.sd! - sd)).toBeLessThanOrEqual(1e-9 * sd);
      expect(k.se).toBe(k.sd! / Math.sqrt(values.length));
      expect([k.min, k.max]).toEqual([Math.min(...values), Math.max(...values)]);
      expectQuantileClose(k.p05, values, 0.05);
      expectQuantileClose(k.p50, values, 0.5);
      expectQuantileClose(k.p95, values, 0.95);
    });
  });

  it('leaves KPIs undefined in some iterations out, and counts them', () => {
    const k = findKpi(summary.kpis, 'leads.conversionRate')!;
    expect(k.undefinedCount).toBeGreaterThan(10);
    expect(k.n + k.undefinedCount).toBe(400);
  });

  it('gives the 95% CI of the mean with the t quantile for n − 1 degrees of freedom', () => {
    const k = findKpi(summary.kpis, 'profit.npv')!;
    // scipy.stats.t.ppf(0.975, 399)
    const t = 1.965927295920882;
    expect(k.ci95![0]).toBeCloseTo(k.mean! - t * k.se!, 6);
    expect(k.ci95![1]).toBeCloseTo(k.mean! + t * k.se!, 6);
  });

  it('gives monthly bands per series', () => {
    SERIES.forEach((s, si) => {
      const band = summary.series[si]!;
      expect(band.id).toBe(s.id);
      for (let m = 0; m < HORIZON; m++) {
        const values = results.map((r) => r.series[si * HORIZON + m]!).filter((x) => !Number.isNaN(x));
        expect(band.n[m]).toBe(values.length);
        if (values.length === 0) {
          expect([band.mean[m], band.p05[m], band.p50[m], band.p95[m]]).toEqual([null, null, null, null]);
          continue;
        }
        expect(band.mean[m]!).toBeCloseTo(mean(values), 6);
        expectQuantileClose(band.p05[m]!, values, 0.05);
        expectQuantileClose(band.p25[m]!, values, 0.25);
        expectQuantileClose(band.p50[m]!, values, 0.5);
        expectQuantileClose(band.p75[m]!, values, 0.75);
        expectQuantileClose(band.p95[m]!, values, 0.95);
      }
    });
    const rolling = summary.series.find((s) => s.id === 'retention.rolling12')!;
    expect(rolling.n.slice(0, 11)).toEqual(Array(11).fill(0));
    expect(rolling.n[11]).toBe(400);
  });

  it('gives breakdown means and the pooled retention rate per group', () => {
    const metrics = BREAKDOWN_METRICS.length;
    const ended = BREAKDOWN_METRICS.findIndex((m) => m.id === 'endedContracts');
    const retained = BREAKDOWN_METRICS.findIndex((m) => m.id === 'retained');
    const segment = summary.breakdowns.find((b) => b.dimension === 'segment')!;
    expect(segment.groups.map((g) => g.group)).toEqual(GROUPS.segment);
    segment.groups.forEach((g, gi) => {
      const column = (m: number): number[] =>
        results.map((r) => r.breakdowns.segment.values[gi * metrics + m]!);
      expect(g.iterations).toBe(400);
      BREAKDOWN_METRICS.forEach((metric, m) => expect(g.mean[metric.id]).toBeCloseTo(mean(column(m)), 6));
      const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
      expect(g.retentionRate).toBe(sum(column(retained)) / sum(column(ended)));
    });
  });

  it('counts decisions and rule firings per policy, with rule names when given', () => {
    const named = new RunAccumulator({ horizon: HORIZON, ruleNames: { leads: ['fast-bdc', null] } });
    results.forEach((r) => named.add(r));
    const leads = named.summary().coverage.find((c) => c.kind === 'leads')!;
    const decisions = results.reduce((a, r) => a + r.coverage.leads.decisions, 0);
    const fired0 = results.reduce((a, r) => a + r.coverage.leads.fired[0]!, 0);
    expect(leads.decisions).toBe(decisions);
    expect(leads.rules).toHaveLength(RULES.leads);
    expect(leads.rules[0]).toEqual({ index: 0, name: 'fast-bdc', fired: fired0, share: fired0 / decisions });
    expect(leads.rules[1]!.name).toBeNull();
  });

  it('is plain JSON: no NaN, null where nothing is defined', () => {
    const empty = new RunAccumulator({ horizon: 2 }).summary();
    expect(empty.kpis[0]).toMatchObject({ n: 0, mean: null, se: null, ci95: null, p50: null, min: null });
    expect(JSON.parse(JSON.stringify(summary))).toEqual(summary);
  });

  it('reports a single iteration with no standard error', () => {
    const one = accumulate(results.slice(0, 1)).summary().kpis[kpiIndex('profit.npv')]!;
    expect(one.mean).toBe(results[0]!.kpis[kpiIndex('profit.npv')]);
    expect([one.sd, one.se, one.ci95]).toEqual([null, null, null]);
  });
});

describe('RunAccumulator determinism', () => {
  const single = JSON.stringify(accumulate(results));

  it('merging chunks gives exactly the single-pass aggregate', () => {
    expect(JSON.stringify(chunked(results, 25))).toBe(single);
  });

  it('is identical for any chunk size and any number of workers', () => {
    for (const size of [1, 7, 25, 64, 400]) expect(JSON.stringify(chunked(results, size))).toBe(single);
    // Three workers take chunks round-robin and finish out of order; the driver merges in chunk order.
    const chunks = Array.from({ length: 16 }, (_, c) => results.slice(c * 25, c * 25 + 25));
    const finished = new Map<number, RunAccumulator>();
    for (const worker of [2, 0, 1]) {
      chunks.forEach((chunk, c) => {
        if (c % 3 === worker) finished.set(c, accumulate(chunk));
      });
    }
    const total = new RunAccumulator({ horizon: HORIZON });
    chunks.forEach((_, c) => total.merge(finished.get(c)!));
    expect(JSON.stringify(total)).toBe(single);
    expect(JSON.stringify(total.summary())).toBe(JSON.stringify(accumulate(results).summary()));
  });

  it('gives the same numbers even when chunks merge out of order', () => {
    const reversed = new RunAccumulator({ horizon: HORIZON });
    for (let start = 375; start >= 0; start -= 25)
      reversed.merge(accumulate(results.slice(start, start + 25)));
    expect(JSON.stringify(reversed.summary())).toBe(JSON.stringify(accumulate(results).summary()));
  });

  it('round-trips JSON, and a restored aggregate keeps accumulating identically', () => {
    const first = accumulate(results.slice(0, 150));
    const restored = RunAccumulator.fromJSON(JSON.parse(JSON.stringify(first)));
    expect(JSON.stringify(restored)).toBe(JSON.stringify(first));
    results.slice(150).forEach((r) => restored.add(r));
    expect(JSON.stringify(restored)).toBe(single);
  });
});

describe('RunAccumulator memory', () => {
  it('does not grow with the number of iterations', () => {
    const horizon = 12;
    const sizeAfter = (n: number): number => {
      const acc = new RunAccumulator({ horizon });
      for (let i = 0; i < n; i++) acc.add(syntheticResult('size', i, horizon));
      return JSON.stringify(acc).length;
    };
    const small = sizeAfter(20);
    const large = sizeAfter(2_000);
    // 100× the iterations: only the quantile sketches' occupied ranges and count digits widen (bounded).
    expect(large / small).toBeLessThan(2);
  });
});

describe('RunAccumulator input errors', () => {
  const good = results[0]!;

  it('names the iteration and what was wrong, and adds nothing', () => {
    const acc = accumulate(results.slice(0, 3));
    const before = JSON.stringify(acc);
    const bad: [IterationResult, RegExp][] = [
      [{ ...good, kpis: new Float64Array(3) }, /invalid iteration result 0: kpis has 3 values, expected \d+/],
      [
        { ...good, series: new Float64Array(SERIES.length * 5) },
        /series has \d+ values, expected 11 series × 14 months/,
      ],
      [withKpis(good, (k) => (k[kpiIndex('profit.total')] = 1e40)), /KPI profit.total is 1e\+40, outside/],
      [
        {
          ...good,
          breakdowns: {
            ...good.breakdowns,
            region: { groups: ['north'], values: Float64Array.of(1, NaN, 0, 0) },
          },
        },
        /breakdowns.region group "north" retained is NaN, expected a finite number/,
      ],
      [
        {
          ...good,
          coverage: { ...good.coverage, dunning: { decisions: 4, fired: Float64Array.of(1, 0.5, 0, 0) } },
        },
        /coverage.dunning.fired\[1\] is 0.5, expected a count/,
      ],
      [
        { ...good, coverage: { ...good.coverage, engagement: { decisions: 4, fired: new Float64Array(9) } } },
        /coverage.engagement has 9 rules, expected 3/,
      ],
    ];
    for (const [result, message] of bad) {
      expect(() => acc.add(result)).toThrow(message);
      expect(JSON.stringify(acc)).toBe(before);
    }
  });

  it('rejects a bad horizon and malformed aggregate JSON with the path at fault', () => {
    expect(() => new RunAccumulator({ horizon: 0 })).toThrow(/invalid horizon: 0/);
    const json = JSON.parse(JSON.stringify(accumulate(results.slice(0, 3))));
    expect(() => RunAccumulator.fromJSON({ ...json, format: 'x' })).toThrow(
      /invalid run aggregate: \$.format/,
    );
    expect(() => RunAccumulator.fromJSON({ ...json, iterations: 4 })).toThrow(
      /\$.kpis\[0\]: n \+ undefined must equal 4 iterations/,
    );
    json.kpis[2].sum = 'twelve';
    expect(() => RunAccumulator.fromJSON(json)).toThrow(
      /invalid run aggregate: \$.kpis\[2\]: expected an exact sum/,
    );
    json.kpis[2].id = 'retention.rate';
    expect(() => RunAccumulator.fromJSON(json)).toThrow(/\$.kpis\[2\].id: expected "pnl.interestIncome"/);
    expect(() => new RunAccumulator({ horizon: 3 }).merge(new RunAccumulator({ horizon: 4 }))).toThrow(
      /cannot merge a 4-month aggregate into a 3-month one/,
    );
  });
});

describe('confidence interval coverage', () => {
  it('covers the true mean in about 95% of repeated small experiments', () => {
    const r = rng('coverage');
    const trueMean = 2.5e6;
    const npv = kpiIndex('profit.npv');
    const template = syntheticResult('ci', 0, 1);
    let covered = 0;
    for (let experiment = 0; experiment < 200; experiment++) {
      const acc = new RunAccumulator({ horizon: 1 });
      for (let i = 0; i < 8; i++) {
        acc.add(withKpis({ ...template, iteration: i }, (k) => (k[npv] = trueMean + 3e5 * normal(r))));
      }
      const [lo, hi] = acc.summary().kpis[npv]!.ci95!;
      if (lo <= trueMean && trueMean <= hi) covered++;
    }
    expect(covered / 200).toBeGreaterThanOrEqual(0.9);
    expect(covered / 200).toBeLessThan(1);
  });
});

describe('RunAccumulator merge conflicts', () => {
  it('refuses aggregates of different rule sets and merges nothing', () => {
    const a = new RunAccumulator({ horizon: HORIZON, ruleNames: { dunning: ['a', 'b', 'c', 'd'] } });
    const b = new RunAccumulator({ horizon: HORIZON, ruleNames: { dunning: ['a', 'b', 'c', 'e'] } });
    results.slice(0, 2).forEach((r) => (a.add(r), b.add(r)));
    const before = JSON.stringify(a);
    expect(() => a.merge(b)).toThrow(/cannot merge coverage of dunning from different rule sets/);
    expect(JSON.stringify(a)).toBe(before);
  });
});

import { mean, sampleStandardDeviation } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { BREAKDOWN_METRICS } from '../../engine/result/iteration.ts';
import type { PairedBreakdownSummary } from '../../engine/result/summary.ts';
import { failer } from '../../engine/stats/json-read.ts';
import { PairedAccumulator } from '../../engine/stats/paired.ts';
import { PairedBreakdownTable } from '../../engine/stats/paired-breakdown.ts';
import type { GroupValues } from '../../engine/stats/paired-breakdown.ts';
import { studentTQuantile } from '../../engine/stats/student-t.ts';
import { normal, rng, syntheticResult } from './synthetic.ts';

const METRICS = BREAKDOWN_METRICS.length;
const PROFIT = BREAKDOWN_METRICS.findIndex((m) => m.id === 'profit');
const LOSS = BREAKDOWN_METRICS.findIndex((m) => m.id === 'creditLoss');

/** A table whose every metric of group g is `value(g, metric)`. */
function table(groups: readonly string[], value: (g: number, m: number) => number): GroupValues {
  const values = new Float64Array(groups.length * METRICS);
  groups.forEach((_, g) => {
    for (let m = 0; m < METRICS; m++) values[g * METRICS + m] = value(g, m);
  });
  return { groups, values };
}

const r = rng('paired-breakdown');
/** 40 iterations of two dealers; the challenger adds 100 € ± noise to D1's profit and cuts its loss. */
const pairs = Array.from({ length: 40 }, () => {
  const base = table(['D1', 'D2'], (g, m) => Math.round(1000 * (g + 1) + 300 * normal(r)) + m);
  const noise = Math.round(80 * normal(r));
  const chal = table(['D1', 'D2'], (g, m) => {
    const x = base.values[g * METRICS + m]!;
    if (g === 0 && m === PROFIT) return x + 100 + noise;
    if (g === 0 && m === LOSS) return x - 5;
    return x;
  });
  return [base, chal] as const;
});

function pairedTable(list: readonly (readonly [GroupValues, GroupValues])[]): PairedBreakdownTable {
  const t = new PairedBreakdownTable('dealer');
  for (const [b, c] of list) t.add(b, c);
  return t;
}

const read = (t: PairedBreakdownTable) =>
  PairedBreakdownTable.fromJSON(JSON.parse(JSON.stringify(t)), 'dealer', '$', failer('shard'));

const byGroup = (s: PairedBreakdownSummary) => Object.fromEntries(s.groups.map((g) => [g.group, g]));

describe('PairedBreakdownTable', () => {
  it('gives each group the paired mean delta, its 95% CI and P(better) in the metric direction', () => {
    const { groups, iterations } = pairedTable(pairs).summary();
    expect(iterations).toBe(40);
    const deltas = pairs.map(([b, c]) => c.values[PROFIT]! - b.values[PROFIT]!);
    const d1 = groups[0]!;
    const half = (studentTQuantile(0.975, 39) * sampleStandardDeviation(deltas)) / Math.sqrt(40);
    expect(d1.meanDelta.profit).toBeCloseTo(mean(deltas), 9);
    expect(d1.ci95.profit![0]).toBeCloseTo(mean(deltas) - half, 6);
    expect(d1.ci95.profit![1]).toBeCloseTo(mean(deltas) + half, 6);
    expect(d1.pBetter.profit).toBe(
      deltas.filter((d) => d > 0).length / 40 + deltas.filter((d) => d === 0).length / 80,
    );
    // Credit loss is better lower: a cut of 5 € in every iteration is better every time.
    expect(d1.meanDelta.creditLoss).toBe(-5);
    expect(d1.ci95.creditLoss).toEqual([-5, -5]);
    expect(d1.pBetter.creditLoss).toBe(1);
    // Ended contracts have no favourable direction; D2 is untouched: exactly 0 ± 0, P(better) ½.
    expect(d1.pBetter.endedContracts).toBeNull();
    expect(groups[1]!.meanDelta.profit).toBe(0);
    expect(groups[1]!.ci95.profit).toEqual([0, 0]);
    expect(groups[1]!.pBetter.profit).toBe(0.5);
  });

  it('finds every delta exactly 0 when a scenario is compared with itself', () => {
    const t = pairedTable(pairs.map(([b]) => [b, b] as const));
    for (const g of t.summary().groups) {
      for (const m of BREAKDOWN_METRICS) {
        expect(g.meanDelta[m.id]).toBe(0);
        expect(g.ci95[m.id]).toEqual([0, 0]);
      }
      expect(g.pBetter.profit).toBe(0.5);
      expect(g.inOneOnly).toBe(0);
    }
  });

  it('counts a group one scenario did not report as 0 for that scenario', () => {
    const t = new PairedBreakdownTable('region');
    // Iteration 0: only the challenger sells in "North"; iteration 1: neither does; iteration 2: only the baseline.
    t.add(
      table(['South'], () => 10),
      table(['South', 'North'], () => 4),
    );
    t.add(
      table(['South'], () => 10),
      table(['South'], () => 10),
    );
    t.add(
      table(['South', 'North'], () => 6),
      table(['South'], () => 10),
    );
    const north = byGroup(t.summary()).North!;
    expect(north.inOneOnly).toBe(2);
    expect(north.meanDelta.profit).toBeCloseTo((4 + 0 - 6) / 3, 12);
    expect(north.pBetter.profit).toBe((1 + 0.5) / 3);
    // Groups appear in order of first appearance, the baseline's first.
    expect(t.summary().groups.map((g) => g.group)).toEqual(['South', 'North']);
  });

  it('is the same however the iterations are chunked, and in any merge order but the group listing', () => {
    const single = JSON.stringify(pairedTable(pairs));
    for (const size of [1, 7, 40]) {
      const total = new PairedBreakdownTable('dealer');
      for (let s = 0; s < pairs.length; s += size) total.merge(read(pairedTable(pairs.slice(s, s + size))));
      expect(JSON.stringify(total)).toBe(single);
    }
    // Reversed chunks, the second of which first saw D2 only: the same numbers per group.
    const late = pairs.slice(20).map(([b, c]) => {
      const only = (t: GroupValues) => ({ groups: ['D2'], values: t.values.slice(METRICS) });
      return [only(b), only(c)] as const;
    });
    const forward = pairedTable(pairs.slice(0, 20));
    forward.merge(pairedTable(late));
    const backward = pairedTable(late);
    backward.merge(pairedTable(pairs.slice(0, 20)));
    expect(backward.summary().groups.map((g) => g.group)).toEqual(['D2', 'D1']);
    expect(byGroup(backward.summary())).toEqual(byGroup(forward.summary()));
  });

  it('round-trips JSON and names the path of a damaged entry', () => {
    const t = pairedTable(pairs);
    expect(JSON.stringify(read(t))).toBe(JSON.stringify(t));
    const damaged = JSON.parse(JSON.stringify(t));
    damaged.groups[1].higher[2] = 39;
    expect(() => PairedBreakdownTable.fromJSON(damaged, 'dealer', '$.x', failer('shard'))).toThrow(
      'invalid shard: $.x.groups[1].squares[2]: must be 0 exactly when every pair tied',
    );
    const negative = JSON.parse(JSON.stringify(t));
    negative.groups[0].squares[PROFIT] = '0';
    expect(() => PairedBreakdownTable.fromJSON(negative, 'dealer', '$', failer('shard'))).toThrow(
      `invalid shard: $.groups[0].squares[${PROFIT}]: is smaller than sums² / iterations`,
    );
    expect(() =>
      PairedBreakdownTable.fromJSON(JSON.parse(JSON.stringify(t)), 'cycle', '$', failer('shard')),
    ).toThrow('$.dimension: expected "cycle"');
  });

  it('refuses a value that is not finite before adding anything', () => {
    const bad = table(['D1'], () => NaN);
    expect(PairedBreakdownTable.problem(bad, bad)).toMatch(
      /baseline breakdown value NaN is not a finite number/,
    );
  });
});

describe('PairedAccumulator breakdowns', () => {
  const baselines = Array.from({ length: 30 }, (_, i) => syntheticResult('pb', i, 2));

  it('pairs every dimension and carries the tables through its JSON', () => {
    const acc = new PairedAccumulator();
    baselines.forEach((b) => acc.add(b, b));
    const restored = PairedAccumulator.fromJSON(JSON.parse(JSON.stringify(acc)));
    expect(JSON.stringify(restored.summary())).toBe(JSON.stringify(acc.summary()));
    const breakdowns = acc.summary().breakdowns!;
    expect(breakdowns.map((b) => b.dimension)).toEqual([
      'cycle',
      'segment',
      'creditTier',
      'region',
      'dealer',
    ]);
    for (const b of breakdowns) for (const g of b.groups) expect(g.meanDelta.profit).toBe(0);
  });

  it('refuses a breakdown table whose iterations disagree with the aggregate', () => {
    const acc = new PairedAccumulator();
    baselines.forEach((b) => acc.add(b, b));
    const json = JSON.parse(JSON.stringify(acc));
    json.breakdowns[4].iterations = 29;
    expect(() => PairedAccumulator.fromJSON(json)).toThrow(
      'invalid paired aggregate: $.breakdowns[4].iterations: expected 30',
    );
  });
});

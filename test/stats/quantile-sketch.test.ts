import { quantile } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { MAX_BINS, QuantileSketch, RELATIVE_ACCURACY } from '../../engine/stats/quantile-sketch.ts';
import { normal, rng } from './synthetic.ts';

const QS = [0, 0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99, 1];

function sketchOf(values: number[]): QuantileSketch {
  const s = new QuantileSketch();
  values.forEach((x) => s.add(x));
  return s;
}

/** |estimate − exact| within the relative accuracy of the larger order statistic involved. */
function expectWithinAccuracy(values: number[], s: QuantileSketch): void {
  const sorted = [...values].sort((a, b) => a - b);
  for (const q of QS) {
    const exact = quantile(values, q);
    const rank = q * (sorted.length - 1);
    const scale = Math.max(Math.abs(sorted[Math.floor(rank)]!), Math.abs(sorted[Math.ceil(rank)]!));
    expect(Math.abs(s.quantile(q) - exact)).toBeLessThanOrEqual(RELATIVE_ACCURACY * scale * (1 + 1e-12));
  }
}

describe('QuantileSketch', () => {
  it('matches simple-statistics quantiles within its relative accuracy (log-normal € amounts)', () => {
    const r = rng('lognormal');
    const values = Array.from({ length: 5000 }, () => Math.round(Math.exp(12 + 1.5 * normal(r)) * 100) / 100);
    expectWithinAccuracy(values, sketchOf(values));
  });

  it('handles values of both signs and exact zeros', () => {
    const r = rng('mixed');
    const values = Array.from({ length: 3000 }, () => (r() < 0.2 ? 0 : 1e4 * normal(r)));
    const s = sketchOf(values);
    expectWithinAccuracy(values, s);
    // 40% negative, 20% zero, 40% positive: the middle ranks are exact zeros, reported exactly.
    expect(quantile(values, 0.5)).toBe(0);
    expect(s.quantile(0.5)).toBe(0);
  });

  it('keeps count, min and max exact, and returns a constant exactly', () => {
    const s = sketchOf([1234.56, -7, 1e-3, 1234.56]);
    expect([s.count, s.min, s.max]).toEqual([4, -7, 1234.56]);
    const constant = sketchOf(Array.from({ length: 50 }, () => 987.65));
    for (const q of QS) expect(constant.quantile(q)).toBe(987.65);
  });

  it('is NaN when empty and rejects a quantile outside 0–1', () => {
    expect(new QuantileSketch().quantile(0.5)).toBeNaN();
    expect(() => sketchOf([1]).quantile(1.5)).toThrow(/invalid quantile/);
  });

  it('merges to the same state in any order and any grouping', () => {
    const r = rng('merge');
    const values = Array.from({ length: 2000 }, () => 1e3 * normal(r) + 200);
    const whole = JSON.stringify(sketchOf(values));
    const parts = [values.slice(0, 25), values.slice(25, 1100), values.slice(1100)].map(sketchOf);
    const inOrder = new QuantileSketch();
    parts.forEach((p) => inOrder.merge(p));
    const reversed = new QuantileSketch();
    [...parts].reverse().forEach((p) => reversed.merge(p));
    expect(JSON.stringify(inOrder)).toBe(whole);
    expect(JSON.stringify(reversed)).toBe(whole);
  });

  it('stays within a fixed number of buckets whatever the spread of values', () => {
    const r = rng('wide');
    const s = new QuantileSketch();
    for (let i = 0; i < 100_000; i++) s.add((r() < 0.5 ? -1 : 1) * 2 ** (200 * r() - 100));
    const json = s.toJSON();
    expect(json.positive.length).toBeLessThanOrEqual(MAX_BINS + 1);
    expect(json.negative.length).toBeLessThanOrEqual(MAX_BINS + 1);
    expect(s.count).toBe(100_000);
    // The largest magnitudes keep their accuracy; the collapsed small ones are far below them.
    expect(s.quantile(0.999) / 2 ** 99).toBeGreaterThan(0.1);
  });

  it('round-trips JSON and rejects malformed sketches', () => {
    const s = sketchOf([3, -2, 0, 5e6]);
    const back = QuantileSketch.fromJSON(JSON.parse(JSON.stringify(s)));
    expect(JSON.stringify(back)).toBe(JSON.stringify(s));
    expect(back.quantile(0.7)).toBe(s.quantile(0.7));
    expect(() => QuantileSketch.fromJSON({ ...s.toJSON(), positive: [5, -1] })).toThrow(
      /non-negative integers/,
    );
    expect(() => QuantileSketch.fromJSON({ ...s.toJSON(), min: null })).toThrow(/min and max/);
    expect(() => QuantileSketch.fromJSON({ ...s.toJSON(), positive: [1e9, 1] })).toThrow(/bucket key/);
  });
});

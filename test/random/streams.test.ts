import { describe, expect, it } from 'vitest';
import {
  bernoulli,
  iterationKey,
  normal01,
  normalQuantile,
  pickIndex,
  poisson,
  uniform,
} from '../../engine/random/streams.ts';

const N = 100_000;
/** χ² critical value for 99 degrees of freedom at p = 0.001. */
const CHI2_99_P001 = 148.23;

/** χ² statistic of `n` observations falling in `bins` equally likely cells (`cell(i)` is observation i's cell). */
function chiSquareCells(n: number, bins: number, cell: (i: number) => number): number {
  const counts = new Float64Array(bins);
  for (let i = 0; i < n; i++) counts[cell(i)]!++;
  const expected = n / bins;
  let chi2 = 0;
  for (const c of counts) chi2 += (c - expected) ** 2 / expected;
  return chi2;
}

function chiSquare(values: Float64Array, bins: number): number {
  return chiSquareCells(values.length, bins, (i) => Math.floor(values[i]! * bins));
}

function correlation(a: Float64Array, b: Float64Array): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i]!;
    mb += b[i]!;
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - ma;
    const db = b[i]! - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return sab / Math.sqrt(saa * sbb);
}

function draws(f: (i: number) => number, n = N): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => f(i));
}

const key = iterationKey(20240917, 3);

describe('iterationKey', () => {
  it('is a deterministic 32-bit key, the same for a seed as number or string', () => {
    const k = iterationKey(42, 7);
    expect(Number.isInteger(k) && k >= -(2 ** 31) && k < 2 ** 31).toBe(true);
    expect(iterationKey(42, 7)).toBe(k);
    expect(iterationKey('42', 7)).toBe(k);
  });
  it('differs between seeds and between iterations', () => {
    const keys = new Set<number>();
    for (let seed = 0; seed < 50; seed++) for (let it = 0; it < 200; it++) keys.add(iterationKey(seed, it));
    expect(keys.size).toBe(50 * 200);
  });
  it('rejects iterations that are not non-negative integers, and non-finite seeds', () => {
    expect(() => iterationKey(1, -1)).toThrow('invalid iteration');
    expect(() => iterationKey(1, 1.5)).toThrow('invalid iteration');
    expect(() => iterationKey(NaN, 0)).toThrow('invalid seed');
  });
});

describe('uniform', () => {
  it('is pure: the same address gives the same number', () => {
    expect(uniform(key, 123, 4, 56, 2)).toBe(uniform(key, 123, 4, 56, 2));
    expect(uniform(key, 123, 4, 56)).toBe(uniform(key, 123, 4, 56, 0));
  });
  it('stays in [0, 1) at extreme addresses', () => {
    for (const k of [0, 1, 2 ** 31 - 1, 2 ** 32 - 1]) {
      for (const e of [0, 9_999_999, 2 ** 31 - 1]) {
        const u = uniform(k, e, 2 ** 31 - 1, 1200, 2 ** 31 - 1);
        expect(u >= 0 && u < 1).toBe(true);
      }
    }
  });
  it.each([
    ['entities', (i: number) => uniform(key, i, 5, 12)],
    ['months', (i: number) => uniform(key, 77, 5, i)],
    ['decisions', (i: number) => uniform(key, 77, i, 12)],
    ['draws', (i: number) => uniform(key, 77, 5, 12, i)],
    ['iterations', (i: number) => uniform(iterationKey(1, i), 0, 0, 0)],
  ])('is uniform across %s (χ² over 100 bins)', (_, f) => {
    const values = draws(f, _ === 'iterations' ? 20_000 : N);
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(chiSquare(values, 100)).toBeLessThan(CHI2_99_P001);
  });
  it('sets each of its 32 bits half the time', () => {
    const ones = new Float64Array(32);
    for (let i = 0; i < N; i++) {
      const bits = uniform(key, i, 9, 0) * 2 ** 32;
      for (let b = 0; b < 32; b++) ones[b]! += Math.floor(bits / 2 ** b) % 2;
    }
    // 4.5 standard deviations of a binomial(N, ½) share.
    const tolerance = 4.5 * Math.sqrt(0.25 / N);
    for (const count of ones) expect(Math.abs(count / N - 0.5)).toBeLessThan(tolerance);
  });
  it.each([
    ['neighbouring entities', (i: number) => uniform(key, i, 1, 0), (i: number) => uniform(key, i + 1, 1, 0)],
    ['neighbouring months', (i: number) => uniform(key, i, 1, 6), (i: number) => uniform(key, i, 1, 7)],
    ['neighbouring decisions', (i: number) => uniform(key, i, 1, 6), (i: number) => uniform(key, i, 2, 6)],
    ['neighbouring draws', (i: number) => uniform(key, i, 1, 6, 0), (i: number) => uniform(key, i, 1, 6, 1)],
    ['neighbouring keys', (i: number) => uniform(1000, i, 1, 6), (i: number) => uniform(1001, i, 1, 6)],
    [
      'neighbouring iterations',
      (i: number) => uniform(iterationKey(7, 0), i, 1, 6),
      (i: number) => uniform(iterationKey(7, 1), i, 1, 6),
    ],
    ['entity and month swapped', (i: number) => uniform(key, i, 1, 6), (i: number) => uniform(key, 6, 1, i)],
  ])('is uncorrelated between %s', (_, f, g) => {
    const a = draws(f);
    const b = draws(g);
    // 4.5 standard errors of a correlation over N independent pairs.
    expect(Math.abs(correlation(a, b))).toBeLessThan(4.5 / Math.sqrt(N));
    // Joint uniformity of the pairs (10 × 10 cells) catches dependence a correlation misses.
    const cell = (i: number): number => Math.floor(a[i]! * 10) * 10 + Math.floor(b[i]! * 10);
    expect(chiSquareCells(N, 100, cell)).toBeLessThan(CHI2_99_P001);
  });
});

describe('bernoulli', () => {
  it('happens with probability p, and monotonically in p for the same luck', () => {
    let hits = 0;
    for (let i = 0; i < N; i++) {
      const u = uniform(key, i, 3, 0);
      if (bernoulli(0.3, u)) {
        hits++;
        if (!bernoulli(0.31, u)) throw new Error(`raising p from 0.3 to 0.31 undid the event at u = ${u}`);
      }
    }
    expect(Math.abs(hits / N - 0.3)).toBeLessThan(4.5 * Math.sqrt(0.21 / N));
    expect(bernoulli(0, 0)).toBe(false);
    expect(bernoulli(1, 1 - 2 ** -32)).toBe(true);
  });
});

describe('poisson', () => {
  it.each([0.2, 3, 12.5, 50, 51, 200, 2e5])('has mean and variance equal to mean %s', (mean) => {
    const xs = draws((i) => poisson(mean, key, i, 8, 2));
    const m = xs.reduce((s, x) => s + x, 0) / N;
    const v = xs.reduce((s, x) => s + (x - m) ** 2, 0) / (N - 1);
    expect(xs.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
    expect(Math.abs(m - mean)).toBeLessThan(4.5 * Math.sqrt(mean / N));
    expect(Math.abs(v / mean - 1)).toBeLessThan(0.03);
  });
  it('follows the Poisson probabilities (χ² at mean 3)', () => {
    const counts = new Float64Array(10);
    for (let i = 0; i < N; i++) counts[Math.min(poisson(3, key, i, 8, 0), 9)]!++;
    let p = Math.exp(-3);
    let cdf = 0;
    let chi2 = 0;
    for (let k = 0; k < 10; k++) {
      const prob = k < 9 ? p : 1 - cdf;
      chi2 += (counts[k]! - N * prob) ** 2 / (N * prob);
      cdf += p;
      p *= 3 / (k + 1);
    }
    // χ² critical value for 9 degrees of freedom at p = 0.001.
    expect(chi2).toBeLessThan(27.88);
  });
  it('never decreases when the mean rises, for the same luck', () => {
    let decreases = 0;
    for (let i = 0; i < 20_000; i++) {
      let previous = 0;
      for (const mean of [0, 0.5, 2, 10, 49.9, 50, 50.1, 80, 100, 100.01, 300]) {
        const k = poisson(mean, key, i, 8, 1);
        if (k < previous) decreases++;
        previous = k;
      }
    }
    expect(decreases).toBe(0);
  });
  it('is 0 for a mean of 0', () => {
    expect(poisson(0, key, 1, 8, 1)).toBe(0);
  });
});

describe('normal01', () => {
  it('has mean 0, variance 1 and normal tails', () => {
    const zs = draws((i) => normal01(key, i, 11, 4));
    const m = zs.reduce((s, z) => s + z, 0) / N;
    const v = zs.reduce((s, z) => s + (z - m) ** 2, 0) / (N - 1);
    const tails = zs.filter((z) => Math.abs(z) > 1.959964).length / N;
    expect(Math.abs(m)).toBeLessThan(4.5 / Math.sqrt(N));
    expect(Math.abs(v - 1)).toBeLessThan(0.02);
    expect(Math.abs(tails - 0.05)).toBeLessThan(4.5 * Math.sqrt(0.0475 / N));
  });
});

describe('normalQuantile', () => {
  it('matches tabulated quantiles of the standard normal', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963985, 7);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232306, 7);
    expect(normalQuantile(1e-9)).toBeCloseTo(-5.997807015, 6);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
  });
});

describe('pickIndex', () => {
  it('picks each index with probability weight / total, never a zero weight', () => {
    const weights = Float64Array.of(2, 0, 5, 3, 0);
    const counts = new Float64Array(5);
    for (let i = 0; i < N; i++) counts[pickIndex(weights, uniform(key, i, 2, 0))]!++;
    expect(counts[1]).toBe(0);
    expect(counts[4]).toBe(0);
    for (const [i, share] of [
      [0, 0.2],
      [2, 0.5],
      [3, 0.3],
    ] as const) {
      expect(Math.abs(counts[i]! / N - share)).toBeLessThan(4.5 * Math.sqrt((share * (1 - share)) / N));
    }
  });
  it('maps the ends of [0, 1) to the first and last positive weight', () => {
    const weights = Float64Array.of(0, 0.1, 0.2, 0.7, 0);
    expect(pickIndex(weights, 0)).toBe(1);
    expect(pickIndex(weights, 1 - 2 ** -32)).toBe(3);
    expect(pickIndex(Float64Array.of(0.1, 0.2, 0.3, 0.4), 0.3 - 1e-12)).toBe(1);
    expect(pickIndex(Float64Array.of(0.1, 0.2, 0.3, 0.4), 0.3 + 1e-12)).toBe(2);
  });
  it('rejects weights with nothing positive', () => {
    expect(() => pickIndex(Float64Array.of(0, 0), 0.5)).toThrow('invalid weights');
  });
});

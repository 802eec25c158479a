import { describe, expect, it } from 'vitest';
import { formatValueProblem } from '../../engine/json/problem.ts';
import { iterationKey, uniform } from '../../engine/random/streams.ts';
import {
  cdf,
  checkNum as checkNumProblems,
  distMean,
  distSupport,
  isDist,
  quantile,
  sample,
  type Dist,
  type Num,
} from '../../engine/world/distributions.ts';

const N = 200_000;

/** Independent uniforms from one keyed stream, as the simulator feeds `sample`. */
function stream(decision: number): () => number {
  const key = iterationKey('distributions', 0);
  let draw = 0;
  return () => uniform(key, 0, decision, 0, draw++);
}

function moments(x: Num, decision: number): { mean: number; variance: number; min: number; max: number } {
  const u = stream(decision);
  let sum = 0;
  let sumSq = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < N; i++) {
    const v = sample(x, u);
    sum += v;
    sumSq += v * v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const mean = sum / N;
  return { mean, variance: (sumSq - N * mean * mean) / (N - 1), min, max };
}

const cases: readonly { dist: Dist; variance: number }[] = [
  // (a² + b² + c² − ab − ac − bc) / 18
  { dist: { dist: 'triangular', min: 2, mode: 3, max: 10 }, variance: (4 + 9 + 100 - 6 - 20 - 30) / 18 },
  // PERT: (μ − min)(max − μ) / 7 with μ = (min + 4·mode + max) / 6 = 4
  { dist: { dist: 'pert', min: 0, mode: 3, max: 12 }, variance: ((4 - 0) * (12 - 4)) / 7 },
  { dist: { dist: 'normal', mean: -5, sd: 2.5 }, variance: 6.25 },
  { dist: { dist: 'lognormal', mean: 42_000, sd: 12_000 }, variance: 12_000 ** 2 },
  // αβ / ((α + β)²(α + β + 1)) · range²
  { dist: { dist: 'beta', alpha: 6, beta: 4 }, variance: 24 / (100 * 11) },
  { dist: { dist: 'beta', alpha: 0.5, beta: 0.5, min: 10, max: 20 }, variance: (0.25 / (1 * 2)) * 100 },
  { dist: { dist: 'beta', alpha: 0.3, beta: 2 }, variance: 0.6 / (2.3 ** 2 * 3.3) },
  { dist: { dist: 'uniform', min: -1, max: 3 }, variance: 16 / 12 },
];

describe('sample', () => {
  it.each(cases)('$dist.dist $dist matches its analytic mean and variance', ({ dist, variance }) => {
    const m = moments(
      dist,
      cases.findIndex((c) => c.dist === dist),
    );
    const mean = distMean(dist);
    // 4.5 standard errors of the mean; the sample variance within 3%.
    expect(Math.abs(m.mean - mean)).toBeLessThan(4.5 * Math.sqrt(variance / N));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.03);
    const [lo, hi] = distSupport(dist);
    expect(m.min).toBeGreaterThanOrEqual(lo);
    expect(m.max).toBeLessThanOrEqual(hi);
  });
  it('keeps lognormal values positive and bounded values within [min, max]', () => {
    expect(moments({ dist: 'lognormal', mean: 1, sd: 3 }, 20).min).toBeGreaterThan(0);
    const tri = moments({ dist: 'triangular', min: 5, mode: 5, max: 6 }, 21);
    expect(tri.min).toBeGreaterThanOrEqual(5);
    expect(tri.max).toBeLessThanOrEqual(6);
  });
  it('returns a number as is without consuming a uniform', () => {
    let calls = 0;
    expect(sample(7.5, () => (calls++, 0.5))).toBe(7.5);
    expect(calls).toBe(0);
  });
  it('maps one uniform monotonically for normal, lognormal, triangular and uniform', () => {
    const dists: Dist[] = [
      { dist: 'normal', mean: 0, sd: 1 },
      { dist: 'lognormal', mean: 10, sd: 4 },
      { dist: 'triangular', min: 0, mode: 8, max: 10 },
      { dist: 'uniform', min: 3, max: 4 },
    ];
    for (const d of dists) {
      let previous = -Infinity;
      for (const u of [0, 0.01, 0.2, 0.5, 0.8, 0.99, 1 - 2 ** -32]) {
        let calls = 0;
        const v = sample(d, () => (calls++, u));
        expect(calls).toBe(1);
        expect(Number.isFinite(v)).toBe(true);
        expect(v).toBeGreaterThan(previous);
        previous = v;
      }
    }
    expect(sample({ dist: 'normal', mean: 100, sd: 15 }, () => 0.975)).toBeCloseTo(100 + 15 * 1.959964, 4);
  });
  it('degenerate distributions give their single value', () => {
    const u = stream(30);
    expect(sample({ dist: 'pert', min: 4, mode: 4, max: 4 }, u)).toBe(4);
    expect(sample({ dist: 'triangular', min: 4, mode: 4, max: 4 }, u)).toBe(4);
    expect(sample({ dist: 'normal', mean: 4, sd: 0 }, u)).toBe(4);
    expect(sample({ dist: 'lognormal', mean: 4, sd: 0 }, u)).toBeCloseTo(4, 12);
  });
});

describe('distMean', () => {
  it('gives the analytic mean of each distribution', () => {
    expect(distMean(3)).toBe(3);
    expect(distMean({ dist: 'triangular', min: 0, mode: 3, max: 9 })).toBe(4);
    expect(distMean({ dist: 'pert', min: 0, mode: 3, max: 12 })).toBe(4);
    expect(distMean({ dist: 'lognormal', mean: 42_000, sd: 12_000 })).toBe(42_000);
    expect(distMean({ dist: 'beta', alpha: 6, beta: 4 })).toBeCloseTo(0.6, 12);
    expect(distMean({ dist: 'beta', alpha: 1, beta: 3, min: 100, max: 200 })).toBe(125);
    expect(distMean({ dist: 'uniform', min: 1, max: 2 })).toBe(1.5);
  });
});

describe('isDist', () => {
  it('recognises distribution objects by a known dist name only', () => {
    expect(isDist({ dist: 'beta', alpha: 1, beta: 1 })).toBe(true);
    expect(isDist({ dist: 'cauchy' })).toBe(false);
    expect(isDist({ dist: 'toString' })).toBe(false);
    expect(isDist(0.5)).toBe(false);
    expect(isDist(null)).toBe(false);
    expect(isDist([{ dist: 'normal' }])).toBe(false);
  });
});

describe('checkNum', () => {
  const at = '/world/renewal/base';
  const checkNum = (x: unknown, pointer: string) => checkNumProblems(x, pointer).map(formatValueProblem);
  it('accepts numbers and well-formed distributions', () => {
    expect(checkNum(0.4, at)).toEqual([]);
    for (const c of cases) expect(checkNum(c.dist, at)).toEqual([]);
    expect(checkNum({ dist: 'pert', min: 1, mode: 1, max: 1 }, at)).toEqual([]);
  });
  it.each([
    ['a string', '0.4', 'expected a number or an object with "dist"'],
    ['null', null, 'expected a number or an object with "dist"'],
    ['a missing dist', { min: 0, max: 1 }, 'missing "dist": expected one of triangular, pert, normal'],
    ['an unknown dist', { dist: 'gamma', shape: 2 }, 'unknown dist "gamma": expected one of'],
    ['a prototype name as dist', { dist: '__proto__' }, 'unknown dist "__proto__"'],
    [
      'an extra key',
      { dist: 'normal', mean: 1, sd: 1, min: 0 },
      'unknown key "min" for normal: expected dist, mean, sd',
    ],
    ['a missing key', { dist: 'triangular', min: 0, max: 1 }, 'missing "mode" for triangular'],
    [
      'a non-numeric parameter',
      { dist: 'uniform', min: '0', max: 1 },
      '"min" must be a finite number, got "0"',
    ],
    ['min > max', { dist: 'uniform', min: 2, max: 1 }, 'min 2 is greater than max 1'],
    [
      'mode outside [min, max]',
      { dist: 'pert', min: 0, mode: 12, max: 10 },
      'mode 12 is outside [min, max] = [0, 10]',
    ],
    ['a negative sd', { dist: 'normal', mean: 0, sd: -1 }, 'sd -1 is negative'],
    ['a non-positive lognormal mean', { dist: 'lognormal', mean: 0, sd: 1 }, 'mean 0 must be > 0'],
    ['alpha ≤ 0', { dist: 'beta', alpha: 0, beta: 2 }, 'alpha 0 must be > 0'],
    ['beta ≤ 0', { dist: 'beta', alpha: 1, beta: -2 }, 'beta -2 must be > 0'],
    [
      'beta bounds reversed',
      { dist: 'beta', alpha: 1, beta: 1, min: 1, max: 0 },
      'min 1 is greater than max 0',
    ],
  ])('reports %s', (_, value, message) => {
    const problems = checkNum(value, at);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`${at}  invalid distribution: `);
    expect(problems[0]).toContain(message);
  });
  it('reports every problem of one distribution', () => {
    expect(checkNum({ dist: 'beta', alpha: -1, beta: 0, extra: 1 }, at)).toEqual([
      `${at}  invalid distribution: unknown key "extra" for beta: expected dist, alpha, beta, min, max`,
      `${at}  invalid distribution: alpha -1 must be > 0`,
      `${at}  invalid distribution: beta 0 must be > 0`,
    ]);
  });
});

describe('quantile', () => {
  it('has closed forms where the distribution has one', () => {
    expect(quantile(0.04, 0.1)).toBe(0.04);
    expect(quantile({ dist: 'uniform', min: 0.03, max: 0.05 }, 0.9)).toBeCloseTo(0.048, 15);
    expect(quantile({ dist: 'normal', mean: 10, sd: 2 }, 0.975)).toBeCloseTo(10 + 2 * 1.959964, 5);
    // Beta(2, 1) has CDF x², Beta(1, 2) has CDF 1 − (1 − x)², Beta(½, ½) is the arcsine law.
    expect(quantile({ dist: 'beta', alpha: 2, beta: 1 }, 0.36)).toBeCloseTo(0.6, 12);
    expect(quantile({ dist: 'beta', alpha: 1, beta: 2, min: 10, max: 20 }, 0.75)).toBeCloseTo(15, 10);
    expect(quantile({ dist: 'beta', alpha: 0.5, beta: 0.5 }, 0.25)).toBeCloseTo(
      Math.sin(Math.PI / 8) ** 2,
      10,
    );
    // A symmetric PERT's median is its mode; a triangular's p at the mode is (mode − min) / range.
    expect(quantile({ dist: 'pert', min: 1, mode: 2, max: 3 }, 0.5)).toBeCloseTo(2, 12);
    expect(quantile({ dist: 'triangular', min: 0, mode: 1, max: 4 }, 0.25)).toBeCloseTo(1, 12);
    // The lognormal's median is e^μ = mean / √(1 + cv²).
    expect(quantile({ dist: 'lognormal', mean: 100, sd: 50 }, 0.5)).toBeCloseTo(100 / Math.sqrt(1.25), 8);
  });

  it.each(cases)('$dist.dist $dist: its p10 and p90 match the sampled quantiles', ({ dist }) => {
    const u = stream(100 + cases.findIndex((c) => c.dist === dist));
    const draws = Float64Array.from({ length: 50_000 }, () => sample(dist, u)).sort();
    const [lo, hi] = [draws[0]!, draws[draws.length - 1]!];
    for (const p of [0.1, 0.5, 0.9]) {
      const q = quantile(dist, p);
      // The sampled quantile is within ±0.01 in probability of p (50,000 draws: ±4.2 standard errors).
      expect(q).toBeGreaterThanOrEqual(draws[Math.floor((p - 0.01) * draws.length)]!);
      expect(q).toBeLessThanOrEqual(draws[Math.ceil((p + 0.01) * draws.length)]!);
      expect(q).toBeGreaterThanOrEqual(Math.min(lo, distSupport(dist)[0]));
      expect(q).toBeLessThanOrEqual(Math.max(hi, distSupport(dist)[1]));
    }
  });

  it('rises with p and gives the ends of the support at 0 and 1', () => {
    const pert: Dist = { dist: 'pert', min: 0.4, mode: 0.55, max: 0.8 };
    const ps = [0, 0.01, 0.1, 0.3, 0.5, 0.7, 0.9, 0.99, 1];
    const qs = ps.map((p) => quantile(pert, p));
    for (let i = 1; i < qs.length; i++) expect(qs[i]!).toBeGreaterThan(qs[i - 1]!);
    expect(qs[0]).toBe(0.4);
    expect(qs.at(-1)).toBe(0.8);
    expect(quantile({ dist: 'normal', mean: 0, sd: 1 }, 0)).toBe(-Infinity);
    expect(() => quantile(pert, 1.5)).toThrow(/invalid quantile 1.5/);
  });
});

describe('cdf', () => {
  it.each(cases)('$dist.dist $dist inverts the quantile', ({ dist }) => {
    for (const p of [0.05, 0.1, 0.5, 0.9, 0.95]) expect(cdf(dist, quantile(dist, p))).toBeCloseTo(p, 9);
  });

  it('is 0 below the support and 1 at its top, and a step for a number', () => {
    const pert: Dist = { dist: 'pert', min: 0.4, mode: 0.55, max: 0.8 };
    expect(cdf(pert, 0.3)).toBe(0);
    expect(cdf(pert, 0.8)).toBe(1);
    expect(cdf(0.04, 0.039)).toBe(0);
    expect(cdf(0.04, 0.04)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { kolmogorovSmirnov, paired, welch } from './two-sample.ts';

// Integers, so that a shifted ramp ties with the other exactly where they overlap.
const ramp = (n: number, shift = 0) => Array.from({ length: n }, (_, i) => i + shift);

describe('two-sample tests (test/bench/next-event.ts)', () => {
  it('find no difference between a sample and itself', () => {
    const a = ramp(200);
    expect(welch(a, a).p).toBeCloseTo(1, 12);
    expect(kolmogorovSmirnov(a, a)).toEqual({ statistic: 0, p: 1 });
    expect(paired(a, a)).toEqual({ statistic: 0, p: 1 });
  });

  it('find a shift of half the range', () => {
    const a = ramp(200);
    const b = ramp(200, 100);
    expect(welch(a, b).p).toBeLessThan(1e-12);
    expect(kolmogorovSmirnov(a, b).statistic).toBeCloseTo(0.5, 12);
    expect(kolmogorovSmirnov(a, b).p).toBeLessThan(1e-12);
    expect(
      paired(
        a,
        b.map((x, i) => x + (i % 2) * 0.01),
      ).p,
    ).toBeLessThan(1e-12);
  });

  it('give the textbook values: Welch t and KS D of small samples', () => {
    // t = (2 − 5) / √(1/3 + 1/3) = −3.674…, df = 4 (equal variances and sizes): two-sided p = 0.02131.
    const t = welch([1, 2, 3], [4, 5, 6]);
    expect(t.statistic).toBeCloseTo(-3 / Math.sqrt(2 / 3), 12);
    expect(t.p).toBeCloseTo(0.02131, 4);
    // Disjoint samples: the empirical CDFs are 1 apart.
    expect(kolmogorovSmirnov([1, 2, 3], [4, 5, 6]).statistic).toBe(1);
    // Ties step both CDFs at once: {1, 1, 2} against {1, 2, 2} differ by 1/3 after the 1s.
    expect(kolmogorovSmirnov([1, 1, 2], [1, 2, 2]).statistic).toBeCloseTo(1 / 3, 12);
  });
});

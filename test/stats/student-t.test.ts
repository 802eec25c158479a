import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../engine/stats/student-t.ts';

// t(0.975, df) from scipy.stats.t.ppf(0.975, df).
const TABLE: [number, number][] = [
  [1, 12.706204736174694],
  [2, 4.302652729749462],
  [3, 3.1824463052837078],
  [4, 2.7764451051977934],
  [5, 2.5705818356363146],
  [9, 2.262157162798205],
  [10, 2.228138851986274],
  [24, 2.0638985616280245],
  [30, 2.0422724563012378],
  [99, 1.9842169515864174],
  [1000, 1.9623390808264083],
];

describe('studentTQuantile', () => {
  it.each(TABLE)('t(0.975, %i) = %f', (df, t) => {
    expect(studentTQuantile(0.975, df)).toBeCloseTo(t, 12);
  });

  it('approaches the normal quantile 1.959964 for large df', () => {
    expect(studentTQuantile(0.975, 1e7)).toBeCloseTo(1.959964221767205, 8);
  });

  it('is symmetric and inverts the CDF', () => {
    for (const df of [1, 3, 7, 40, 500]) {
      for (const p of [0.01, 0.2, 0.6, 0.9, 0.999]) {
        const t = studentTQuantile(p, df);
        expect(studentTQuantile(1 - p, df)).toBeCloseTo(-t, 10);
        expect(studentTCdf(t, df)).toBeCloseTo(p, 12);
      }
    }
    expect(studentTQuantile(0.5, 5)).toBe(0);
  });

  it('rejects impossible arguments', () => {
    expect(() => studentTQuantile(1, 5)).toThrow(/invalid probability/);
    expect(() => studentTQuantile(0.9, 0)).toThrow(/invalid degrees of freedom/);
  });
});

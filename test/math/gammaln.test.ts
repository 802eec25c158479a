import { gammaln as simpleStatisticsGammaln } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { gammaln } from '../../engine/math/gammaln.ts';

/** ln((n − 1)!) from the factorial multiplied out in doubles: within ~1e-15 relative for n ≤ 30. */
function logFactorialOf(n: number): number {
  let product = 1;
  for (let k = 2; k < n; k++) product *= k;
  return Math.log(product);
}

/** The arguments Student's t feeds it (df/2, ½, (df + 1)/2 for df = 1 … 2000) and a wide spread beyond. */
function inputs(): number[] {
  const xs: number[] = [];
  for (let df = 1; df <= 2000; df++) xs.push(df / 2, (df + 1) / 2);
  for (let i = 1; i <= 20_000; i++) xs.push(i * 0.0137, i * i * 0.61, 1 / i);
  return xs;
}

describe('gammaln', () => {
  it('is ln Γ: the log of a factorial at whole numbers, ln √π at ½', () => {
    for (let n = 1; n <= 30; n++) {
      const want = logFactorialOf(n);
      expect(Math.abs(gammaln(n) - want), `gammaln(${n})`).toBeLessThanOrEqual(1e-13 * Math.max(1, want));
    }
    expect(gammaln(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 14);
    // Stirling's series: ln Γ(x) = (x − ½) ln x − x + ½ ln 2π + 1/(12x) − 1/(360x³) + …
    const x = 1e6;
    const stirling = (x - 0.5) * Math.log(x) - x + 0.5 * Math.log(2 * Math.PI) + 1 / (12 * x);
    expect(gammaln(x) / stirling).toBeCloseTo(1, 14);
  });

  it('is +∞ for x ≤ 0 and NaN for NaN', () => {
    expect(gammaln(0)).toBe(Infinity);
    expect(gammaln(-3.5)).toBe(Infinity);
    expect(gammaln(NaN)).toBeNaN();
  });

  // The function it replaced computes on Node 20's Math.log, which engine/math reproduces bit for bit:
  // Student's t quantiles, and so every confidence interval the CLI prints, keep their digits there.
  it.runIf(process.versions.v8.startsWith('11.'))(
    'returns exactly simple-statistics’ gammaln in Node 20',
    () => {
      const differing = inputs().filter((x) => !Object.is(gammaln(x), simpleStatisticsGammaln(x)));
      expect(differing.slice(0, 5)).toEqual([]);
    },
  );
});

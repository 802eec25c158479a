import { exactRatio } from './exact-ratio.ts';
import { ExactSum } from './exact-sum.ts';
import { QuantileSketch, TINY } from './quantile-sketch.ts';
import type { QuantileSketchJson } from './quantile-sketch.ts';
import { studentTQuantile } from './student-t.ts';

/** Largest magnitude a value may have (≈ 1.27e30): beyond it a value is a simulator bug, not a result. */
export const MAX_MAGNITUDE = 2 ** 100;

/**
 * The distribution of one quantity over iterations (a KPI, a paired KPI delta, or a series month),
 * in fixed memory: count, exact Σx (and Σx² when `withVariance`), and a quantile sketch.
 * Non-finite values (NaN = undefined in that iteration, ±∞) are skipped and counted.
 * Everything here is a function of the multiset of values added, so merge order never matters.
 */
export class Distribution {
  n = 0;
  undefinedCount = 0;
  readonly sum = ExactSum.linear();
  readonly sumOfSquares: ExactSum | null;
  readonly sketch = new QuantileSketch();

  constructor(readonly withVariance: boolean) {
    this.sumOfSquares = withVariance ? ExactSum.squares() : null;
  }

  /** Adds one iteration's value; throws a RangeError for a finite value beyond ±MAX_MAGNITUDE. */
  add(x: number): void {
    if (!Number.isFinite(x)) {
      this.undefinedCount++;
      return;
    }
    if (Math.abs(x) > MAX_MAGNITUDE) {
      throw new RangeError(`value ${x} is outside the supported range ±${MAX_MAGNITUDE.toPrecision(3)}`);
    }
    const v = Math.abs(x) < TINY ? 0 : x;
    this.n++;
    this.sum.add(v);
    this.sumOfSquares?.addSquare(v);
    this.sketch.add(x);
  }

  merge(other: Distribution): void {
    this.n += other.n;
    this.undefinedCount += other.undefinedCount;
    this.sum.merge(other.sum);
    if (this.sumOfSquares !== null && other.sumOfSquares !== null) {
      this.sumOfSquares.merge(other.sumOfSquares);
    }
    this.sketch.merge(other.sketch);
  }

  /** Mean of the defined values (correctly rounded from the exact sum), NaN when there are none. */
  mean(): number {
    if (this.n === 0) return NaN;
    return exactRatio(this.sum.scaled(), BigInt(this.n), this.sum.lowBit);
  }

  /** Sample variance (n − 1 denominator), correctly rounded from the exact sums; NaN when n < 2. */
  variance(): number {
    if (this.sumOfSquares === null) throw new Error('this distribution keeps no variance');
    return exactVariance(this.n, this.sum, this.sumOfSquares);
  }

  /**
   * Mean, sample standard deviation, standard error of the mean and its 95% confidence interval
   * mean ± t(0.975, n − 1)·se. Fields are NaN where undefined (no values; se and CI need n ≥ 2).
   */
  moments(): Moments {
    return moments(this.n, this.mean(), this.variance());
  }

  toJSON(): DistributionJson {
    const json: DistributionJson = {
      n: this.n,
      undefined: this.undefinedCount,
      sum: this.sum.toJSON(),
      sketch: this.sketch.toJSON(),
    };
    if (this.sumOfSquares !== null) json.sumOfSquares = this.sumOfSquares.toJSON();
    return json;
  }

  /** Reads `toJSON()` output into this empty distribution; throws a RangeError naming what was wrong. */
  load(json: unknown): void {
    if (typeof json !== 'object' || json === null) throw new RangeError('expected a distribution object');
    if (this.n !== 0 || this.undefinedCount !== 0) throw new Error('load needs an empty distribution');
    const o = json as Record<string, unknown>;
    if (!Number.isSafeInteger(o.n) || (o.n as number) < 0) throw new RangeError('n must be a count');
    if (!Number.isSafeInteger(o.undefined) || (o.undefined as number) < 0) {
      throw new RangeError('undefined must be a count');
    }
    this.n = o.n as number;
    this.undefinedCount = o.undefined as number;
    this.sum.load(o.sum);
    this.sumOfSquares?.load(o.sumOfSquares);
    this.sketch.load(o.sketch);
    if (this.sketch.count !== this.n) {
      throw new RangeError(`sketch holds ${this.sketch.count} values, expected n = ${this.n}`);
    }
  }
}

/**
 * Sample variance (n − 1 denominator) of `n` values from their exact Σx and Σx², correctly rounded;
 * NaN when n < 2.
 */
export function exactVariance(n: number, sum: ExactSum, sumOfSquares: ExactSum): number {
  if (n < 2) return NaN;
  const count = BigInt(n);
  const s1 = sum.scaled();
  // n·Σx² − (Σx)², in units of 2^(2·lowBit): exact, so never cancelled (negative only for sums no values give).
  const spread = count * sumOfSquares.scaled() - s1 * s1;
  return exactRatio(spread, count * (count - 1n), sumOfSquares.lowBit);
}

/** Mean, sample standard deviation, standard error of the mean and its 95% CI (NaN where undefined). */
export interface Moments {
  mean: number;
  sd: number;
  se: number;
  ci95: [number, number];
}

/** The moments of `n` values of mean `mean` and sample variance `variance`: mean ± t(0.975, n − 1)·se. */
export function moments(n: number, mean: number, variance: number): Moments {
  const sd = Math.sqrt(variance);
  const se = sd / Math.sqrt(n);
  if (!(n >= 2)) return { mean, sd, se, ci95: [NaN, NaN] };
  const half = se === 0 ? 0 : studentTQuantile(0.975, n - 1) * se;
  return { mean, sd, se, ci95: [mean - half, mean + half] };
}

/**
 * Why a distribution read from a file cannot be what adding values produced, or null when it can: its
 * exact minimum and maximum lie inside `range` (the values the quantity can take), the mean of the
 * exact sum lies between them, and the exact sums of values and squares give a variance that is
 * neither negative nor larger than values between min and max allow. A digest proves a file is as
 * written; these prove the numbers belong together, which an edited file with a recomputed digest
 * would not.
 * @param range the values the quantity can take, e.g. [0, 1] for a rate
 */
export function distributionInconsistency(d: Distribution, range: readonly [number, number]): string | null {
  if (d.n === 0) {
    if (d.sum.scaled() !== 0n || (d.sumOfSquares !== null && d.sumOfSquares.scaled() !== 0n)) {
      return 'the sums must be 0 when n is 0';
    }
    return null;
  }
  const { min, max } = d.sketch;
  if (min < range[0] || max > range[1]) {
    return `sketch min ${min} and max ${max} must lie within ${range[0]}…${range[1]}, the values this quantity can take`;
  }
  // Values below TINY count as 0 in the sums, so allow that much slack around min and max.
  const mean = d.mean();
  const slack = TINY + 1e-12 * Math.max(Math.abs(min), Math.abs(max));
  if (!(mean >= min - slack && mean <= max + slack)) {
    return `the mean of sum and n (${mean}) must lie between the sketch min ${min} and max ${max}`;
  }
  if (d.sumOfSquares === null) return null;
  const s1 = d.sum.scaled();
  const spread = BigInt(d.n) * d.sumOfSquares.scaled() - s1 * s1;
  if (spread < 0n) return 'sumOfSquares is smaller than sum² / n: the variance would be negative';
  if (d.n >= 2) {
    // Popoviciu: a sample variance of values in [min, max] is at most (max − min)² · n / (4(n − 1)).
    const bound = (((max - min) ** 2 * d.n) / (4 * (d.n - 1))) * (1 + 1e-9) + slack;
    if (d.variance() > bound) {
      return `sumOfSquares gives a variance of ${d.variance()}, more than values between ${min} and ${max} allow`;
    }
  }
  return null;
}

export interface DistributionJson {
  n: number;
  undefined: number;
  /** Exact Σx, see ExactSum.toJSON. */
  sum: string;
  /** Exact Σx², for KPIs and paired deltas. */
  sumOfSquares?: string;
  sketch: QuantileSketchJson;
}

import { BucketStore } from './bucket-store.ts';
import { fromWords, highWord } from '../math/bits.ts';

export { RELATIVE_ACCURACY } from '../result/summary.ts';

/** Magnitudes below this (≈ 6.2e-61) count as zero: far below any €, count or rate. */
export const TINY = 2 ** -200;

/**
 * Buckets per sign: 32 powers of two. Magnitudes more than 2^32 (4.3e9) times smaller than the largest
 * of the same sign are reported as that floor — an absolute error below max|x|·2.3e-10 (e.g. 0.02 € when
 * the largest value is 1e8 €) — which bounds memory even for values that cross zero.
 */
export const MAX_BINS = 32 * 64;
/** Key of a positive double: its top 17 bits after the sign (11 exponent bits, top 6 mantissa bits). */
const MAX_KEY = (1 << 17) - 1;

/**
 * A mergeable quantile sketch with fixed memory (log-linear buckets, HDR-histogram style, with
 * DDSketch's separate negative / zero / positive stores). Count, min and max are exact; quantiles
 * follow the linear-interpolation definition (type 7, as simple-statistics and numpy) between
 * bucket representatives, clamped to [min, max]. Bucketing reads the float's bits — no logarithms —
 * so every JavaScript engine computes identical buckets, and counts add exactly, so merging is
 * order-independent.
 */
export class QuantileSketch {
  count = 0;
  zero = 0;
  min = Infinity;
  max = -Infinity;
  private readonly positive = new BucketStore(MAX_BINS);
  private readonly negative = new BucketStore(MAX_BINS);

  /** Adds a finite value (the caller skips NaN). */
  add(x: number): void {
    this.count++;
    if (x < this.min) this.min = x;
    if (x > this.max) this.max = x;
    if (x >= TINY) this.positive.add(keyOf(x), 1);
    else if (x <= -TINY) this.negative.add(keyOf(-x), 1);
    else this.zero++;
  }

  /** Adds every observation of `other`. */
  merge(other: QuantileSketch): void {
    this.count += other.count;
    this.zero += other.zero;
    if (other.min < this.min) this.min = other.min;
    if (other.max > this.max) this.max = other.max;
    this.positive.merge(other.positive);
    this.negative.merge(other.negative);
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) within RELATIVE_ACCURACY of the exact type-7 quantile (see MAX_BINS
   * for magnitudes far below the largest), NaN when empty.
   * @example sketch.quantile(0.95) // p95
   */
  quantile(q: number): number {
    if (this.count === 0) return NaN;
    if (!(q >= 0 && q <= 1)) throw new RangeError(`invalid quantile: ${q}, expected 0…1`);
    const rank = q * (this.count - 1);
    const j = Math.floor(rank);
    const fraction = rank - j;
    const lower = this.valueAt(j);
    const value = fraction === 0 ? lower : lower + fraction * (this.valueAt(j + 1) - lower);
    return Math.min(this.max, Math.max(this.min, value));
  }

  /** Representative of the observation at 0-based rank `j` in ascending order. */
  private valueAt(j: number): number {
    let seen = 0;
    const neg = this.negative;
    if (neg.total > 0) {
      for (let k = neg.maxKey; k >= neg.minKey; k--) {
        seen += neg.countAt(k);
        if (seen > j) return Math.max(this.min, -representative(k));
      }
    }
    seen += this.zero;
    if (seen > j) return 0;
    const pos = this.positive;
    for (let k = pos.minKey; k <= pos.maxKey; k++) {
      seen += pos.countAt(k);
      if (seen > j) return Math.min(this.max, representative(k));
    }
    return this.max;
  }

  /** Plain JSON: exact min/max (null when empty), the zero count and both stores. */
  toJSON(): QuantileSketchJson {
    return {
      min: this.count === 0 ? null : this.min,
      max: this.count === 0 ? null : this.max,
      zero: this.zero,
      negative: this.negative.toJSON(),
      positive: this.positive.toJSON(),
    };
  }

  /** Reads `toJSON()` output; throws a RangeError naming what was wrong. */
  static fromJSON(json: unknown): QuantileSketch {
    const sketch = new QuantileSketch();
    sketch.load(json);
    return sketch;
  }

  /** Reads `toJSON()` output into this empty sketch; throws a RangeError naming what was wrong. */
  load(json: unknown): void {
    if (typeof json !== 'object' || json === null) throw new RangeError('expected a sketch object');
    if (this.count !== 0) throw new Error('load needs an empty sketch');
    const o = json as Record<string, unknown>;
    if (!Number.isSafeInteger(o.zero) || (o.zero as number) < 0) {
      throw new RangeError('sketch zero must be a non-negative integer');
    }
    this.negative.load(o.negative, MAX_KEY);
    this.positive.load(o.positive, MAX_KEY);
    this.zero = o.zero as number;
    this.count = this.zero + this.negative.total + this.positive.total;
    if (this.count === 0) {
      if (o.min !== null || o.max !== null) throw new RangeError('an empty sketch has min and max null');
      return;
    }
    if (typeof o.min !== 'number' || typeof o.max !== 'number' || !(o.min <= o.max)) {
      throw new RangeError('sketch min and max must be numbers with min ≤ max');
    }
    this.min = o.min;
    this.max = o.max;
    // The buckets hold values of the sign they are for: min and max must agree with them.
    if (this.positive.total > 0 && !(this.max >= TINY)) {
      throw new RangeError('the sketch holds positive values but its max is not positive');
    }
    if (this.negative.total > 0 && !(this.min <= -TINY)) {
      throw new RangeError('the sketch holds negative values but its min is not negative');
    }
    if (this.zero > 0 && !(this.min < TINY && this.max > -TINY)) {
      throw new RangeError('the sketch holds zeros but its min and max exclude 0');
    }
    if (this.positive.total === 0 && this.max >= TINY) {
      throw new RangeError('the sketch max is positive but it holds no positive value');
    }
    if (this.negative.total === 0 && this.min <= -TINY) {
      throw new RangeError('the sketch min is negative but it holds no negative value');
    }
  }
}

export interface QuantileSketchJson {
  min: number | null;
  max: number | null;
  zero: number;
  /** `[lowest key, counts…]` of negative values by magnitude. */
  negative: number[];
  positive: number[];
}

function keyOf(magnitude: number): number {
  return highWord(magnitude) >>> 14;
}

function representative(key: number): number {
  const lo = fromWords(key << 14, 0);
  const hi = fromWords((key + 1) << 14, 0);
  return hi === Infinity ? lo : (2 * lo * hi) / (lo + hi);
}

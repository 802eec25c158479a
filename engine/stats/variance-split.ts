import { exactRatio } from './exact-ratio.ts';
import { ExactSum } from './exact-sum.ts';
import { exactVariance } from './distribution.ts';

/** How the variance of a paired delta is split, as the result states it. */
export const SPLIT_METHOD =
  'linear regression of the per-iteration delta on the iteration’s standard-normal assumption scores (the economic factor and each uncertain assumption’s own score, independent by construction), adjusted for the number of scores; the rest (population, monthly luck, and effects that are not linear in the scores) is luck';

/**
 * The largest approximate standard error (as a share of the variance) at which the split is reported:
 * √(2k)/n / (1 − k/n) for k scores and n iterations, the noise of the k squared coefficients after the
 * correction. With the default world's 54 scores, 200 iterations give 0.07; 150 give 0.11 and are not
 * reported.
 */
export const MAX_SPLIT_ERROR = 0.08;

/**
 * The split of one quantity's variance over iterations into what the drawn assumptions explain and
 * what they do not, in fixed memory and exactly mergeable: n, exact Σd, Σd², and per score j exact
 * Σxⱼ and Σd·xⱼ. The scores are independent standard normals by construction (the economic factor,
 * then one per uncertain assumption), so each regression coefficient is the covariance of d with its
 * score, and no matrix is inverted. Like every accumulator in engine/stats, a function of the multiset
 * of (d, scores) added, never of chunking or merge order.
 */
export class VarianceSplit {
  n = 0;
  readonly sum = ExactSum.linear();
  readonly sumOfSquares = ExactSum.squares();
  private scoreSums: ExactSum[] = [];
  private crossSums: ExactSum[] = [];

  /** Adds one iteration's value `d` (finite) with its scores (the same length for every iteration). */
  add(d: number, scores: Float64Array): void {
    if (this.n === 0 && this.scoreSums.length === 0) this.allocate(scores.length);
    if (scores.length !== this.scoreSums.length) {
      throw new RangeError(`expected ${this.scoreSums.length} assumption scores, got ${scores.length}`);
    }
    this.n++;
    this.sum.add(d);
    this.sumOfSquares.addSquare(d);
    for (let j = 0; j < scores.length; j++) {
      this.scoreSums[j]!.add(scores[j]!);
      this.crossSums[j]!.add(d * scores[j]!);
    }
  }

  merge(other: VarianceSplit): void {
    if (other.n === 0) return;
    if (this.scoreSums.length === 0) this.allocate(other.scoreSums.length);
    if (other.scoreSums.length !== this.scoreSums.length) {
      throw new RangeError('cannot merge variance splits over different assumption scores');
    }
    this.n += other.n;
    this.sum.merge(other.sum);
    this.sumOfSquares.merge(other.sumOfSquares);
    this.scoreSums.forEach((s, j) => s.merge(other.scoreSums[j]!));
    this.crossSums.forEach((s, j) => s.merge(other.crossSums[j]!));
  }

  /**
   * The share (0–1) of the variance the assumptions explain: with β̂ⱼ = mean(d·xⱼ) − mean(d)·mean(xⱼ)
   * and k scores, (Σβ̂ⱼ² − k·s²/n) / (1 − k/n) estimates Σβⱼ² (each β̂ⱼ² carries about s²/n of noise,
   * the adjusted-R² correction), as a share of the sample variance s², clamped to [0, 1]. Null when it
   * cannot be estimated: no scores (a point-assumption run), too few iterations for the scores (an
   * approximate standard error above MAX_SPLIT_ERROR), or no variance.
   */
  assumptionShare(): number | null {
    const k = this.scoreSums.length;
    const n = this.n;
    if (k === 0 || n <= k || Math.sqrt(2 * k) / n / (1 - k / n) > MAX_SPLIT_ERROR) return null;
    const s2 = exactVariance(n, this.sum, this.sumOfSquares);
    if (!(s2 > 0)) return null;
    const mean = (s: ExactSum) => exactRatio(s.scaled(), BigInt(n), s.lowBit);
    const md = mean(this.sum);
    let b = 0;
    for (let j = 0; j < k; j++) {
      const beta = mean(this.crossSums[j]!) - md * mean(this.scoreSums[j]!);
      b += beta * beta;
    }
    const explained = (b - (k * s2) / n) / (1 - k / n);
    const share = explained / s2;
    return share < 0 ? 0 : share > 1 ? 1 : share;
  }

  toJSON(): VarianceSplitJson {
    return {
      n: this.n,
      sum: this.sum.toJSON(),
      sumOfSquares: this.sumOfSquares.toJSON(),
      scoreSums: this.scoreSums.map((s) => s.toJSON()),
      crossSums: this.crossSums.map((s) => s.toJSON()),
    };
  }

  /** Reads `toJSON()` output into this empty split; throws a RangeError naming what was wrong. */
  load(json: unknown): void {
    if (typeof json !== 'object' || json === null) throw new RangeError('expected a variance split object');
    const o = json as Record<string, unknown>;
    if (!Number.isSafeInteger(o.n) || (o.n as number) < 0) throw new RangeError('n must be a count');
    if (!Array.isArray(o.scoreSums) || !Array.isArray(o.crossSums)) {
      throw new RangeError('scoreSums and crossSums must be arrays');
    }
    if (o.scoreSums.length !== o.crossSums.length) {
      throw new RangeError('scoreSums and crossSums must have one entry per score');
    }
    this.n = o.n as number;
    this.sum.load(o.sum);
    this.sumOfSquares.load(o.sumOfSquares);
    this.allocate(o.scoreSums.length);
    this.scoreSums.forEach((s, j) => s.load((o.scoreSums as unknown[])[j]));
    this.crossSums.forEach((s, j) => s.load((o.crossSums as unknown[])[j]));
  }

  private allocate(k: number): void {
    this.scoreSums = Array.from({ length: k }, () => ExactSum.linear());
    this.crossSums = Array.from({ length: k }, () => ExactSum.linear());
  }
}

export interface VarianceSplitJson {
  n: number;
  sum: string;
  sumOfSquares: string;
  scoreSums: string[];
  crossSums: string[];
}

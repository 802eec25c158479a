/**
 * Counts per bucket key over a contiguous window of keys, with at most `maxBins` buckets: when the
 * keys span more, the lowest are folded into the lowest kept bucket (DDSketch's "collapsing lowest"
 * store). The fold target only ever rises with the highest key, so the final counts depend on the
 * multiset of keys alone — never on the order of adds or merges.
 */
const EMPTY = new Float64Array(0);

export class BucketStore {
  private counts = EMPTY;
  /** Key of `counts[0]`. */
  private offset = 0;
  /** Lowest and highest occupied keys (meaningful when total > 0). */
  minKey = 0;
  maxKey = 0;
  total = 0;

  constructor(readonly maxBins: number) {}

  /** Adds `count` observations (a positive integer) to bucket `key` (an integer). */
  add(key: number, count: number): void {
    let k = key;
    if (this.total === 0) {
      this.minKey = k;
      this.maxKey = k;
    } else {
      if (k > this.maxKey) this.raiseMax(k);
      const lowest = this.maxKey - this.maxBins + 1;
      if (k < lowest) k = lowest;
      if (k < this.minKey) this.minKey = k;
    }
    this.ensureWindow(this.minKey, this.maxKey);
    this.counts[k - this.offset] = this.counts[k - this.offset]! + count;
    this.total += count;
  }

  /** Adds every bucket of `other` (same `maxBins`). */
  merge(other: BucketStore): void {
    if (other.total === 0) return;
    if (this.total > 0 && other.maxKey > this.maxKey) this.raiseMax(other.maxKey);
    for (let k = other.minKey; k <= other.maxKey; k++) {
      const c = other.countAt(k);
      if (c > 0) this.add(k, c);
    }
  }

  /** Observations in bucket `key`. */
  countAt(key: number): number {
    const i = key - this.offset;
    return i >= 0 && i < this.counts.length ? this.counts[i]! : 0;
  }

  /** `[minKey, count(minKey), …, count(maxKey)]`, or `[]` when empty: canonical. */
  toJSON(): number[] {
    if (this.total === 0) return [];
    const out = [this.minKey];
    for (let k = this.minKey; k <= this.maxKey; k++) out.push(this.countAt(k));
    return out;
  }

  /** Reads `toJSON()` output into this empty store; throws a RangeError naming what was wrong. */
  load(json: unknown, maxKey: number): void {
    if (!Array.isArray(json)) throw new RangeError('expected an array of bucket counts');
    if (json.length === 0) return;
    const [first, ...counts] = json as unknown[];
    if (!Number.isInteger(first) || (first as number) < 0 || (first as number) > maxKey) {
      throw new RangeError(`expected a bucket key 0…${maxKey} first, got ${JSON.stringify(first)}`);
    }
    if (counts.length === 0 || counts.length > this.maxBins) {
      throw new RangeError(`expected 1…${this.maxBins} bucket counts, got ${counts.length}`);
    }
    if (counts[0] === 0 || counts[counts.length - 1] === 0) {
      throw new RangeError('bucket counts must not start or end with 0');
    }
    if (this.total !== 0) throw new Error('load needs an empty store');
    const window = new Float64Array(counts.length);
    let total = 0;
    for (let i = 0; i < counts.length; i++) {
      const c = counts[i];
      if (!Number.isSafeInteger(c) || (c as number) < 0) {
        throw new RangeError('bucket counts must be non-negative integers');
      }
      window[i] = c as number;
      total += c as number;
    }
    this.counts = window;
    this.offset = first as number;
    this.minKey = this.offset;
    this.maxKey = this.offset + counts.length - 1;
    this.total = total;
  }

  /** Moves the highest key up to `key`, folding buckets that fall out of the window. */
  private raiseMax(key: number): void {
    this.maxKey = key;
    const lowest = key - this.maxBins + 1;
    if (this.minKey >= lowest) return;
    let folded = 0;
    const end = Math.min(lowest - 1, this.offset + this.counts.length - 1);
    for (let k = Math.max(this.minKey, this.offset); k <= end; k++) {
      folded += this.counts[k - this.offset]!;
      this.counts[k - this.offset] = 0;
    }
    this.minKey = lowest;
    this.ensureWindow(this.minKey, this.maxKey);
    this.counts[lowest - this.offset] = this.counts[lowest - this.offset]! + folded;
  }

  private ensureWindow(lo: number, hi: number): void {
    if (lo >= this.offset && hi < this.offset + this.counts.length) return;
    const needed = hi - lo + 1;
    // Room to grow by half again, so a drifting range reallocates rarely; never past maxBins.
    const size = Math.min(this.maxBins, Math.max(needed + (needed >> 1), 16));
    const offset = lo < this.offset ? hi - size + 1 : lo;
    const next = new Float64Array(size);
    for (let k = Math.max(lo, this.offset); k <= Math.min(hi, this.offset + this.counts.length - 1); k++) {
      next[k - offset] = this.counts[k - this.offset]!;
    }
    this.counts = next;
    this.offset = offset;
  }
}

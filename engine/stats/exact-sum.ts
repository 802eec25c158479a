import { highWord, lowWord } from '../math/bits.ts';

/**
 * An exact running sum of doubles (a small fixed-point "superaccumulator").
 *
 * Why exact rather than Welford/Chan: floating-point Welford updates and Chan merges are not
 * associative, so a run split into chunks of 25 and one split into chunks of 50 would differ in the
 * last bits. An exact sum is a function of the multiset of values alone, so every aggregate built on
 * it is bit-identical for any chunk size, any number of workers and any merge order — and it has no
 * rounding error at all, which is the limit of "numerically stable".
 *
 * Layout: the value is Σ limbs[k] · 2^(lowBit + 32k). Between normalisations each limb is an integer
 * held exactly in a double (|limb| < 2^53); `normalise()` propagates carries so that every limb but the
 * top one is in [0, 2^32) and the top one carries the sign — a canonical form.
 */
export class ExactSum {
  readonly limbs: Float64Array;
  /** Values added since the last normalisation; each adds < 2^32 to a limb, so 2^20 leave headroom. */
  private pending = 0;

  /**
   * @param lowBit weight of the lowest bit kept (bits of a value below it are truncated toward zero)
   * @param limbCount 32-bit limbs; the sum must stay below 2^(lowBit + 32·limbCount − 1) in magnitude
   */
  constructor(
    readonly lowBit: number,
    limbCount: number,
  ) {
    this.limbs = new Float64Array(limbCount);
  }

  /** A sum for values (|x| ≤ 2^100, n ≤ 2^53): exact for every |x| ≥ 2^-200. */
  static linear(): ExactSum {
    return new ExactSum(LINEAR_LOW_BIT, 13);
  }

  /** A sum for the squares of values (|x| ≤ 2^100): exact for every |x| ≥ 2^-200. */
  static squares(): ExactSum {
    return new ExactSum(2 * LINEAR_LOW_BIT, 26);
  }

  /** Adds `x` exactly (bits below `lowBit` are truncated toward zero). */
  add(x: number): void {
    if (x === 0) return;
    const hi = highWord(x);
    // Unsigned: the low word is the bottom 32 bits of the mantissa.
    const lo = lowWord(x) >>> 0;
    const biased = (hi >>> 20) & 0x7ff;
    let mantissa = (biased === 0 ? hi & 0xfffff : (hi & 0xfffff) | 0x100000) * TWO32 + lo;
    let bit = (biased === 0 ? 1 : biased) - 1075;
    if (bit < this.lowBit) {
      const drop = this.lowBit - bit;
      mantissa = drop >= 64 ? 0 : Math.floor(mantissa / 2 ** drop);
      bit = this.lowBit;
      if (mantissa === 0) return;
    }
    const rel = bit - this.lowBit;
    const k = rel >>> 5;
    // mantissa < 2^53 and shift < 32: the product and the splits below are exact.
    const w = mantissa * POW2[rel & 31]!;
    const c2 = Math.floor(w / TWO64);
    const r = w - c2 * TWO64;
    const c1 = Math.floor(r / TWO32);
    const c0 = r - c1 * TWO32;
    const limbs = this.limbs;
    if (k + 2 >= limbs.length && (c2 !== 0 || k + 1 >= limbs.length)) {
      throw new RangeError(`value ${x} is too large for an exact sum`);
    }
    if (hi >>> 31 === 0) {
      limbs[k] = limbs[k]! + c0;
      limbs[k + 1] = limbs[k + 1]! + c1;
      if (c2 !== 0) limbs[k + 2] = limbs[k + 2]! + c2;
    } else {
      limbs[k] = limbs[k]! - c0;
      limbs[k + 1] = limbs[k + 1]! - c1;
      if (c2 !== 0) limbs[k + 2] = limbs[k + 2]! - c2;
    }
    if (++this.pending >= 1 << 20) this.normalise();
  }

  /** Adds `x²` exactly, via Dekker's error-free product (x·x = p + e exactly, no FMA needed). */
  addSquare(x: number): void {
    const p = x * x;
    const t = SPLITTER * x;
    const xh = t - (t - x);
    const xl = x - xh;
    const e = xh * xh - p + 2 * xh * xl + xl * xl;
    this.add(p);
    this.add(e);
  }

  /** Adds another sum of the same layout (exact, so merge order never matters). */
  merge(other: ExactSum): void {
    if (other.lowBit !== this.lowBit || other.limbs.length !== this.limbs.length) {
      throw new Error('cannot merge exact sums of different layouts');
    }
    this.normalise();
    other.normalise();
    for (let k = 0; k < this.limbs.length; k++) this.limbs[k] = this.limbs[k]! + other.limbs[k]!;
    this.pending = 2;
  }

  /** Propagates carries into the canonical form (the value is unchanged). */
  normalise(): void {
    const limbs = this.limbs;
    const top = limbs.length - 1;
    let carry = 0;
    for (let k = 0; k < top; k++) {
      const v = limbs[k]! + carry;
      carry = Math.floor(v / TWO32);
      limbs[k] = v - carry * TWO32;
    }
    limbs[top] = limbs[top]! + carry;
    this.pending = 0;
  }

  /** The exact sum as an integer count of units of 2^lowBit. */
  scaled(): bigint {
    this.normalise();
    const limbs = this.limbs;
    let acc = BigInt(limbs[limbs.length - 1]!);
    for (let k = limbs.length - 2; k >= 0; k--) acc = (acc << 32n) + BigInt(limbs[k]!);
    return acc;
  }

  /** The canonical text form, e.g. `"-34p-4"` = −0x34 · 2^-4 = −3.25: hex integer `p` binary exponent. */
  toJSON(): string {
    this.normalise();
    const top = this.limbs.length - 1;
    const negative = this.limbs[top]! < 0;
    let limbs = this.limbs;
    if (negative) {
      const magnitude = new ExactSum(this.lowBit, this.limbs.length);
      this.limbs.forEach((x, k) => (magnitude.limbs[k] = -x));
      magnitude.normalise();
      limbs = magnitude.limbs;
    }
    let hi = top;
    while (hi >= 0 && limbs[hi] === 0) hi--;
    if (hi < 0) return '0';
    let lo = 0;
    while (limbs[lo] === 0) lo++;
    let hex = limbs[hi]!.toString(16);
    for (let k = hi - 1; k >= lo; k--) hex += limbs[k]!.toString(16).padStart(8, '0');
    let end = hex.length;
    while (hex[end - 1] === '0') end--;
    const exponent = this.lowBit + 32 * lo + 4 * (hex.length - end);
    return `${negative ? '-' : ''}${hex.slice(0, end)}p${exponent}`;
  }

  /** Replaces the value by `toJSON()` output; throws a RangeError naming what was wrong. */
  load(text: unknown): void {
    this.limbs.fill(0);
    this.pending = 0;
    if (text === '0') return;
    const match = typeof text === 'string' ? EXACT_TEXT.exec(text) : null;
    if (match === null) {
      throw new RangeError(`expected an exact sum like "-34p-4", got ${JSON.stringify(text)}`);
    }
    const digits = match[2]!;
    const rel = Number(match[3]) - this.lowBit;
    const bits = 32 * this.limbs.length - 1;
    if (rel < 0 || rel + 4 * digits.length > bits + 4) {
      throw new RangeError(`exact sum ${text} is outside the range of ${bits} bits from 2^${this.lowBit}`);
    }
    for (let i = 0; i < digits.length; i++) {
      const bit = rel + 4 * (digits.length - 1 - i);
      const k = bit >>> 5;
      this.limbs[k] = this.limbs[k]! + parseInt(digits[i]!, 16) * POW2[bit & 31]!;
    }
    if (match[1] === '-') this.limbs.forEach((x, k) => (this.limbs[k] = -x));
    this.normalise();
    const topLimb = this.limbs[this.limbs.length - 1]!;
    if (topLimb >= 2 ** 31 || topLimb < -(2 ** 31)) throw new RangeError(`exact sum ${text} is out of range`);
  }
}

/** Bits below 2^-256 of a value are not kept: values with |x| ≥ 2^-200 are summed exactly. */
const LINEAR_LOW_BIT = -256;
const TWO32 = 2 ** 32;
const TWO64 = 2 ** 64;
const SPLITTER = 2 ** 27 + 1;
const POW2 = Array.from({ length: 32 }, (_, i) => 2 ** i);

const EXACT_TEXT = /^(-?)([0-9a-f]{1,300})p(-?[0-9]{1,5})$/;

import { scalbn } from '../math/bits.ts';

/**
 * `num / den · 2^exponent`, correctly rounded to the nearest double (den > 0).
 * Used to turn exact sums into means and variances that depend on the exact values only.
 */
export function exactRatio(num: bigint, den: bigint, exponent: number): number {
  if (den <= 0n) throw new RangeError('exactRatio needs a positive denominator');
  if (num === 0n) return 0;
  const negative = num < 0n;
  const a = negative ? -num : num;
  // Scale so the quotient has at least 66 bits: 53 kept, the rest plus a sticky bit decide rounding.
  const shift = bitLength(den) - bitLength(a) + 66;
  const scaledNum = shift > 0 ? a << BigInt(shift) : a;
  const scaledDen = shift < 0 ? den << BigInt(-shift) : den;
  let q = scaledNum / scaledDen;
  if (scaledNum % scaledDen !== 0n) q |= 1n;
  // Number(bigint) rounds to nearest, ties to even; the sticky bit makes that the rounding of the exact ratio.
  const value = scalbn(Number(q), exponent - shift);
  return negative ? -value : value;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

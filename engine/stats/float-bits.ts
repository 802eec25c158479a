/**
 * Raw IEEE-754 access to a double, for bucketing and exact summation that use only exact operations
 * (no Math.log), so every JavaScript engine — Node and every browser — lands on the same bits.
 */
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = littleEndian ? 1 : 0;
const LO = littleEndian ? 0 : 1;

/** The high 32 bits of `x`: sign, 11 exponent bits, top 20 mantissa bits. */
export function highWord(x: number): number {
  f64[0] = x;
  return u32[HI]!;
}

/** The low 32 bits of `x`'s mantissa. Call right after `highWord(x)` for the same `x`, or on its own. */
export function lowWord(x: number): number {
  f64[0] = x;
  return u32[LO]!;
}

/** The double whose bits are `hi`:`lo`. */
export function fromWords(hi: number, lo: number): number {
  u32[HI] = hi >>> 0;
  u32[LO] = lo >>> 0;
  return f64[0]!;
}

/** `x · 2^e`, exact while the result is a normal double. */
export function ldexp(x: number, e: number): number {
  let r = x;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

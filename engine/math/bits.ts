/*
 * ====================================================
 * Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
 *
 * Developed at SunSoft, a Sun Microsystems, Inc. business.
 * Permission to use, copy, modify, and distribute this
 * software is freely granted, provided that this notice
 * is preserved.
 * ====================================================
 *
 * The bit access fdlibm does with its __HI/__LO macros and INSERT_WORDS, through one typed-array view of
 * a double: the 32-bit words are signed, as fdlibm's int32_t. Every exp, log, pow and trig function of
 * engine/math uses these. scalbn is musl's (src/math/scalbn.c, MIT licence).
 */

const f64 = new Float64Array(1);
const i32 = new Int32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

/** The high 32 bits of `x` as a signed integer (sign, exponent, top 20 mantissa bits). */
export function highWord(x: number): number {
  f64[0] = x;
  return i32[HI]!;
}

/** The low 32 bits of `x` as a signed integer. */
export function lowWord(x: number): number {
  f64[0] = x;
  return i32[LO]!;
}

/** The double whose high and low 32-bit words are `hi` and `lo`. */
export function fromWords(hi: number, lo: number): number {
  i32[HI] = hi;
  i32[LO] = lo;
  return f64[0]!;
}

/** `x` with its high 32-bit word replaced by `hi`. */
export function withHighWord(x: number, hi: number): number {
  f64[0] = x;
  i32[HI] = hi;
  return f64[0]!;
}

/** `x` with its low 32-bit word replaced by `lo` (0 keeps the top 21 mantissa bits: a "high part"). */
export function withLowWord(x: number, lo: number): number {
  f64[0] = x;
  i32[LO] = lo;
  return f64[0]!;
}

/** 2^1023, the largest power of two. */
export const TWO_1023 = 8.98846567431158e307;
const TWO_M1022_TIMES_TWO_53 = 2.004168360008973e-292; // 2^-969

/*
 * scalbn below is from musl libc (src/math/scalbn.c), under its licence:
 * Copyright © 2005-2020 Rich Felker, et al. Permission is hereby granted, free of charge, to any person
 * obtaining a copy of this software and associated documentation files (the "Software"), to deal in the
 * Software without restriction, including without limitation the rights to use, copy, modify, merge,
 * publish, distribute, sublicense, and/or sell copies of the Software, and to permit persons to whom the
 * Software is furnished to do so, subject to the following conditions: The above copyright notice and
 * this permission notice shall be included in all copies or substantial portions of the Software.
 * THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT
 * LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN
 * NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY,
 * WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE
 * SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
 */

/** x · 2^n with a single rounding (musl's scalbn): exact unless the result is subnormal or overflows. */
export function scalbn(x: number, n: number): number {
  let y = x;
  if (n > 1023) {
    y *= TWO_1023;
    n -= 1023;
    if (n > 1023) {
      y *= TWO_1023;
      n -= 1023;
      if (n > 1023) n = 1023;
    }
  } else if (n < -1022) {
    // Keep the final factor below 2^-53 so that a subnormal result is rounded once, not twice.
    y *= TWO_M1022_TIMES_TWO_53;
    n += 1022 - 53;
    if (n < -1022) {
      y *= TWO_M1022_TIMES_TWO_53;
      n += 1022 - 53;
      if (n < -1022) n = -1022;
    }
  }
  return y * fromWords((0x3ff + n) << 20, 0);
}

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
 * e^x, ln x and ln(1 + x): fdlibm 5.3's e_exp.c, e_log.c and s_log1p.c transcribed to IEEE-754 double
 * arithmetic, with V8's special cases (src/base/ieee754.cc, V8 11.3), so that they return exactly what
 * Node 20's Math.exp, Math.log and Math.log1p return, in every engine. See ./index.ts.
 */

import { fromWords, highWord, lowWord, TWO_1023, withHighWord } from './bits.ts';

// ln 2 split so that k · LN2_HI is exact for |k| < 2000.
const LN2_HI = 6.9314718036912381649e-1; // 0x3FE62E42 FEE00000
const LN2_LO = 1.90821492927058770002e-10; // 0x3DEA39EF 35793C76
const TWO_54 = 1.8014398509481984e16;

const EXP_OVERFLOW = 7.09782712893383973096e2; // 0x40862E42 FEFA39EF
const EXP_UNDERFLOW = -7.4513321910194110842e2; // 0xC0874910 D52D3051
const INV_LN2 = 1.442695040888963387; // 0x3FF71547 652B82FE
const EXP_P1 = 1.66666666666666019037e-1;
const EXP_P2 = -2.77777777770155933842e-3;
const EXP_P3 = 6.61375632143793436117e-5;
const EXP_P4 = -1.6533902205465251539e-6;
const EXP_P5 = 4.13813679705723846039e-8;
const TWO_M1000 = 9.3326361850321887899e-302; // 2^-1000

/**
 * e^x, the same bits in every engine.
 *
 * Domain: every double. exp(NaN) = NaN, exp(+∞) = +∞, exp(−∞) = +0, exp(±0) = 1; x > 709.782712893384
 * overflows to +∞, x < −745.1332191019411 underflows to +0, results below 2^-1022 are subnormal.
 * Accuracy: error below 1 ulp (fdlibm's bound); exp(1) returns Math.E exactly.
 * Algorithm: fdlibm e_exp.c — x = k·ln2 + r with |r| ≤ ½ln2, e^r from a degree-5 Remez rational
 * approximation, then scaled by 2^k.
 * @example exp(-mean) // the Poisson probability of no event
 */
export function exp(x: number): number {
  let hx = highWord(x);
  const negative = hx < 0;
  hx &= 0x7fffffff;
  if (hx >= 0x40862e42) {
    // |x| ≥ 709.78…
    if (hx >= 0x7ff00000) {
      if (((hx & 0xfffff) | lowWord(x)) !== 0) return x + x; // NaN
      return negative ? 0 : x;
    }
    if (x > EXP_OVERFLOW) return Infinity;
    if (x < EXP_UNDERFLOW) return 0;
  }
  let hi = 0;
  let lo = 0;
  let k = 0;
  if (hx > 0x3fd62e42) {
    // |x| > ½ln2: reduce.
    if (hx < 0x3ff0a2b2) {
      // |x| < 1.5·ln2. V8 returns the correctly rounded e for x = 1, where the formula is 1 ulp off.
      if (x === 1) return Math.E;
      if (negative) {
        hi = x + LN2_HI;
        lo = -LN2_LO;
        k = -1;
      } else {
        hi = x - LN2_HI;
        lo = LN2_LO;
        k = 1;
      }
    } else {
      k = (INV_LN2 * x + (negative ? -0.5 : 0.5)) | 0;
      hi = x - k * LN2_HI; // exact
      lo = k * LN2_LO;
    }
    x = hi - lo;
  } else if (hx < 0x3e300000) {
    // |x| < 2^-28
    return 1 + x;
  }
  const t = x * x;
  const c = x - t * (EXP_P1 + t * (EXP_P2 + t * (EXP_P3 + t * (EXP_P4 + t * EXP_P5))));
  if (k === 0) return 1 - ((x * c) / (c - 2) - x);
  const y = 1 - (lo - (x * c) / (2 - c) - hi);
  if (k >= -1021) {
    if (k === 1024) return y * 2 * TWO_1023;
    return y * fromWords(0x3ff00000 + (k << 20), 0);
  }
  return y * fromWords(0x3ff00000 + ((k + 1000) << 20), 0) * TWO_M1000;
}

const LG1 = 6.66666666666673513e-1;
const LG2 = 3.999999999940941908e-1;
const LG3 = 2.857142874366239149e-1;
const LG4 = 2.222219843214978396e-1;
const LG5 = 1.818357216161805012e-1;
const LG6 = 1.531383769920937332e-1;
const LG7 = 1.479819860511658591e-1;

/**
 * The natural logarithm ln x, the same bits in every engine.
 *
 * Domain: every double. log(NaN) = NaN, log(x < 0) = NaN (including −∞), log(±0) = −∞, log(+∞) = +∞,
 * log(1) = +0; subnormal x are handled exactly (scaled by 2^54 first).
 * Accuracy: error below 1 ulp (fdlibm's bound).
 * Algorithm: fdlibm e_log.c — x = 2^k·(1+f) with √2/2 < 1+f < √2, ln(1+f) = 2s + s·R(s²) with
 * s = f/(2+f) and R a degree-14 Remez polynomial, plus k·ln2 in two parts.
 * @example log(q / (1 - q)) // the log-odds of a probability q
 */
export function log(x: number): number {
  let hx = highWord(x);
  let k = 0;
  if (hx < 0x00100000) {
    // x < 2^-1022: zero, negative or subnormal.
    if (((hx & 0x7fffffff) | lowWord(x)) === 0) return -Infinity;
    if (hx < 0) return NaN;
    k -= 54;
    x *= TWO_54;
    hx = highWord(x);
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  k += (hx >> 20) - 1023;
  hx &= 0x000fffff;
  let i = (hx + 0x95f64) & 0x100000;
  x = withHighWord(x, hx | (i ^ 0x3ff00000)); // normalise x or x/2 into [√2/2, √2)
  k += i >> 20;
  const f = x - 1;
  if ((0x000fffff & (2 + hx)) < 3) {
    // -2^-20 ≤ f < 2^-20
    if (f === 0) return k === 0 ? 0 : k * LN2_HI + k * LN2_LO;
    const r = f * f * (0.5 - 0.3333333333333333 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - (r - k * LN2_LO - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  i = hx - 0x6147a;
  const w = z * z;
  const j = 0x6b851 - hx;
  const t1 = w * (LG2 + w * (LG4 + w * LG6));
  const t2 = z * (LG1 + w * (LG3 + w * (LG5 + w * LG7)));
  i |= j;
  const r = t2 + t1;
  if (i > 0) {
    const hfsq = 0.5 * f * f;
    if (k === 0) return f - (hfsq - s * (hfsq + r));
    return k * LN2_HI - (hfsq - (s * (hfsq + r) + k * LN2_LO) - f);
  }
  if (k === 0) return f - s * (f - r);
  return k * LN2_HI - (s * (f - r) - k * LN2_LO - f);
}

/**
 * ln(1 + x), accurate also for |x| ≪ 1, the same bits in every engine.
 *
 * Domain: every double. log1p(NaN) = NaN, log1p(x < −1) = NaN (including −∞), log1p(−1) = −∞,
 * log1p(+∞) = +∞, log1p(±0) = ±0, log1p(x) = x for |x| < 2^-54.
 * Accuracy: error below 1 ulp (fdlibm's bound).
 * Algorithm: fdlibm s_log1p.c — 1 + x = 2^k·(1+f) with a correction term c for the rounding of 1 + x,
 * then the same Remez polynomial as {@link log}.
 * @example log1p((sd * sd) / (mean * mean)) // σ² of a lognormal with that mean and sd
 */
export function log1p(x: number): number {
  const hx = highWord(x);
  const ax = hx & 0x7fffffff;
  let k = 1;
  let f = 0;
  let c = 0;
  let hu = 0;
  if (hx < 0x3fda827a) {
    // 1 + x < √2
    if (ax >= 0x3ff00000) return x === -1 ? -Infinity : NaN; // x ≤ −1
    if (ax < 0x3e200000) {
      // |x| < 2^-29
      if (ax < 0x3c900000) return x; // |x| < 2^-54
      return x - x * x * 0.5;
    }
    if (hx > 0 || hx <= (0xbfd2bec4 | 0)) {
      // −0.2929 < x < 0.41422: 1 + x needs no reduction.
      k = 0;
      f = x;
      hu = 1;
    }
  }
  if (hx >= 0x7ff00000) return x + x; // +∞ or NaN
  if (k !== 0) {
    let u: number;
    if (hx < 0x43400000) {
      u = 1 + x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = k > 0 ? 1 - (u - x) : x - (u - 1); // the rounding error of 1 + x
      c /= u;
    } else {
      u = x;
      hu = highWord(u);
      k = (hu >> 20) - 1023;
      c = 0;
    }
    hu &= 0x000fffff;
    if (hu < 0x6a09e) {
      u = withHighWord(u, hu | 0x3ff00000); // normalise u
    } else {
      k += 1;
      u = withHighWord(u, hu | 0x3fe00000); // normalise u/2
      hu = (0x00100000 - hu) >> 2;
    }
    f = u - 1;
  }
  const hfsq = 0.5 * f * f;
  if (hu === 0) {
    // |f| < 2^-20
    if (f === 0) {
      if (k === 0) return 0;
      c += k * LN2_LO;
      return k * LN2_HI + c;
    }
    const r = hfsq * (1 - 0.6666666666666666 * f);
    if (k === 0) return f - r;
    return k * LN2_HI - (r - (k * LN2_LO + c) - f);
  }
  const s = f / (2 + f);
  const z = s * s;
  const r = z * (LG1 + z * (LG2 + z * (LG3 + z * (LG4 + z * (LG5 + z * (LG6 + z * LG7))))));
  if (k === 0) return f - (hfsq - s * (hfsq + r));
  return k * LN2_HI - (hfsq - (s * (hfsq + r) + (k * LN2_LO + c)) - f);
}

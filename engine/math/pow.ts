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
 * x^y: fdlibm 5.3's e_pow.c transcribed to IEEE-754 double arithmetic, with ECMAScript's special cases
 * as V8 handles them (src/base/ieee754.cc, V8 11.3), so that it returns exactly what Node 20's Math.pow
 * and `**` return, in every engine. See ./index.ts.
 */

import { fromWords, highWord, lowWord, scalbn, withHighWord, withLowWord } from './bits.ts';

// e_pow.c's own copy of e_exp.c's rational kernel for 2^(p_h + p_l).
const P1 = 1.66666666666666019037e-1;
const P2 = -2.77777777770155933842e-3;
const P3 = 6.61375632143793436117e-5;
const P4 = -1.6533902205465251539e-6;
const P5 = 4.13813679705723846039e-8;

const DP_H1 = 5.84962487220764160156e-1; // log2(1.5) high part, 0x3FE2B803 40000000
const DP_L1 = 1.35003920212974897128e-8; // its tail, 0x3E4CFDEB 43CFD006
const TWO_53 = 9007199254740992;
const HUGE = 1e300;
const TINY = 1e-300;
const POW_L1 = 5.99999999999994648725e-1;
const POW_L2 = 4.28571428578550184252e-1;
const POW_L3 = 3.33333329818377432918e-1;
const POW_L4 = 2.72728123808534006489e-1;
const POW_L5 = 2.30660745775561754067e-1;
const POW_L6 = 2.06975017800338417784e-1;
const LG2_FULL = 6.93147180559945286227e-1; // ln 2
const LG2_H = 6.93147182464599609375e-1; // 0x3FE62E43 00000000
const LG2_L = -1.90465429995776804525e-9; // 0xBE205C61 0CA86C39
const OVT = 8.008566259537294e-17; // −(1024 − log2(ovfl + ½ulp))
const CP = 9.61796693925975554329e-1; // 2/(3 ln 2)
const CP_H = 9.61796700954437255859e-1; // 0x3FEEC709 E0000000
const CP_L = -7.02846165095275826516e-9; // 0xBE3E2FE0 145B01F5
const IVLN2 = 1.442695040888963387; // 1/ln 2
const IVLN2_H = 1.44269502162933349609; // 0x3FF71547 60000000
const IVLN2_L = 1.92596299112661746887e-8; // 0x3E54AE0B F85DDF44

/**
 * x^y (Math.pow and the `**` operator), the same bits in every engine.
 *
 * Domain: every pair of doubles, with ECMAScript's special cases (Number::exponentiate): x^±0 = 1 even
 * for NaN x, x^NaN = NaN, (±1)^±∞ = NaN, negative x with a non-integer y = NaN, signed zeros and
 * infinities as the spec lists them. Results below 2^-1022 are subnormal.
 * Accuracy: error below 1 ulp ("nearly rounded", fdlibm's bound); exact for integer x and y whenever the
 * result is an integer below 2^53 (pow(3, 33) = 5559060566555523) and for every power of two.
 * Algorithm: fdlibm e_pow.c — log2(|x|) in extra precision (two doubles), y·log2|x| = n + y' split as
 * in double-double arithmetic, then 2^n · e^(y'·ln2) with the same rational kernel as {@link exp}.
 * @example pow(1 + annualRate, -1 / 12) // the monthly discount factor
 */
export function pow(x: number, y: number): number {
  const hx = highWord(x);
  const lx = lowWord(x);
  const hy = highWord(y);
  const ly = lowWord(y);
  let ix = hx & 0x7fffffff;
  const iy = hy & 0x7fffffff;

  if ((iy | ly) === 0) return 1; // x^±0 = 1, even for NaN x
  if (
    ix > 0x7ff00000 ||
    (ix === 0x7ff00000 && lx !== 0) ||
    iy > 0x7ff00000 ||
    (iy === 0x7ff00000 && ly !== 0)
  ) {
    return x + y; // NaN
  }

  // For negative x: 0 when y is not an integer, 1 when y is odd, 2 when y is even.
  let yIsInt = 0;
  if (hx < 0) {
    if (iy >= 0x43400000) {
      yIsInt = 2; // |y| ≥ 2^53: even
    } else if (iy >= 0x3ff00000) {
      const e = (iy >> 20) - 0x3ff;
      if (e > 20) {
        const j = ly >>> (52 - e);
        if (j << (52 - e) === ly) yIsInt = 2 - (j & 1);
      } else if (ly === 0) {
        const j = iy >> (20 - e);
        if (j << (20 - e) === iy) yIsInt = 2 - (j & 1);
      }
    }
  }

  if (ly === 0) {
    if (iy === 0x7ff00000) {
      // y = ±∞
      if (((ix - 0x3ff00000) | lx) === 0) return NaN; // (±1)^±∞
      if (ix >= 0x3ff00000) return hy >= 0 ? y : 0; // |x| > 1
      return hy < 0 ? -y : 0; // |x| < 1
    }
    if (iy === 0x3ff00000) return hy < 0 ? 1 / x : x; // y = ±1
    if (hy === 0x40000000) return x * x; // y = 2
    if (hy === 0x3fe00000 && hx >= 0) return Math.sqrt(x); // y = ½, x ≥ +0
  }

  let ax = Math.abs(x);
  if (lx === 0 && (ix === 0x7ff00000 || ix === 0 || ix === 0x3ff00000)) {
    // x = ±0, ±∞ or ±1
    let z = ax;
    if (hy < 0) z = 1 / z;
    if (hx < 0) {
      if (((ix - 0x3ff00000) | yIsInt) === 0)
        z = NaN; // (−1)^non-integer
      else if (yIsInt === 1) z = -z;
    }
    return z;
  }

  let n = (hx >> 31) + 1; // 0 for negative x, 1 otherwise
  if ((n | yIsInt) === 0) return NaN; // negative x, non-integer y
  const sign = (n | (yIsInt - 1)) === 0 ? -1 : 1; // negative x, odd y

  let t1: number;
  let t2: number;
  if (iy > 0x41e00000) {
    // |y| > 2^31
    if (iy > 0x43f00000) {
      // |y| > 2^64: the result over- or underflows.
      if (ix <= 0x3fefffff) return hy < 0 ? Infinity : 0;
      if (ix >= 0x3ff00000) return hy > 0 ? Infinity : 0;
    }
    if (ix < 0x3fefffff) return hy < 0 ? sign * HUGE * HUGE : sign * TINY * TINY;
    if (ix > 0x3ff00000) return hy > 0 ? sign * HUGE * HUGE : sign * TINY * TINY;
    // |1 − x| ≤ 2^-20: log2(x) from the series x − x²/2 + x³/3 − x⁴/4.
    const t = ax - 1;
    const w = t * t * (0.5 - t * (0.3333333333333333 - t * 0.25));
    const u = IVLN2_H * t;
    const v = t * IVLN2_L - w * IVLN2;
    t1 = withLowWord(u + v, 0);
    t2 = v - (t1 - u);
  } else {
    n = 0;
    if (ix < 0x00100000) {
      // subnormal x
      ax *= TWO_53;
      n -= 53;
      ix = highWord(ax);
    }
    n += (ix >> 20) - 0x3ff;
    const j = ix & 0x000fffff;
    ix = j | 0x3ff00000; // normalise
    let k = 0;
    if (j <= 0x3988e) {
      k = 0; // |x| < √(3/2)
    } else if (j < 0xbb67a) {
      k = 1; // |x| < √3
    } else {
      k = 0;
      n += 1;
      ix -= 0x00100000;
    }
    ax = withHighWord(ax, ix);
    const bp = k === 0 ? 1 : 1.5;
    const dpH = k === 0 ? 0 : DP_H1;
    const dpL = k === 0 ? 0 : DP_L1;

    // ss = s_h + s_l = (x − bp)/(x + bp)
    let u = ax - bp;
    let v = 1 / (ax + bp);
    const ss = u * v;
    const sH = withLowWord(ss, 0);
    let tH = fromWords(((ix >> 1) | 0x20000000) + 0x00080000 + (k << 18), 0); // ax + bp, high part
    let tL = ax - (tH - bp);
    const sL = v * (u - sH * tH - sH * tL);
    // log(ax)
    let s2 = ss * ss;
    let r = s2 * s2 * (POW_L1 + s2 * (POW_L2 + s2 * (POW_L3 + s2 * (POW_L4 + s2 * (POW_L5 + s2 * POW_L6)))));
    r += sL * (sH + ss);
    s2 = sH * sH;
    tH = withLowWord(3 + s2 + r, 0);
    tL = r - (tH - 3 - s2);
    // u + v = ss·(1 + …)
    u = sH * tH;
    v = sL * tH + tL * ss;
    // 2/(3 ln 2)·(ss + …)
    const pH = withLowWord(u + v, 0);
    const pL = v - (pH - u);
    const zH = CP_H * pH;
    const zL = CP_L * pH + pL * CP + dpL;
    // log2(ax) = (ss + …)·2/(3 ln 2) = n + dp_h + z_h + z_l
    t1 = withLowWord(zH + zL + dpH + n, 0);
    t2 = zL - (t1 - n - dpH - zH);
  }

  // (y1 + y2)·(t1 + t2) with y1 = y's high 32 bits.
  const y1 = withLowWord(y, 0);
  const pL = (y - y1) * t1 + y * t2;
  let pH = y1 * t1;
  let z = pL + pH;
  let j = highWord(z);
  const i = lowWord(z);
  if (j >= 0x40900000) {
    // z ≥ 1024
    if (((j - 0x40900000) | i) !== 0) return sign * HUGE * HUGE;
    if (pL + OVT > z - pH) return sign * HUGE * HUGE;
  } else if ((j & 0x7fffffff) >= 0x4090cc00) {
    // z ≤ −1075
    if (((j - 0xc090cc00) | i) !== 0) return sign * TINY * TINY;
    if (pL <= z - pH) return sign * TINY * TINY;
  }

  // 2^(p_h + p_l)
  const absHigh = j & 0x7fffffff;
  let k = (absHigh >> 20) - 0x3ff;
  n = 0;
  if (absHigh > 0x3fe00000) {
    // |z| > ½: n = [z + ½]
    n = (j + (0x00100000 >> (k + 1))) | 0;
    k = ((n & 0x7fffffff) >> 20) - 0x3ff;
    const t = fromWords(n & ~(0x000fffff >> k), 0);
    n = ((n & 0x000fffff) | 0x00100000) >> (20 - k);
    if (j < 0) n = -n;
    pH -= t;
  }
  let t = withLowWord(pL + pH, 0);
  const u = t * LG2_H;
  const v = (pL - (t - pH)) * LG2_FULL + t * LG2_L;
  z = u + v;
  const w = v - (z - u);
  t = z * z;
  t1 = z - t * (P1 + t * (P2 + t * (P3 + t * (P4 + t * P5))));
  const r = (z * t1) / (t1 - 2 - (w + z * w));
  z = 1 - (r - z);
  j = (highWord(z) + (n << 20)) | 0;
  if (j >> 20 <= 0)
    z = scalbn(z, n); // subnormal result
  else z = withHighWord(z, j);
  return sign * z;
}

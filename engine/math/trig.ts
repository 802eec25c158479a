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
 * cos x and tan x: fdlibm 5.3's s_cos.c, s_tan.c, k_cos.c, k_sin.c and k_tan.c transcribed to IEEE-754
 * double arithmetic, with V8's special cases (src/base/ieee754.cc, V8 11.3), so that they return exactly
 * what Node 20's Math.cos and Math.tan return, in every engine. See ./index.ts.
 */

import { fromWords, highWord, lowWord, withLowWord } from './bits.ts';
import { reduced, remPio2 } from './rem-pio2.ts';

const C1 = 4.16666666666666019037e-2;
const C2 = -1.38888888888741095749e-3;
const C3 = 2.48015872894767294178e-5;
const C4 = -2.75573143513906633035e-7;
const C5 = 2.0875723212981748279e-9;
const C6 = -1.13596475577881948265e-11;

/** cos(x + y) for |x| ≤ π/4, y the tail of x (fdlibm k_cos.c). */
function kernelCos(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return 1; // |x| < 2^-27
  const z = x * x;
  const r = z * (C1 + z * (C2 + z * (C3 + z * (C4 + z * (C5 + z * C6)))));
  if (ix < 0x3fd33333) return 1 - (0.5 * z - (z * r - x * y)); // |x| < 0.3
  // 1 − qx and ½x² − qx are exact and keep the subtraction's rounding error small.
  const qx = ix > 0x3fe90000 ? 0.28125 : fromWords(ix - 0x00200000, 0);
  const hz = 0.5 * z - qx;
  const a = 1 - qx;
  return a - (hz - (z * r - x * y));
}

const S1 = -1.66666666666666324348e-1;
const S2 = 8.33333333332248946124e-3;
const S3 = -1.98412698298579493134e-4;
const S4 = 2.75573137070700676789e-6;
const S5 = -2.50507602534068634195e-8;
const S6 = 1.58969099521155010221e-10;

/** sin(x + y) for |x| ≤ π/4, y the tail of x (fdlibm k_sin.c with iy = 1). */
function kernelSin(x: number, y: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix < 0x3e400000) return x; // |x| < 2^-27
  const z = x * x;
  const v = z * x;
  const r = S2 + z * (S3 + z * (S4 + z * (S5 + z * S6)));
  return x - (z * (0.5 * y - v * r) - y - v * S1);
}

/**
 * cos x, the same bits in every engine.
 *
 * Domain: every double. cos(NaN) = cos(±∞) = NaN, cos(±0) = 1; any finite x is reduced exactly modulo
 * π/2 (with up to 1584 bits of 2/π for |x| > 823,549), so large arguments keep full accuracy.
 * Accuracy: error below 1 ulp (fdlibm's bound).
 * Algorithm: fdlibm s_cos.c — x = n·π/2 + (y₀ + y₁) by e_rem_pio2.c / k_rem_pio2.c, then the degree-14
 * cosine or degree-13 sine kernel on [−π/4, π/4] chosen by n mod 4.
 * @example r * cos(2 * Math.PI * u) // Box–Muller
 */
export function cos(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelCos(x, 0); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return NaN; // ±∞ or NaN
  const n = remPio2(x);
  switch (n & 3) {
    case 0:
      return kernelCos(reduced[0]!, reduced[1]!);
    case 1:
      return -kernelSin(reduced[0]!, reduced[1]!);
    case 2:
      return -kernelCos(reduced[0]!, reduced[1]!);
    default:
      return kernelSin(reduced[0]!, reduced[1]!);
  }
}

const T0 = 3.33333333333334091986e-1;
const T1 = 1.33333333333201242699e-1;
const T2 = 5.39682539762260521377e-2;
const T3 = 2.18694882948595424599e-2;
const T4 = 8.86323982359930005737e-3;
const T5 = 3.59207910759131235356e-3;
const T6 = 1.45620945432529025516e-3;
const T7 = 5.88041240820264096874e-4;
const T8 = 2.46463134818469906812e-4;
const T9 = 7.817944429395570923e-5;
const T10 = 7.14072491382608190305e-5;
const T11 = -1.85586374855275456654e-5;
const T12 = 2.59073051863633712884e-5;
const PIO4 = 7.85398163397448278999e-1;
const PIO4_LO = 3.06161699786838301793e-17;

/**
 * tan(x + y) for |x| ≤ π/4, y the tail of x; −1/tan(x + y) when iy = −1 (fdlibm 5.3 k_tan.c, the
 * version with the corrected −1/tan for tiny arguments).
 */
function kernelTan(x: number, y: number, iy: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x3e300000) {
    // |x| < 2^-28
    if ((ix | lowWord(x) | (iy + 1)) === 0) return 1 / Math.abs(x); // −1/tan(±0)
    if (iy === 1) return x;
    // −1/(x + y), carefully
    const w = x + y;
    const z = withLowWord(w, 0);
    const v = y - (z - x);
    const a = -1 / w;
    const t = withLowWord(a, 0);
    const s = 1 + t * z;
    return t + a * (s + t * v);
  }
  const big = ix >= 0x3fe59428; // |x| ≥ 0.6744: use tan(π/4 − x)
  if (big) {
    if (hx < 0) {
      x = -x;
      y = -y;
    }
    const z = PIO4 - x;
    const w = PIO4_LO - y;
    x = z + w;
    y = 0;
  }
  const z = x * x;
  let w = z * z;
  // x⁵·(T1 + x²·T2 + …) split into odd and even powers of x⁴.
  let r = T1 + w * (T3 + w * (T5 + w * (T7 + w * (T9 + w * T11))));
  let v = z * (T2 + w * (T4 + w * (T6 + w * (T8 + w * (T10 + w * T12)))));
  const s = z * x;
  r = y + z * (s * (r + v) + y);
  r += T0 * s;
  w = x + r;
  if (big) {
    v = iy;
    return (1 - ((hx >> 30) & 2)) * (v - 2 * (x - ((w * w) / (w + v) - r)));
  }
  if (iy === 1) return w;
  // −1/(x + r), carefully
  const zh = withLowWord(w, 0);
  v = r - (zh - x);
  const a = -1 / w;
  const t = withLowWord(a, 0);
  const s2 = 1 + t * zh;
  return t + a * (s2 + t * v);
}

/**
 * tan x, the same bits in every engine.
 *
 * Domain: every double. tan(NaN) = tan(±∞) = NaN, tan(±0) = ±0; any finite x is reduced exactly
 * modulo π/2 as in {@link cos}.
 * Accuracy: error below 1 ulp (fdlibm's bound).
 * Algorithm: fdlibm s_tan.c — the reduction of {@link cos}, then k_tan.c's degree-27 odd polynomial on
 * [0, 0.6744] and tan(π/4 − x) above, returning −1/tan for odd n.
 * @example tan(Math.PI * (p - 0.5)) // the Cauchy (Student's t, 1 df) quantile at p
 */
export function tan(x: number): number {
  const ix = highWord(x) & 0x7fffffff;
  if (ix <= 0x3fe921fb) return kernelTan(x, 0, 1); // |x| ≤ π/4
  if (ix >= 0x7ff00000) return NaN; // ±∞ or NaN
  const n = remPio2(x);
  return kernelTan(reduced[0]!, reduced[1]!, 1 - ((n & 1) << 1));
}

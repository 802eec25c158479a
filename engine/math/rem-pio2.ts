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
 * Argument reduction modulo π/2 for cos and tan: fdlibm 5.3's e_rem_pio2.c and k_rem_pio2.c transcribed
 * to IEEE-754 double arithmetic (V8 11.3's src/base/ieee754.cc does the same), so that the reduced
 * argument has the same bits in every engine. See ./index.ts.
 */

import { fromWords, highWord, lowWord, scalbn } from './bits.ts';

/**
 * The argument {@link remPio2} reduced last, as head (index 0) and tail (index 1): returned in this
 * shared array rather than a fresh one so that the reduction allocates nothing. Read it right after
 * the call; the next reduction overwrites it.
 */
export const reduced = new Float64Array(2);

// 2/π in 24-bit chunks, 1584 bits: enough for any double.
// prettier-ignore
const TWO_OVER_PI = Int32Array.of(
  0xa2f983, 0x6e4e44, 0x1529fc, 0x2757d1, 0xf534dd, 0xc0db62, 0x95993c, 0x439041, 0xfe5163, 0xabdebb,
  0xc561b7, 0x246e3a, 0x424dd2, 0xe00649, 0x2eea09, 0xd1921c, 0xfe1deb, 0x1cb129, 0xa73ee8, 0x8235f5,
  0x2ebb44, 0x84e99c, 0x7026b4, 0x5f7e41, 0x3991d6, 0x398353, 0x39f49c, 0x845f8b, 0xbdf928, 0x3b1ff8,
  0x97ffde, 0x05980f, 0xef2f11, 0x8b5a0a, 0x6d1f6d, 0x367ecf, 0x27cb09, 0xb74f46, 0x3f669e, 0x5fea2d,
  0x7527ba, 0xc7ebe5, 0xf17b3d, 0x0739f7, 0x8a5292, 0xea6bfb, 0x5fb11f, 0x8d5d08, 0x560330, 0x46fc7b,
  0x6babf0, 0xcfbc20, 0x9af436, 0x1da9e3, 0x91615e, 0xe61b08, 0x659985, 0x5f14a0, 0x68408d, 0xffd880,
  0x4d7327, 0x310606, 0x1556ca, 0x73a8c9, 0x60e27b, 0xc08c6b,
);

// High words of n·π/2 for n = 1…32, to detect cancellation in the medium-size reduction.
// prettier-ignore
const NPIO2_HW = Int32Array.of(
  0x3ff921fb, 0x400921fb, 0x4012d97c, 0x401921fb, 0x401f6a7a, 0x4022d97c, 0x4025fdbb, 0x402921fb,
  0x402c463a, 0x402f6a7a, 0x4031475c, 0x4032d97c, 0x40346b9c, 0x4035fdbb, 0x40378fdb, 0x403921fb,
  0x403ab41b, 0x403c463a, 0x403dd85a, 0x403f6a7a, 0x40407e4c, 0x4041475c, 0x4042106c, 0x4042d97c,
  0x4043a28c, 0x40446b9c, 0x404534ac, 0x4045fdbb, 0x4046c6cb, 0x40478fdb, 0x404858eb, 0x404921fb,
);

// π/2 in 24-bit pieces, for the large-argument reduction.
const PIO2_PIECES = Float64Array.of(
  1.57079625129699707031,
  7.54978941586159635335e-8,
  5.39030252995776476554e-15,
  3.28200341580791294123e-22,
  1.27065575308067607349e-29,
  1.22933308981111328932e-36,
  2.73370053816464559624e-44,
  2.16741683877804819444e-51,
);

const TWO_24 = 1.6777216e7;
const TWO_M24 = 5.9604644775390625e-8;
const INV_PIO2 = 6.36619772367581382433e-1; // 53 bits of 2/π
const PIO2_1 = 1.57079632673412561417; // first 33 bits of π/2
const PIO2_1T = 6.07710050650619224932e-11; // π/2 − PIO2_1
const PIO2_2 = 6.0771005063039659766e-11; // second 33 bits
const PIO2_2T = 2.02226624879595063154e-21;
const PIO2_3 = 2.0222662487111664558e-21; // third 33 bits
const PIO2_3T = 8.47842766036889956997e-32;

// Scratch for the large-argument reduction (at most 20 chunks), allocated once.
const remX = new Float64Array(3);
const remF = new Float64Array(20);
const remQ = new Float64Array(20);
const remFq = new Float64Array(20);
const remIq = new Int32Array(20);

/**
 * Reduces |x| ≥ 2^19·π/2 modulo π/2 with 2/π to as many bits as needed (fdlibm's __kernel_rem_pio2
 * at 53-bit precision, jk = 4). Reads the 24-bit pieces of x from remX[0 … nx−1]; e0 is the exponent of
 * remX[0]. Writes the reduced argument to reduced[0] (head) and reduced[1] (tail) and returns n mod 8.
 */
function remPio2Large(e0: number, nx: number): number {
  const jk = 4;
  const jp = jk;
  const jx = nx - 1;
  let jv = ((e0 - 3) / 24) | 0;
  if (jv < 0) jv = 0;
  let q0 = e0 - 24 * (jv + 1);

  // f[0 … jx+jk] = the chunks of 2/π that meet x.
  let j = jv - jx;
  const m = jx + jk;
  for (let i = 0; i <= m; i++, j++) remF[i] = j < 0 ? 0 : TWO_OVER_PI[j]!;
  for (let i = 0; i <= jk; i++) {
    let fw = 0;
    for (let l = 0; l <= jx; l++) fw += remX[l]! * remF[jx + i - l]!;
    remQ[i] = fw;
  }

  let jz = jk;
  let z = 0;
  let n = 0;
  let ih = 0;
  for (;;) {
    // Distill q[] into iq[], reversed.
    z = remQ[jz]!;
    for (let i = 0, l = jz; l > 0; i++, l--) {
      const fw = (TWO_M24 * z) | 0;
      remIq[i] = (z - TWO_24 * fw) | 0;
      z = remQ[l - 1]! + fw;
    }
    // n = the integer part mod 8.
    z = scalbn(z, q0);
    z -= 8 * Math.floor(z * 0.125);
    n = z | 0;
    z -= n;
    ih = 0;
    if (q0 > 0) {
      const i = remIq[jz - 1]! >> (24 - q0);
      n += i;
      remIq[jz - 1] = remIq[jz - 1]! - (i << (24 - q0));
      ih = remIq[jz - 1]! >> (23 - q0);
    } else if (q0 === 0) {
      ih = remIq[jz - 1]! >> 23;
    } else if (z >= 0.5) {
      ih = 2;
    }
    if (ih > 0) {
      // The fraction is ≥ ½: take 1 − fraction.
      n += 1;
      let carry = 0;
      for (let i = 0; i < jz; i++) {
        const v = remIq[i]!;
        if (carry === 0) {
          if (v !== 0) {
            carry = 1;
            remIq[i] = 0x1000000 - v;
          }
        } else {
          remIq[i] = 0xffffff - v;
        }
      }
      if (q0 === 1) remIq[jz - 1] = remIq[jz - 1]! & 0x7fffff;
      else if (q0 === 2) remIq[jz - 1] = remIq[jz - 1]! & 0x3fffff;
      if (ih === 2) {
        z = 1 - z;
        if (carry !== 0) z -= scalbn(1, q0);
      }
    }
    if (z !== 0) break;
    // Check whether more chunks of 2/π are needed (massive cancellation).
    let any = 0;
    for (let i = jz - 1; i >= jk; i--) any |= remIq[i]!;
    if (any !== 0) break;
    let k = 1;
    while (jk >= k && remIq[jk - k] === 0) k++;
    for (let i = jz + 1; i <= jz + k; i++) {
      remF[jx + i] = TWO_OVER_PI[jv + i]!;
      let fw = 0;
      for (let l = 0; l <= jx; l++) fw += remX[l]! * remF[jx + i - l]!;
      remQ[i] = fw;
    }
    jz += k;
  }

  // Chop off zero terms, or split z into 24-bit pieces.
  if (z === 0) {
    jz -= 1;
    q0 -= 24;
    while (remIq[jz] === 0) {
      jz--;
      q0 -= 24;
    }
  } else {
    z = scalbn(z, -q0);
    if (z >= TWO_24) {
      const fw = (TWO_M24 * z) | 0;
      remIq[jz] = (z - TWO_24 * fw) | 0;
      jz += 1;
      q0 += 24;
      remIq[jz] = fw;
    } else {
      remIq[jz] = z | 0;
    }
  }

  // The integer chunks as doubles, then times π/2.
  let fw = scalbn(1, q0);
  for (let i = jz; i >= 0; i--) {
    remQ[i] = fw * remIq[i]!;
    fw *= TWO_M24;
  }
  for (let i = jz; i >= 0; i--) {
    let sum = 0;
    for (let k = 0; k <= jp && k <= jz - i; k++) sum += PIO2_PIECES[k]! * remQ[i + k]!;
    remFq[jz - i] = sum;
  }
  // Compress into head + tail.
  fw = 0;
  for (let i = jz; i >= 0; i--) fw += remFq[i]!;
  reduced[0] = ih === 0 ? fw : -fw;
  fw = remFq[0]! - fw;
  for (let i = 1; i <= jz; i++) fw += remFq[i]!;
  reduced[1] = ih === 0 ? fw : -fw;
  return n & 7;
}

/**
 * Reduces a finite x with |x| > π/4 modulo π/2: returns n and writes x − n·π/2, in [−π/4, π/4], to
 * {@link reduced} as head + tail (fdlibm's __ieee754_rem_pio2). Accurate for every double: the large-argument
 * path carries 2/π to as many bits as the cancellation needs.
 */
export function remPio2(x: number): number {
  const hx = highWord(x);
  const ix = hx & 0x7fffffff;
  if (ix < 0x4002d97c) {
    // |x| < 3π/4: n = ±1
    if (hx > 0) {
      let z = x - PIO2_1;
      if (ix !== 0x3ff921fb) {
        reduced[0] = z - PIO2_1T;
        reduced[1] = z - reduced[0]! - PIO2_1T;
      } else {
        // near π/2: 33 + 33 + 53 bits of π/2
        z -= PIO2_2;
        reduced[0] = z - PIO2_2T;
        reduced[1] = z - reduced[0]! - PIO2_2T;
      }
      return 1;
    }
    let z = x + PIO2_1;
    if (ix !== 0x3ff921fb) {
      reduced[0] = z + PIO2_1T;
      reduced[1] = z - reduced[0]! + PIO2_1T;
    } else {
      z += PIO2_2;
      reduced[0] = z + PIO2_2T;
      reduced[1] = z - reduced[0]! + PIO2_2T;
    }
    return -1;
  }
  if (ix <= 0x413921fb) {
    // |x| ≤ 2^19·π/2: medium size, Cody–Waite with 33-bit pieces of π/2.
    const t = Math.abs(x);
    const n = (t * INV_PIO2 + 0.5) | 0;
    let r = t - n * PIO2_1;
    let w = n * PIO2_1T; // first round good to 85 bits
    if (n < 32 && ix !== NPIO2_HW[n - 1]) {
      reduced[0] = r - w;
    } else {
      const j = ix >> 20;
      reduced[0] = r - w;
      let i = j - ((highWord(reduced[0]!) >> 20) & 0x7ff);
      if (i > 16) {
        // second round, good to 118 bits
        let t2 = r;
        w = n * PIO2_2;
        r = t2 - w;
        w = n * PIO2_2T - (t2 - r - w);
        reduced[0] = r - w;
        i = j - ((highWord(reduced[0]!) >> 20) & 0x7ff);
        if (i > 49) {
          // third round, 151 bits: covers every case
          t2 = r;
          w = n * PIO2_3;
          r = t2 - w;
          w = n * PIO2_3T - (t2 - r - w);
          reduced[0] = r - w;
        }
      }
    }
    reduced[1] = r - reduced[0]! - w;
    if (hx < 0) {
      reduced[0] = -reduced[0]!;
      reduced[1] = -reduced[1]!;
      return -n;
    }
    return n;
  }
  // Large |x|: split |x| into three 24-bit integers scaled by 2^e0.
  const e0 = (ix >> 20) - 1046;
  let z = fromWords(ix - (e0 << 20), lowWord(x));
  for (let i = 0; i < 2; i++) {
    remX[i] = z | 0;
    z = (z - remX[i]!) * TWO_24;
  }
  remX[2] = z;
  let nx = 3;
  while (remX[nx - 1] === 0) nx--;
  const n = remPio2Large(e0, nx);
  if (hx < 0) {
    reduced[0] = -reduced[0]!;
    reduced[1] = -reduced[1]!;
    return -n;
  }
  return n;
}

/*
 * Ported from simple-statistics 7.12 (src/gammaln.js), under its licence:
 *
 * ISC License
 *
 * Copyright (c) 2014, Tom MacWright
 *
 * Permission to use, copy, modify, and/or distribute this software for any
 * purpose with or without fee is hereby granted, provided that the above
 * copyright notice and this permission notice appear in all copies.
 *
 * THE SOFTWARE IS PROVIDED "AS IS" AND THE AUTHOR DISCLAIMS ALL WARRANTIES WITH
 * REGARD TO THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND
 * FITNESS. IN NO EVENT SHALL THE AUTHOR BE LIABLE FOR ANY SPECIAL, DIRECT,
 * INDIRECT, OR CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM
 * LOSS OF USE, DATA OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR
 * OTHER TORTIOUS ACTION, ARISING OUT OF OR IN CONNECTION WITH THE USE OR
 * PERFORMANCE OF THIS SOFTWARE.
 */

import { log } from './index.ts';

// Godfrey's Lanczos series (g = 607/128, 15 terms): simple-statistics 7's coefficients, written as the
// shortest literals of the same doubles, so that this function returns what its `gammaln` returned in
// Node 20 — only on the engine's deterministic log.
const LANCZOS = Float64Array.of(
  0.9999999999999971,
  57.15623566586292,
  -59.59796035547549,
  14.136097974741746,
  -0.4919138160976202,
  3.399464998481189e-5,
  4.652362892704858e-5,
  -9.837447530487956e-5,
  1.580887032249125e-4,
  -2.1026444172410488e-4,
  2.1743961811521265e-4,
  -1.643181065367639e-4,
  8.441822398385275e-5,
  -2.6190838401581408e-5,
  3.6899182659531625e-6,
);
const G = 607 / 128;
const LOG_SQRT_2PI = log(Math.sqrt(2 * Math.PI));

/**
 * ln Γ(x), the logarithm of the gamma function, for x > 0 (+∞ for x ≤ 0, NaN for NaN), by Lanczos'
 * approximation: error about 1e-15 of max(1, |ln Γ(x)|), also where Γ(x) itself would overflow
 * (x > 171).
 *
 * simple-statistics' `gammaln` with its coefficients and order of operations, but on {@link log} from
 * engine/math instead of Math.log, so that the same x gives the same bits in every JavaScript engine
 * (and exactly simple-statistics' result in Node 20). Used by the incomplete beta function behind
 * Student's t.
 * @example gammaln(5) // 3.1780538303479444, ln 24 = ln Γ(5) to 5e-16 relative
 */
export function gammaln(x: number): number {
  if (x <= 0) return Infinity;
  // The series is written for Γ(n + 1).
  const n = x - 1;
  let a = LANCZOS[0]!;
  for (let i = 1; i < 15; i++) a += LANCZOS[i]! / (n + i);
  const t = G + 0.5 + n;
  return LOG_SQRT_2PI + log(a) - t + (n + 0.5) * log(t);
}

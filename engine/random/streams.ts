// alea's own file: the package's main module also loads its six other generators and node:crypto,
// about 10 ms of CPU for each worker thread.
import alea from 'seedrandom/lib/alea.js';
import { cos, exp, log } from '../math/index.ts';

/*
 * Random streams with common random numbers (docs/design.md §5 "Common random numbers").
 *
 * Every random decision reads a uniform addressed by (iteration key, entity, decision, month, draw). Nothing
 * is consumed from a shared sequential stream, so a policy that makes one more or one fewer draw for one
 * contract cannot shift the luck of any other contract: two scenarios that differ only in policy see the
 * same customers, arrivals and outcomes wherever the policy does not reach, and results do not depend on
 * the order in which workers or shards visit entities.
 *
 * The uniform is a counter-based hash (MurmurHash3's block mix over the five words, then its fmix32
 * finaliser): pure and allocation-free. Measured on these machines (test/bench/random.bench.ts):
 * ~150 M draws/s, against ~0.55 M/s for an alea generator seeded per address and drawn once (~300×)
 * and ~60–110 M/s for one sequential alea stream, which cannot give common random numbers. seedrandom's alea derives the 32-bit key of each (seed, iteration).
 *
 * Decision ids are small non-negative integers, one per kind of random decision. Reserved ranges keep
 * the parts of the engine from reading each other's luck under the same key:
 *   0–999      the simulator's monthly steps (engine/sim)
 *   1000–1999  the synthetic portfolio (engine/portfolio, PORTFOLIO_DECISIONS)
 */

const C1 = 0xcc9e2d51 | 0;
const C2 = 0x1b873593 | 0;
const N = 0xe6546b64 | 0;
/** 2^-32: maps a uint32 onto [0, 1). */
const UINT32_TO_UNIT = 2.3283064365386963e-10;

/** One MurmurHash3 block step: absorbs the 32-bit word `k` into the state `h`. */
function absorb(h: number, k: number): number {
  k = Math.imul(k, C1);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, C2);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + N) | 0;
}

/** MurmurHash3's finaliser: full avalanche of a 32-bit state (every input bit flips each output bit with p ≈ ½). */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * The 32-bit key of one iteration of one seed, a signed 32-bit integer, derived with seedrandom's alea.
 * Signed, so V8 keeps it a small integer: an unsigned key above 2^31 would be a heap number, boxed anew
 * each time the hot loops pass it to a function they do not inline.
 * Number and string seeds that print alike (`7` and `'7'`) give the same key, so a seed typed on the
 * command line and one read from a scenario file agree.
 * @example uniform(iterationKey(42, 0), contract, DECISION_RENEWAL, month)
 */
export function iterationKey(seed: number | string, iteration: number): number {
  if (typeof seed === 'number' && !Number.isFinite(seed)) {
    throw new RangeError(`invalid seed: expected a finite number or a string, got ${seed}`);
  }
  if (!Number.isInteger(iteration) || iteration < 0) {
    throw new RangeError(`invalid iteration: expected a non-negative integer, got ${iteration}`);
  }
  const generator = alea(`${seed}/${iteration}`);
  // alea's first outputs for seeds that differ in one character are not independent enough to serve as
  // keys on their own; the finaliser spreads every bit over the whole key.
  return fmix32(generator.int32() ^ fmix32(generator.int32())) | 0;
}

/**
 * A uniform in [0, 1) for one random decision, with 32 bits of resolution (multiples of 2^-32; the
 * largest value is 1 − 2^-32, so it never returns 1). Pure and allocation-free: the same arguments give
 * the same number in every scenario, worker and run.
 * @param key the iteration key from {@link iterationKey} (any 32-bit integer)
 * @param entity the contract, customer, vehicle, dealer or lead index (0 ≤ entity < 2^31)
 * @param decision the kind of decision (see the reserved ranges at the top of this file)
 * @param month the simulation month (0 = start)
 * @param draw the index of the draw when one decision needs several uniforms (default 0)
 */
export function uniform(key: number, entity: number, decision: number, month: number, draw = 0): number {
  return uniformAt(addressOf(key, entity, decision, month), draw);
}

/**
 * The hash state of one address (key, entity, decision, month) before its draw index: with
 * {@link uniformAt}, draws 0, 1, 2, … of one decision cost one hash word each instead of four.
 * `uniformAt(addressOf(key, entity, decision, month), draw)` is exactly `uniform(key, entity, decision, month, draw)`.
 * @example const at = addressOf(key, lead, DECISION_LEAD_ATTRIBUTES, month); uniformAt(at, 0); uniformAt(at, 1)
 */
export function addressOf(key: number, entity: number, decision: number, month: number): number {
  return addressIn(streamOf(key, entity, decision), month);
}

/**
 * The hash state of one entity's decision (key, entity, decision), before the month: an entity that
 * draws the same decision every month keeps it (e.g. in a column) and pays two hash words a month.
 * `addressIn(streamOf(key, entity, decision), month)` is exactly `addressOf(key, entity, decision, month)`.
 */
export function streamOf(key: number, entity: number, decision: number): number {
  return absorb(absorb(key | 0, entity), decision);
}

/** The address of month `month` in a stream from {@link streamOf}. */
export function addressIn(stream: number, month: number): number {
  return absorb(stream, month);
}

/** Draw `draw` of the address from {@link addressOf}: a uniform in [0, 1), as {@link uniform}. */
export function uniformAt(address: number, draw: number): number {
  // 20 = the byte length of the five words, as MurmurHash3 mixes in the length before finalising.
  return (fmix32(absorb(address, draw) ^ 20) >>> 0) * UINT32_TO_UNIT;
}

/**
 * Whether an event of probability `p` (0–1) happens, given the uniform `u` in [0, 1).
 * Monotone in `p` for a fixed `u`: raising a probability only ever adds events, which keeps paired
 * scenario deltas small and interpretable.
 */
export function bernoulli(p: number, u: number): boolean {
  return u < p;
}

/** Poisson means are split into chunks of at most this mean, each inverted exactly from its own draw. */
const POISSON_CHUNK_MEAN = 50;
/** Above this mean the exact method's O(mean) search gives way to a normal approximation. */
const POISSON_EXACT_MAX_MEAN = 100_000;

/**
 * A Poisson count with the given `mean` (≥ 0) for one random decision. Allocation-free.
 *
 * Exact by inversion: the mean is split into chunks of at most 50 (a Poisson(μ) is the sum of
 * Poisson(50) + … + Poisson(remainder)), chunk j inverted from draw j by sequential search of its
 * cumulative distribution. The count is monotone in the mean for fixed luck: raising an arrival rate only
 * adds arrivals, never reshuffles them, which keeps paired scenario deltas small. Cost grows with the
 * mean (about one step per unit), as does the work of handling the arrivals drawn. Means above 100,000
 * use draw 0 alone through the normal quantile with the Cornish–Fisher skew term
 * (mean + √mean·z + (z² − 1)/6, rounded), whose error is negligible there.
 * @example poisson(12.5, key, dealer, DECISION_LEAD_ARRIVALS, month) // leads arriving at one dealer
 */
export function poisson(mean: number, key: number, entity: number, decision: number, month: number): number {
  if (!(mean > 0)) return 0;
  if (mean > POISSON_EXACT_MAX_MEAN) {
    const z = normalQuantile(uniform(key, entity, decision, month, 0));
    const k = Math.floor(mean + Math.sqrt(mean) * z + (z * z - 1) / 6 + 0.5);
    return k > 0 ? k : 0;
  }
  let count = 0;
  let remaining = mean;
  for (let draw = 0; remaining > 0; draw++) {
    const chunk = remaining < POISSON_CHUNK_MEAN ? remaining : POISSON_CHUNK_MEAN;
    count += poissonInversion(chunk, uniform(key, entity, decision, month, draw));
    remaining -= POISSON_CHUNK_MEAN;
  }
  return count;
}

/** The Poisson(mean) count at uniform `u` by sequential search; exact for means up to a few hundred. */
function poissonInversion(mean: number, u: number): number {
  let p = exp(-mean);
  let cdf = p;
  let k = 0;
  // The tail beyond mean + 40·√mean + 40 has probability far below 2^-32; the bound also stops the loop
  // if rounding leaves the accumulated cdf just short of u.
  const kMax = mean + 40 * Math.sqrt(mean) + 40;
  while (u >= cdf && k < kMax) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * A standard normal deviate for one random decision, by Box–Muller from draws 0 and 1. Allocation-free.
 * @example const z = normal01(key, vehicle, DECISION_MARKET_VALUE_NOISE, month) // then mean + sd * z
 */
export function normal01(key: number, entity: number, decision: number, month: number): number {
  // 1 − u lies in (0, 1], so the logarithm is finite.
  const r = Math.sqrt(-2 * log(1 - uniform(key, entity, decision, month, 0)));
  return r * cos(2 * Math.PI * uniform(key, entity, decision, month, 1));
}

/**
 * The index chosen by `u` in [0, 1) among weights ≥ 0 (they need not sum to 1): index i with probability
 * weights[i] / Σ weights, walking the cumulative sum. Zero weights are never chosen. Allocation-free.
 * Throws a RangeError when no weight is positive.
 * @example pickIndex(segmentShares, u) // 0 reliable, 1 occasional, 2 habitual-late
 */
export function pickIndex(weights: Float64Array, u: number): number {
  let total = 0;
  let last = -1;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (w > 0) {
      total += w;
      last = i;
    }
  }
  if (last < 0) throw new RangeError('invalid weights: expected at least one positive weight');
  const target = u * total;
  let cumulative = 0;
  for (let i = 0; i < last; i++) {
    const w = weights[i]!;
    if (w > 0) {
      cumulative += w;
      if (target < cumulative) return i;
    }
  }
  // Rounding in the running sum can leave target ≥ cumulative after the last-but-one weight.
  return last;
}

// Acklam's coefficients (P. J. Acklam, "An algorithm for computing the inverse normal cumulative
// distribution function", 2003).
const P_LOW = 0.02425;
const A_0 = -3.969683028665376e1;
const A_1 = 2.209460984245205e2;
const A_2 = -2.759285104469687e2;
const A_3 = 1.38357751867269e2;
const A_4 = -3.066479806614716e1;
const A_5 = 2.506628277459239;
const B_0 = -5.447609879822406e1;
const B_1 = 1.615858368580409e2;
const B_2 = -1.556989798598866e2;
const B_3 = 6.680131188771972e1;
const B_4 = -1.328068155288572e1;
const C_0 = -7.784894002430293e-3;
const C_1 = -3.223964580411365e-1;
const C_2 = -2.400758277161838;
const C_3 = -2.549732539343734;
const C_4 = 4.374664141464968;
const C_5 = 2.938163982698783;
const D_0 = 7.784695709041462e-3;
const D_1 = 3.224671290700398e-1;
const D_2 = 2.445134137142996;
const D_3 = 3.754408661907416;

/**
 * The standard normal quantile Φ⁻¹(p) for p in [0, 1] (−∞ at 0, +∞ at 1), by Acklam's rational
 * approximation (relative error below 1.2e-9). Monotone in p, so the same uniform maps to the same
 * quantile whatever the mean and sd.
 */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  if (p < P_LOW) {
    const q = Math.sqrt(-2 * log(p));
    return (
      (((((C_0 * q + C_1) * q + C_2) * q + C_3) * q + C_4) * q + C_5) /
      ((((D_0 * q + D_1) * q + D_2) * q + D_3) * q + 1)
    );
  }
  if (p > 1 - P_LOW) {
    const q = Math.sqrt(-2 * log(1 - p));
    return -(
      (((((C_0 * q + C_1) * q + C_2) * q + C_3) * q + C_4) * q + C_5) /
      ((((D_0 * q + D_1) * q + D_2) * q + D_3) * q + 1)
    );
  }
  const q = p - 0.5;
  const r = q * q;
  return (
    ((((((A_0 * r + A_1) * r + A_2) * r + A_3) * r + A_4) * r + A_5) * q) /
    (((((B_0 * r + B_1) * r + B_2) * r + B_3) * r + B_4) * r + 1)
  );
}

import { describeValue } from '../json/describe.ts';
import { valueProblem, type ValueProblem } from '../json/problem.ts';
import { regularizedIncompleteBeta } from '../math/incomplete-beta.ts';
import { exp, log, log1p, pow } from '../math/index.ts';
import { normalQuantile } from '../random/streams.ts';

/**
 * A probability distribution for an uncertain assumption, as written in a scenario file.
 * Parameters are in the unit of the assumption itself (€, months, 0–1, …).
 */
export type Dist =
  | { dist: 'triangular'; min: number; mode: number; max: number }
  /** Beta-PERT with λ = 4: mean (min + 4·mode + max) / 6, smoother than the triangular. */
  | { dist: 'pert'; min: number; mode: number; max: number }
  | { dist: 'normal'; mean: number; sd: number }
  /** Mean and sd of the variable itself (not of its logarithm); positive, right-skewed. */
  | { dist: 'lognormal'; mean: number; sd: number }
  /** Beta(alpha, beta) scaled to [min, max], default [0, 1]. */
  | { dist: 'beta'; alpha: number; beta: number; min?: number; max?: number }
  | { dist: 'uniform'; min: number; max: number };

export type DistName = Dist['dist'];

/** A numeric assumption: a number, or a distribution drawn once per iteration (parameter uncertainty). */
export type Num = number | Dist;

/** The keys each distribution takes: required, then optional. */
const DIST_KEYS: ReadonlyMap<DistName, { required: readonly string[]; optional: readonly string[] }> =
  new Map([
    ['triangular', { required: ['min', 'mode', 'max'], optional: [] }],
    ['pert', { required: ['min', 'mode', 'max'], optional: [] }],
    ['normal', { required: ['mean', 'sd'], optional: [] }],
    ['lognormal', { required: ['mean', 'sd'], optional: [] }],
    ['beta', { required: ['alpha', 'beta'], optional: ['min', 'max'] }],
    ['uniform', { required: ['min', 'max'], optional: [] }],
  ]);

/** The distribution names a scenario file may use. */
export const DIST_NAMES: readonly DistName[] = [...DIST_KEYS.keys()];

/** Whether `x` is a distribution object (by its `dist` name; use {@link checkNum} to validate the rest). */
export function isDist(x: unknown): x is Dist {
  return (
    typeof x === 'object' &&
    x !== null &&
    !Array.isArray(x) &&
    Object.hasOwn(x, 'dist') &&
    typeof (x as { dist: unknown }).dist === 'string' &&
    DIST_KEYS.has((x as { dist: string }).dist as DistName)
  );
}

/**
 * Draws one value of `x` (a number is returned as is, without consuming a uniform).
 * `u` yields independent uniforms in [0, 1). Triangular, normal, lognormal and uniform use exactly one
 * uniform, by inversion, so a value moves monotonically with its uniform (useful for sensitivity runs);
 * beta and PERT use a gamma rejection sampler and a variable number of uniforms.
 * @example sample({ dist: 'pert', min: 0.4, mode: 0.55, max: 0.8 }, () => uniform(key, 0, DECISION, 0, draw++))
 */
export function sample(x: Num, u: () => number): number {
  if (typeof x === 'number') return x;
  switch (x.dist) {
    case 'uniform':
      return x.min + (x.max - x.min) * u();
    case 'triangular':
      return triangular(x.min, x.mode, x.max, u());
    case 'pert': {
      const range = x.max - x.min;
      if (range === 0) return x.min;
      const alpha = 1 + (4 * (x.mode - x.min)) / range;
      const beta = 1 + (4 * (x.max - x.mode)) / range;
      return x.min + range * beta01(alpha, beta, u);
    }
    case 'normal':
      return x.mean + x.sd * normalDeviate(u());
    case 'lognormal': {
      const params = lognormalOf(x);
      return exp(params[0]! + params[1]! * normalDeviate(u()));
    }
    case 'beta': {
      const min = x.min ?? 0;
      const max = x.max ?? 1;
      return min + (max - min) * beta01(x.alpha, x.beta, u);
    }
  }
}

/** The analytic mean of `x`, in its own unit: for docs, defaults and expected values. */
export function distMean(x: Num): number {
  if (typeof x === 'number') return x;
  switch (x.dist) {
    case 'uniform':
      return (x.min + x.max) / 2;
    case 'triangular':
      return (x.min + x.mode + x.max) / 3;
    case 'pert':
      return (x.min + 4 * x.mode + x.max) / 6;
    case 'normal':
    case 'lognormal':
      return x.mean;
    case 'beta': {
      const min = x.min ?? 0;
      const max = x.max ?? 1;
      return min + ((max - min) * x.alpha) / (x.alpha + x.beta);
    }
  }
}

/**
 * The p-quantile (0–1) of `x`, in its own unit: the value below which a share p of its draws fall (a
 * number is its own quantile). Closed form for uniform, triangular, normal and lognormal; beta and PERT
 * invert the regularised incomplete beta function by bisection (at most {@link BISECTION_STEPS} steps).
 * p = 0 and p = 1 give the ends of the support (±Infinity for an unbounded one).
 * @example quantile({ dist: 'uniform', min: 0.03, max: 0.05 }, 0.9) // 0.048
 */
export function quantile(x: Num, p: number): number {
  if (typeof x === 'number') return x;
  if (!(p >= 0 && p <= 1)) throw new RangeError(`invalid quantile ${p}: expected a probability from 0 to 1`);
  switch (x.dist) {
    case 'uniform':
      return x.min + (x.max - x.min) * p;
    case 'triangular':
      return p >= 1 ? x.max : triangular(x.min, x.mode, x.max, p);
    case 'normal':
      return x.sd === 0 ? x.mean : x.mean + x.sd * normalQuantile(p);
    case 'lognormal': {
      if (x.sd === 0) return x.mean;
      const params = lognormalOf(x);
      return exp(params[0]! + params[1]! * normalQuantile(p));
    }
    case 'pert': {
      const range = x.max - x.min;
      if (range === 0) return x.min;
      const alpha = 1 + (4 * (x.mode - x.min)) / range;
      const beta = 1 + (4 * (x.max - x.mode)) / range;
      return x.min + range * betaQuantile01(alpha, beta, p);
    }
    case 'beta': {
      const min = x.min ?? 0;
      const max = x.max ?? 1;
      return min + (max - min) * betaQuantile01(x.alpha, x.beta, p);
    }
  }
}

/**
 * The share (0–1) of `x`'s draws at or below `value`: its cumulative distribution function, the inverse
 * of {@link quantile}. Closed form except for normal and lognormal, which bisect on their quantile
 * (at most {@link BISECTION_STEPS} steps). A number's CDF is a step at the number.
 * @example cdf({ dist: 'uniform', min: 0.03, max: 0.05 }, 0.048) // 0.9
 */
export function cdf(x: Num, value: number): number {
  if (typeof x === 'number') return value < x ? 0 : 1;
  const [lo, hi] = distSupport(x);
  if (value < lo) return 0;
  if (value >= hi) return 1;
  switch (x.dist) {
    case 'uniform':
      return (value - x.min) / (x.max - x.min);
    case 'triangular': {
      const range = x.max - x.min;
      return value <= x.mode
        ? (value - x.min) ** 2 / (range * (x.mode - x.min))
        : 1 - (x.max - value) ** 2 / (range * (x.max - x.mode));
    }
    case 'pert': {
      const range = x.max - x.min;
      const alpha = 1 + (4 * (x.mode - x.min)) / range;
      const beta = 1 + (4 * (x.max - x.mode)) / range;
      return regularizedIncompleteBeta((value - x.min) / range, alpha, beta);
    }
    case 'beta': {
      const min = x.min ?? 0;
      return regularizedIncompleteBeta((value - min) / ((x.max ?? 1) - min), x.alpha, x.beta);
    }
    case 'normal':
    case 'lognormal': {
      let below = 0;
      let above = 1;
      for (let step = 0; step < BISECTION_STEPS; step++) {
        const mid = (below + above) / 2;
        if (quantile(x, mid) <= value) below = mid;
        else above = mid;
      }
      return (below + above) / 2;
    }
  }
}

/** Bisection steps of a beta quantile: 2^-60 of the range, far below any assumption's precision. */
const BISECTION_STEPS = 60;

/** The p-quantile of Beta(α, β) on [0, 1], by bisection on its CDF (monotone, so bisection cannot fail). */
function betaQuantile01(alpha: number, beta: number, p: number): number {
  if (p <= 0) return 0;
  if (p >= 1) return 1;
  let lo = 0;
  let hi = 1;
  for (let step = 0; step < BISECTION_STEPS; step++) {
    const mid = (lo + hi) / 2;
    if (regularizedIncompleteBeta(mid, alpha, beta) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The smallest interval [lo, hi] holding every value `x` can take (±Infinity when unbounded; lognormal
 * values are > 0). Used to check that an assumption stays in its domain, e.g. a share within 0–1.
 */
export function distSupport(x: Num): readonly [number, number] {
  if (typeof x === 'number') return [x, x];
  switch (x.dist) {
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [x.min, x.max];
    case 'normal':
      return x.sd === 0 ? [x.mean, x.mean] : [-Infinity, Infinity];
    case 'lognormal':
      return x.sd === 0 ? [x.mean, x.mean] : [0, Infinity];
    case 'beta':
      return [x.min ?? 0, x.max ?? 1];
  }
}

/**
 * Validates a `Num` found at JSON pointer `pointer` of a user's file. Returns one problem per fault,
 * its message `invalid <what>: <what is wrong and what was expected>`; empty when valid.
 */
export function checkNum(x: unknown, pointer: string, what = 'distribution'): ValueProblem[] {
  const fail = (message: string): ValueProblem => valueProblem(pointer, `invalid ${what}: ${message}`);
  if (typeof x === 'number') return Number.isFinite(x) ? [] : [fail(`expected a finite number, got ${x}`)];
  if (typeof x !== 'object' || x === null || Array.isArray(x)) {
    return [
      fail(`expected a number or an object with "dist" (${DIST_NAMES.join(', ')}), got ${describeValue(x)}`),
    ];
  }
  if (!Object.hasOwn(x, 'dist')) {
    return [fail(`missing "dist": expected one of ${DIST_NAMES.join(', ')}`)];
  }
  const record = x as Record<string, unknown>;
  const name = record.dist;
  const keys = typeof name === 'string' ? DIST_KEYS.get(name as DistName) : undefined;
  if (keys === undefined) {
    return [fail(`unknown dist ${describeValue(name)}: expected one of ${DIST_NAMES.join(', ')}`)];
  }
  const problems: ValueProblem[] = [];
  const allowed = ['dist', ...keys.required, ...keys.optional];
  for (const key of Object.keys(record)) {
    if (!allowed.includes(key)) {
      problems.push(fail(`unknown key ${describeValue(key)} for ${name}: expected ${allowed.join(', ')}`));
    }
  }
  let complete = true;
  for (const key of keys.required) {
    if (!Object.hasOwn(record, key)) {
      problems.push(fail(`missing "${key}" for ${name}`));
      complete = false;
    }
  }
  for (const key of [...keys.required, ...keys.optional]) {
    if (!Object.hasOwn(record, key)) continue;
    const value = record[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push(fail(`"${key}" must be a finite number, got ${describeValue(value)}`));
      complete = false;
    }
  }
  // Ranges are only meaningful once every parameter is a number.
  return complete ? problems.concat(checkRanges(x as Dist).map(fail)) : problems;
}

/** Range checks of a distribution whose keys are present and numeric. */
function checkRanges(d: Dist): string[] {
  const problems: string[] = [];
  switch (d.dist) {
    case 'triangular':
    case 'pert':
      if (d.min > d.max) problems.push(`min ${d.min} is greater than max ${d.max}`);
      else if (d.mode < d.min || d.mode > d.max) {
        problems.push(`mode ${d.mode} is outside [min, max] = [${d.min}, ${d.max}]`);
      }
      break;
    case 'uniform':
      if (d.min > d.max) problems.push(`min ${d.min} is greater than max ${d.max}`);
      break;
    case 'normal':
      if (d.sd < 0) problems.push(`sd ${d.sd} is negative: expected sd ≥ 0`);
      break;
    case 'lognormal':
      if (d.mean <= 0) problems.push(`mean ${d.mean} must be > 0: a lognormal variable is positive`);
      if (d.sd < 0) problems.push(`sd ${d.sd} is negative: expected sd ≥ 0`);
      break;
    case 'beta': {
      if (d.alpha <= 0) problems.push(`alpha ${d.alpha} must be > 0`);
      if (d.beta <= 0) problems.push(`beta ${d.beta} must be > 0`);
      const min = d.min ?? 0;
      const max = d.max ?? 1;
      if (min > max) problems.push(`min ${min} is greater than max ${max}`);
      break;
    }
  }
  return problems;
}

/** Inverse CDF of the triangular distribution at `u`. */
function triangular(min: number, mode: number, max: number, u: number): number {
  const range = max - min;
  if (range === 0) return min;
  const cut = (mode - min) / range;
  return u < cut
    ? min + Math.sqrt(u * range * (mode - min))
    : max - Math.sqrt((1 - u) * range * (max - mode));
}

/** A standard normal deviate from one uniform in [0, 1), kept finite at u = 0. */
function normalDeviate(u: number): number {
  // u = 0 has probability 2^-32 with the engine's streams; nudge it to the smallest resolvable uniform.
  return normalQuantile(u > 0 ? u : 2 ** -33);
}

/** Beta(α, β) on [0, 1] as X / (X + Y) with X ~ Gamma(α), Y ~ Gamma(β). */
function beta01(alpha: number, beta: number, u: () => number): number {
  const x = gamma(alpha, u);
  const y = gamma(beta, u);
  const sum = x + y;
  // Both gammas underflow to 0 only for tiny shapes; the beta then sits at an end with odds α : β.
  if (sum === 0) return u() * (alpha + beta) < alpha ? 1 : 0;
  return x / sum;
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000), "A simple method for generating gamma variables";
 * shapes below 1 use the boost Gamma(a) = Gamma(a + 1) · U^(1/a).
 */
function gamma(shape: number, u: () => number): number {
  if (shape < 1) {
    const g = gamma(shape + 1, u);
    // 1 − u lies in (0, 1], so the power is never 0^(1/a) from a zero uniform.
    return g * pow(1 - u(), 1 / shape);
  }
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = normalDeviate(u());
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const w = 1 - u();
    const x2 = x * x;
    if (w < 1 - 0.0331 * x2 * x2) return d * v;
    if (log(w) < 0.5 * x2 + d * (1 - v + log(v))) return d * v;
  }
}

/** μ and σ of log X per lognormal, remembered with the mean and sd they came from (so never stale). */
const lognormals = new WeakMap<object, Float64Array>();

/**
 * [μ, σ, mean, sd] of a lognormal given by the mean and sd of X. Prices and mileages are drawn per new
 * vehicle inside the monthly step, and the two logarithms cost more than this lookup.
 */
function lognormalOf(x: { mean: number; sd: number }): Float64Array {
  let params = lognormals.get(x);
  if (params === undefined || params[2] !== x.mean || params[3] !== x.sd) {
    const sigma2 = log1p((x.sd * x.sd) / (x.mean * x.mean));
    params = Float64Array.of(log(x.mean) - sigma2 / 2, Math.sqrt(sigma2), x.mean, x.sd);
    lognormals.set(x, params);
  }
  return params;
}

/*
 * Fitting one parameter to one target: the measure, on common random numbers, is a function of the
 * parameter that is monotone in practice, so a bracketed root finder converges in a few evaluations.
 * The Illinois variant of the false-position method keeps the root bracketed (like bisection) and
 * converges about as fast as the secant method.
 */

/** How a fit ended. */
export type FitStatus = 'fitted' | 'closest' | 'out of range' | 'not fitted';

export interface Fit {
  /** The fitted parameter (rounded to 4 significant digits, the value that is written). */
  readonly value: number;
  /** The measure at `value`, 0–1. */
  readonly achieved: number;
  /** Evaluations of the measure (each a simulation of every iteration). */
  readonly evaluations: number;
  /**
   * fitted: within tolerance; closest: the best of `maxEvaluations` tries; out of range: the target
   * lies beyond what the bracket reaches, and `value` is the nearer end; not fitted: measured only
   * (no pass ran), `value` is the world's own.
   */
  readonly status: FitStatus;
}

/** 4 significant digits: a default a person can read, and the exact value the fit evaluated. */
export function roundParameter(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(4));
}

/**
 * Finds x in [low, high] with measure(x) within `tolerance` of `target`, in at most `maxEvaluations`
 * evaluations of `measure`.
 * @example fitParameter((x) => x * x, 0.25, [0, 1], 1e-6, 30).value // 0.5
 */
export function fitParameter(
  measure: (x: number) => number,
  target: number,
  [low, high]: readonly [number, number],
  tolerance: number,
  maxEvaluations: number,
): Fit {
  let evaluations = 0;
  let best = { value: NaN, achieved: NaN, miss: Infinity };
  const f = (x: number): number => {
    evaluations++;
    const achieved = measure(x);
    const miss = achieved - target;
    if (Math.abs(miss) < best.miss) best = { value: x, achieved, miss: Math.abs(miss) };
    return miss;
  };
  const done = (status: FitStatus): Fit => ({
    value: best.value,
    achieved: best.achieved,
    evaluations,
    status,
  });

  let a = roundParameter(low);
  let b = roundParameter(high);
  let fa = f(a);
  if (Math.abs(fa) <= tolerance) return done('fitted');
  let fb = f(b);
  if (Math.abs(fb) <= tolerance) return done('fitted');
  if (!(fa * fb < 0)) return done('out of range');
  while (evaluations < maxEvaluations) {
    const c = roundParameter(b - (fb * (b - a)) / (fb - fa));
    if (c === a || c === b) break; // the rounding grid is exhausted: no value in between to try
    const fc = f(c);
    if (Math.abs(fc) <= tolerance) return done('fitted');
    if (fc * fb < 0) {
      a = b;
      fa = fb;
    } else {
      fa /= 2; // Illinois: halve the stale end so the next step moves past it
    }
    b = c;
    fb = fc;
  }
  return done('closest');
}

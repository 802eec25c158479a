import { exp, log1p } from '../math/index.ts';
import { DECISIONS } from '../random/decisions.ts';
import { normalQuantile, uniform } from '../random/streams.ts';
import type { Sim } from './context.ts';

/*
 * The used-vehicle price index, one path per iteration (world market.priceIndex), precomputed into
 * sim.priceIndex so the monthly loops only read it. Month 0 is 1; after that
 *   log index(t) = level(t) + deviation(t) + crash(t),
 *   level(t)     = level(t−1) − σL²/2 + σL·z₀ + permanent share · crashes(t)     (a random walk whose
 *                  index has mean 1: the −σL²/2 drift is the lognormal correction),
 *   deviation(t) = φ·deviation(t−1) + σD·z₁                                    (decays),
 *   crash(t)     = decay·crash(t−1) + (1 − permanent share) · crashes(t)       (90 % regained after
 *                  jumpRecoveryMonths),
 * with crashes(t) = log(1 + jump size) when the month's draw falls below the crash probability, plus the
 * scheduled crash of the scenario in its month. Every draw is keyed by month, so the path of a month
 * does not depend on the horizon or on anything else drawn.
 */

/** Fills sim.priceIndex for the iteration's key and drawn world. */
export function fillPriceIndex(sim: Sim): void {
  const w = sim.w;
  const key = sim.key;
  const path = sim.priceIndex;
  const drift = (-w.indexLevelSd * w.indexLevelSd) / 2;
  const crashLog = log1p(w.indexJumpSize);
  const shockLog = log1p(w.indexShockSize);
  const permanent = w.indexJumpPermanentShare;
  let level = 0;
  let deviation = 0;
  let crash = 0;
  path[0] = 1;
  for (let t = 1; t < path.length; t++) {
    const z0 = normalQuantile(uniform(key, 0, DECISIONS.usedPriceIndex, t, 0) || 2 ** -33);
    const z1 = normalQuantile(uniform(key, 0, DECISIONS.usedPriceIndex, t, 1) || 2 ** -33);
    let jump = uniform(key, 0, DECISIONS.usedPriceIndex, t, 2) < w.indexJumpProbability ? crashLog : 0;
    if (t === w.indexShockMonth) jump += shockLog;
    level += drift + w.indexLevelSd * z0 + permanent * jump;
    deviation = w.indexPersistence * deviation + w.indexDeviationSd * z1;
    crash = w.indexJumpDecay * crash + (1 - permanent) * jump;
    path[t] = exp(level + deviation + crash);
  }
}

/** The used-price index in month `t` (1 at month 0; the path's ends beyond it), a multiplier of value. */
export function priceIndexAt(sim: Sim, t: number): number {
  const path = sim.priceIndex;
  return t <= 0 ? 1 : t < path.length ? path[t]! : path[path.length - 1]!;
}

import { CREDIT_TIERS, SEGMENTS } from '../domain/lists.ts';
import type { PortfolioSpec } from './spec.ts';

/*
 * Payer segment and credit tier drawn from one joint distribution. Credit scores are built from payment
 * history, so habitual late payers sit more often in the lower tiers. The joint keeps both of the
 * portfolio's mixes as its marginals exactly:
 *   P(segment s, tier g) = m_s · n_g · (1 + θ · a_s · b_g),
 * with a_s and b_g the centred ranks of segment and tier (Σ m_s a_s = 0, Σ n_g b_g = 0), so every row
 * and column sums back to its mix; θ is `segmentTierDependence` × the largest θ that keeps every cell
 * non-negative (0 = independent).
 */

/**
 * The weights of each segment given each tier: `rows[tier]` in SEGMENTS order (not normalised; pickIndex
 * normalises), from the portfolio's segment and credit mixes and its dependence (0–1).
 */
export function segmentGivenTier(spec: PortfolioSpec): Float64Array[] {
  const m = SEGMENTS.map((s) => (Object.hasOwn(spec.segmentMix, s) ? spec.segmentMix[s] : 0));
  const n = CREDIT_TIERS.map((g) => (Object.hasOwn(spec.creditMix, g) ? spec.creditMix[g] : 0));
  const centred = (w: readonly number[]): number[] => {
    const total = w.reduce((x, y) => x + y, 0);
    const mean = total > 0 ? w.reduce((x, y, i) => x + y * i, 0) / total : 0;
    return w.map((_, i) => i - mean);
  };
  const a = centred(m);
  const b = centred(n);
  let worst = 0;
  for (const x of a) for (const y of b) if (x * y < worst) worst = x * y;
  const theta = worst < 0 ? spec.segmentTierDependence / -worst : 0;
  // At the strongest dependence a cell is 0 up to rounding: never below.
  return CREDIT_TIERS.map((_, g) =>
    Float64Array.from(m, (ms, s) => Math.max(0, ms * (1 + theta * a[s]! * b[g]!))),
  );
}

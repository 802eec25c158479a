import type { CellCounts } from './counts.ts';

/** The normal quantile of a two-sided 95% interval. */
const Z95 = 1.959963984540054;

/**
 * The ratio estimate events / exposure of a group of cells and its 95% interval clustered by contract:
 * the cluster-robust (sandwich) variance of a ratio estimator, from each cell's cluster sums,
 *   Var(R) = G / (G − 1) · Σ_i (n_i − R e_i)² / (Σ e_i)²,  Σ_i (n_i − R e_i)² = Σn² − 2R Σen + R² Σe².
 * Cells of one group may share contracts (a contract passes through several months-on-book bands, and
 * may change tier): their residual sums are combined by the triangle inequality, (Σ_c √S_c)², an upper
 * bound, so a pooled interval is never too narrow. Different groups hold different contracts (a
 * contract has one product): their sums add. With no events the upper end is the rule of three, 3 / exposure; with
 * fewer than two contracts there is no interval: 0 to 1 for a probability, 0 to twice the rate else.
 */
export function ratioInterval(
  groups: readonly (readonly CellCounts[])[],
  probability: boolean,
): { rate: number; interval95: readonly [number, number] } {
  const cells = groups.flat();
  let exposure = 0;
  let events = 0;
  let contracts = 0;
  for (const c of cells) {
    exposure += c.exposure;
    events += c.events;
    contracts += c.contracts;
  }
  if (exposure <= 0) return { rate: 0, interval95: [0, probability ? 1 : 0] };
  const rate = events / exposure;
  if (events === 0) return { rate, interval95: [0, Math.min(3 / exposure, probability ? 1 : Infinity)] };
  if (contracts < 2) return { rate, interval95: [0, probability ? 1 : 2 * rate] };
  let squares = 0;
  for (const group of groups) {
    let root = 0;
    for (const c of group)
      root += Math.sqrt(Math.max(0, c.sumN2 - 2 * rate * c.sumEN + rate * rate * c.sumE2));
    squares += root * root;
  }
  const se = Math.sqrt((contracts / (contracts - 1)) * squares) / exposure;
  const low = Math.max(0, rate - Z95 * se);
  const high = probability ? Math.min(1, rate + Z95 * se) : rate + Z95 * se;
  return { rate, interval95: [low, high] };
}

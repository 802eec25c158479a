import type { UncertainAssumption } from './assumptions.ts';

/** Where the challenger stops beating the baseline as one assumption moves over its range. */
export interface BreakEven {
  readonly path: string;
  readonly label: string;
  readonly unit: string;
  /** The values searched, in the assumption's unit: its support, or p0.1–p99.9 where unbounded. */
  readonly range: readonly [number, number];
  /** The challenger's advantage (its delta in the favourable direction) at each end of the range. */
  readonly advantageAtRange: readonly [number, number];
  /**
   * The break-even value, ± `tolerance`; null when the challenger's advantage keeps its sign over the
   * whole range ("does not flip within its range").
   */
  readonly value: number | null;
  readonly tolerance: number | null;
  /** Where the value lies in the assumption's distribution, 0–1 (its CDF there). */
  readonly percentile: number | null;
  /** Where the challenger beats the baseline: below or above the value, or throughout or nowhere in the range. */
  readonly challengerWins: 'below' | 'above' | 'throughout' | 'nowhere';
}

/**
 * The break-even value of `a` by bisection: `advantage(value)` is the challenger's mean advantage over
 * the baseline (> 0: the challenger is better) with `a` held at `value` and every run on the same
 * random numbers, so it moves only with the value. The range's ends are evaluated, then `steps`
 * midpoints; the value found is the last bracket's middle (± half its width). Assumes the advantage
 * changes sign at most once within the range, as it does for a monotone effect.
 * @example await findBreakEven(fundingRate, async (v) => 0.05 - v, 12) // value ≈ 0.05
 */
export async function findBreakEven(
  a: UncertainAssumption,
  advantage: (value: number) => Promise<number>,
  steps: number,
): Promise<BreakEven> {
  const range: [number, number] = [a.searchRange[0], a.searchRange[1]];
  const ends: [number, number] = [await advantage(range[0]), await advantage(range[1])];
  const base = { path: a.path, label: a.label, unit: a.unit, range, advantageAtRange: ends };
  const wins = ends.map((x) => x > 0);
  if (wins[0] === wins[1]) {
    return {
      ...base,
      value: null,
      tolerance: null,
      percentile: null,
      challengerWins: wins[0] ? 'throughout' : 'nowhere',
    };
  }
  let [lo, hi] = range;
  for (let step = 0; step < steps; step++) {
    const mid = (lo + hi) / 2;
    if ((await advantage(mid)) > 0 === wins[0]) lo = mid;
    else hi = mid;
  }
  const value = (lo + hi) / 2;
  return {
    ...base,
    value,
    tolerance: (hi - lo) / 2,
    percentile: a.cdf(value),
    challengerWins: wins[0] ? 'below' : 'above',
  };
}

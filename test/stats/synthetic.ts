import seedrandom from 'seedrandom';
import { quantile } from 'simple-statistics';
import { expect } from 'vitest';
import { POLICY_KINDS } from '../../engine/domain/lists.ts';
import type { PolicyKind } from '../../engine/domain/lists.ts';
import type { IterationResult, RuleCoverage } from '../../engine/result/iteration.ts';
import { BREAKDOWN_DIMENSIONS, BREAKDOWN_METRICS, SERIES } from '../../engine/result/iteration.ts';
import { KPIS } from '../../engine/result/kpis.ts';
import { RELATIVE_ACCURACY } from '../../engine/stats/quantile-sketch.ts';

/** Synthetic iteration results with realistic magnitudes, for testing aggregation without a simulator. */

export type Rng = () => number;

export function rng(seed: string): Rng {
  return seedrandom(seed);
}

/** A standard normal draw (Box–Muller). */
export function normal(r: Rng): number {
  const u = 1 - r();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * r());
}

export const RULES: Record<PolicyKind, number> = { engagement: 3, leads: 2, dunning: 4, remarketing: 2 };
export const GROUPS: Record<(typeof BREAKDOWN_DIMENSIONS)[number], string[]> = {
  cycle: ['1', '2', '3'],
  segment: ['reliable', 'forgetful', 'late'],
  creditTier: ['A', 'B', 'C'],
  region: ['north', 'south'],
  dealer: ['D1', 'D2', 'D3', 'D4'],
};

/** One KPI draw: € amounts with cents, rates in 0–1, counts; `leads.*` undefined in ~10% of iterations. */
function kpiValue(r: Rng, i: number): number {
  const spec = KPIS[i]!;
  if (spec.id.startsWith('leads.') && r() < 0.1) return NaN;
  switch (spec.unit) {
    case '€':
      return Math.round((2e6 + 4e5 * normal(r) + i * 1e5) * 100) / 100;
    case '0–1':
      return Math.min(1, Math.max(0, 0.6 + 0.05 * normal(r)));
    case 'count':
      return Math.round(1000 + 40 * normal(r));
    default:
      return 2.5 + 0.2 * normal(r);
  }
}

/** A plausible iteration result; the same (seed, iteration) always gives the same result. */
export function syntheticResult(seed: string, iteration: number, horizon: number): IterationResult {
  const r = rng(`${seed}/${iteration}`);
  const kpis = Float64Array.from(KPIS, (_, i) => kpiValue(r, i));
  const series = new Float64Array(SERIES.length * horizon);
  SERIES.forEach((s, si) => {
    for (let m = 0; m < horizon; m++) {
      let v: number;
      if (s.id === 'retention.rolling12') v = m < 11 ? NaN : 0.6 + 0.05 * normal(r);
      else if (s.id === 'cashFlow') v = Math.round(2e4 * normal(r) + 5e3) / 100;
      else v = Math.max(0, Math.round(1000 + 5 * m + 30 * normal(r)));
      series[si * horizon + m] = v;
    }
  });
  const breakdowns = Object.fromEntries(
    BREAKDOWN_DIMENSIONS.map((d) => {
      const groups = GROUPS[d];
      const values = new Float64Array(groups.length * BREAKDOWN_METRICS.length);
      groups.forEach((_, g) => {
        const ended = Math.round(100 + 10 * normal(r));
        const row = [
          ended,
          Math.round(ended * (0.5 + 0.1 * r())),
          1e5 * normal(r),
          Math.abs(2e3 * normal(r)),
        ];
        row.forEach((x, m) => (values[g * BREAKDOWN_METRICS.length + m] = x));
      });
      return [d, { groups, values }];
    }),
  ) as unknown as IterationResult['breakdowns'];
  const coverage = Object.fromEntries(
    POLICY_KINDS.map((kind): [PolicyKind, RuleCoverage] => {
      const decisions = 500 + Math.floor(100 * r());
      const fired = Float64Array.from({ length: RULES[kind] }, () => Math.floor(decisions * r() * 0.5));
      return [kind, { decisions, fired }];
    }),
  ) as Record<PolicyKind, RuleCoverage>;
  return { iteration, kpis, series, breakdowns, coverage };
}

/** The same result with `change` applied to a copy of its KPI vector. */
export function withKpis(result: IterationResult, change: (kpis: Float64Array) => void): IterationResult {
  const kpis = Float64Array.from(result.kpis);
  change(kpis);
  return { ...result, kpis };
}

/**
 * A sketch quantile is within RELATIVE_ACCURACY of the order statistics it interpolates between, so
 * compare with simple-statistics' exact type-7 quantile at the scale of the larger of the two.
 */
export function expectQuantileClose(estimate: number | null, values: number[], q: number): void {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = q * (sorted.length - 1);
  const scale = Math.max(Math.abs(sorted[Math.floor(rank)]!), Math.abs(sorted[Math.ceil(rank)]!));
  expect(Math.abs(estimate! - quantile(values, q))).toBeLessThanOrEqual(
    RELATIVE_ACCURACY * scale * (1 + 1e-12),
  );
}

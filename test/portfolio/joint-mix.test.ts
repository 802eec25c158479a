import { describe, expect, it } from 'vitest';
import { segmentGivenTier } from '../../engine/portfolio/joint-mix.ts';
import { defaultPortfolio, generatePortfolio } from '../../engine/portfolio/index.ts';

describe('segment and credit tier from one joint distribution', () => {
  const spec = defaultPortfolio();
  const tiers = [spec.creditMix.prime, spec.creditMix['near-prime'], spec.creditMix.subprime];
  const segments = [spec.segmentMix.reliable, spec.segmentMix.occasional, spec.segmentMix['habitual-late']];

  it('keeps both mixes as its marginals, at any dependence', () => {
    for (const dependence of [0, 0.5, 1]) {
      const rows = segmentGivenTier({ ...spec, segmentTierDependence: dependence });
      rows.forEach((row) => {
        for (const w of row) expect(w).toBeGreaterThanOrEqual(0);
        // Each row sums to its segment weights' total: the conditional is a proper distribution.
        expect(row.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      });
      for (let s = 0; s < 3; s++) {
        const marginal = rows.reduce((sum, row, g) => sum + tiers[g]! * row[s]!, 0);
        expect(marginal).toBeCloseTo(segments[s]!, 12);
      }
    }
  });

  it('puts more habitual late payers in subprime than in prime, and none more at 0', () => {
    const rows = segmentGivenTier(spec);
    expect(rows[2]![2]!).toBeGreaterThan(2 * rows[0]![2]!);
    const independent = segmentGivenTier({ ...spec, segmentTierDependence: 0 });
    for (const row of independent) expect([...row]).toEqual(segments);
  });

  it('shows in the generated starting book', () => {
    const population = generatePortfolio({ ...spec, contracts: 40_000 }, 3);
    const { segment, creditTier } = population.customers;
    const lateShare = (tier: number) => {
      let n = 0;
      let late = 0;
      for (let c = 0; c < population.customers.count; c++) {
        if (creditTier[c] !== tier) continue;
        n++;
        if (segment[c] === 2) late++;
      }
      return late / n;
    };
    expect(lateShare(2)).toBeGreaterThan(2 * lateShare(0));
  });
});

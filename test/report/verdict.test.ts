import { describe, expect, it } from 'vitest';
import { MATERIALITY, materialityThreshold, verdicts } from '../../engine/report/verdict.ts';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { HEADLINE_KPI, KPIS } from '../../engine/result/kpis.ts';

/** A result of a baseline and one challenger: baseline means and paired mean changes by KPI id (others 0). */
function result(
  means: Record<string, number>,
  deltas: Record<string, [mean: number, lo: number, hi: number]>,
  n = 200,
): MonteCarloResult {
  const spec = (id: string) => KPIS.find((k) => k.id === id)!;
  const kpis = KPIS.map((k) => ({ id: k.id, unit: k.unit, better: k.better, mean: means[k.id] ?? 0 }));
  const paired = KPIS.map((k) => {
    const [mean, lo, hi] = deltas[k.id] ?? [0, 0, 0];
    const zero = mean === 0 && lo === 0 && hi === 0;
    const up = spec(k.id).better === 'higher' ? mean > 0 : mean < 0;
    return {
      id: k.id,
      unit: k.unit,
      better: k.better,
      n,
      meanDelta: mean,
      ci95: [lo, hi],
      pBetter: zero ? 0.5 : up ? 0.97 : 0.03,
      allZero: zero,
      p05: lo * 2,
      p95: hi * 2,
    };
  });
  return {
    manifest: { scenarios: [] },
    scenarios: [
      { name: 'base', summary: { iterations: n, kpis } },
      { name: 'bold', summary: { iterations: n, kpis } },
    ],
    comparisons: [{ baseline: 'base', challenger: 'bold', summary: { iterations: n, kpis: paired } }],
  } as unknown as MonteCarloResult;
}

describe('verdicts', () => {
  it('say who wins on the headline, by how much, how sure, why and at what cost', () => {
    const [v] = verdicts(
      result(
        { [HEADLINE_KPI]: 10_000_000, 'credit.lossRate': 0.01 },
        {
          [HEADLINE_KPI]: [500_000, 400_000, 600_000],
          'profit.total': [700_000, 600_000, 800_000],
          'pnl.interestIncome': [900_000, 800_000, 1_000_000],
          'pnl.engagement': [-200_000, -250_000, -150_000],
          // Other perspectives' P&L lines are drivers too, never trade-offs (nor listed twice).
          'network.pnl.fundingCost': [-900_000, -1_000_000, -800_000],
          'group.pnl.fundingCost': [-900_000, -1_000_000, -800_000],
          'credit.lossRate': [0.002, 0.001, 0.003],
        },
      ),
    );
    expect(v!.tone).toBe('better');
    expect(v!.text).toBe(
      'bold beats base on captive profit, net present value by +€500k (+5.0% of the baseline’s €10.00M) ' +
        '[simulation error: 95% CI +€400k … +€600k; forecast: in 9 of 10 simulated futures +€0.80M … +€1.20M; P(better) 97%]; ' +
        'driven by interest income (+€900k) (changes of undiscounted profit), ' +
        'partly offset by engagement costs and incentives (−€200k). ' +
        'Material trade-off: net credit loss rate +20 bp.',
    );
  });

  it('tell a certain but immaterial change from a real one, and an unclear one from both', () => {
    const immaterial = verdicts(
      result({ [HEADLINE_KPI]: 10_000_000 }, { [HEADLINE_KPI]: [5_000, 4_000, 6_000] }),
    );
    expect(immaterial[0]!.tone).toBe('immaterial');
    expect(immaterial[0]!.text).toMatch(
      /^bold changes captive profit, net present value against base by \+€5,000 .*a real but immaterial change/,
    );
    const unclear = verdicts(
      result({ [HEADLINE_KPI]: 10_000_000 }, { [HEADLINE_KPI]: [500_000, -100, 1_000_000] }),
    );
    expect(unclear[0]!.tone).toBe('unclear');
    expect(unclear[0]!.text).toMatch(/^bold cannot be told apart from base/);
    expect(unclear[0]!.text).not.toMatch(/driven by/);
  });

  it('explain credit losses rising in € while the loss rate falls', () => {
    const [v] = verdicts(
      result(
        { [HEADLINE_KPI]: 10_000_000, 'credit.lossRate': 0.01 },
        {
          [HEADLINE_KPI]: [500_000, 400_000, 600_000],
          'pnl.creditLoss': [-80_000, -100_000, -60_000],
          'credit.lossRate': [-0.0005, -0.0007, -0.0003],
        },
      ),
    );
    expect(v!.text).toMatch(
      /Credit losses rise in € \(\+€80,000\) while the loss rate falls \(−5\.0 bp\): the financed book is larger\.$/,
    );
  });

  it('judge materiality by one stated rule', () => {
    expect(materialityThreshold('€', 123, -2_000_000)).toBe(MATERIALITY.moneyShareOfHeadline * 2_000_000);
    expect(materialityThreshold('0–1', 0.01, 1)).toBeCloseTo(0.001);
    expect(materialityThreshold('0–1', 0.5, 1)).toBe(MATERIALITY.ratePoints);
    expect(materialityThreshold('count', 400, 1)).toBe(MATERIALITY.otherShare * 400);
  });
});

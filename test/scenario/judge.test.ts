import { describe, expect, it } from 'vitest';
import type { LevelExpectation, PairedExpectation } from '../../engine/scenario/expect.ts';
import { confidenceInterval, judgeLevel, judgePaired } from '../../engine/scenario/judge.ts';
import { assertionLabel, observedText } from '../../engine/scenario/verdict-text.ts';
import { KPIS } from '../../engine/result/kpis.ts';
import { studentTQuantile } from '../../engine/stats/student-t.ts';
import type { KpiSummary, PairedKpi, PairedSummary, RunSummary } from '../../engine/result/summary.ts';

/** The summary fields of a run with one challenger. */
const ONE_COMPARISON = {
  comparisons: 1,
  ciLevel: 0.95,
  forecastLevel: 0.9,
  simultaneous: 'none',
  splitMethod: 'test',
} as const;

/** A run summary in which KPI `id` has the given statistics (every other KPI undefined). */
function run(id: string, stats: Partial<KpiSummary>): RunSummary {
  const kpis = KPIS.map((k): KpiSummary => ({
    id: k.id,
    unit: k.unit,
    better: k.better,
    n: 0,
    mean: null,
    sd: null,
    se: null,
    ci95: null,
    p05: null,
    p50: null,
    p95: null,
    min: null,
    max: null,
    undefinedCount: 20,
    forecast: null,
    ...(k.id === id ? { n: 20, undefinedCount: 0, ...stats } : {}),
  }));
  return { iterations: 20, horizon: 24, kpis, series: [], breakdowns: [], coverage: [] };
}

/** A paired summary in which KPI `id` has the given delta statistics. */
function paired(id: string, stats: Partial<PairedKpi>): PairedSummary {
  const kpis = KPIS.map((k): PairedKpi => ({
    id: k.id,
    unit: k.unit,
    better: k.better,
    n: 0,
    meanDelta: null,
    sd: null,
    se: null,
    ci95: null,
    pBetter: null,
    allZero: false,
    p05: null,
    p25: null,
    p50: null,
    p75: null,
    p95: null,
    undefinedCount: 20,
    definedInOneOnly: 0,
    ci: null,
    forecast: null,
    valueOfInformation: null,
    varianceFromAssumptions: null,
    ...(k.id === id ? { n: 20, undefinedCount: 0, ...stats } : {}),
  }));
  return { iterations: 20, kpis, ...ONE_COMPARISON };
}

const level = (e: Partial<LevelExpectation>): LevelExpectation => ({
  kind: 'level',
  index: 0,
  kpi: 'retention.rate',
  statistic: 'mean',
  bounds: { min: 0.55 },
  ...e,
});
const pairedClaim = (e: Partial<PairedExpectation>): PairedExpectation => ({
  kind: 'paired',
  index: 0,
  kpi: 'profit.npv',
  vs: 'scenarios/baseline.json',
  bounds: { min: 0 },
  confidence: 0.95,
  ...e,
});

describe('level claims', () => {
  it('hold at the bound itself and fail just past it', () => {
    const at = judgeLevel(level({}), run('retention.rate', { mean: 0.55, ci95: [0.5, 0.6] }));
    expect(at.passed).toBe(true);
    expect(at.reason).toBe('mean 55.0% ≥ min 55.0%');
    const below = judgeLevel(level({}), run('retention.rate', { mean: 0.5499999, ci95: [0.5, 0.6] }));
    expect(below.passed).toBe(false);
    // Rounded, both read 55.0%: the exact numbers say why it failed.
    expect(below.reason).toBe('mean 55.0% (0.5499999) < min 55.0% (0.55)');
  });

  it('judge max, and both bounds, reporting only what broke', () => {
    const claim = level({ kpi: 'leads.costPerSale', bounds: { min: 1000, max: 200_000 } });
    expect(judgeLevel(claim, run('leads.costPerSale', { mean: 200_000 })).passed).toBe(true);
    const over = judgeLevel(claim, run('leads.costPerSale', { mean: 250_000 }));
    expect(over.passed).toBe(false);
    expect(over.reason).toBe('mean €250k > max €200k');
  });

  it('judge a percentile on its estimate, without an interval', () => {
    const claim = level({ kpi: 'profit.npv', statistic: 'p05', bounds: { min: 0 } });
    const zero = judgeLevel(claim, run('profit.npv', { mean: 5e5, ci95: [4e5, 6e5], p05: 0 }));
    expect(zero).toMatchObject({ passed: true, observed: 0, interval: null });
    const loss = judgeLevel(claim, run('profit.npv', { mean: 5e5, ci95: [4e5, 6e5], p05: -20 }));
    expect(loss.passed).toBe(false);
    expect(loss.reason).toBe('p05 −€20 < min €0');
  });

  it('judge a mean with confidence on the interval at that level', () => {
    const stats = { mean: 0.6, se: 0.02, ci95: [0.558, 0.642] as [number, number] };
    const half = studentTQuantile(0.95, 19) * 0.02;
    const claim = level({ confidence: 0.9, bounds: { min: 0.6 - half } });
    const verdict = judgeLevel(claim, run('retention.rate', stats));
    expect(verdict.interval![0]).toBeCloseTo(0.6 - half, 12);
    expect(verdict.passed).toBe(true);
    const stricter = judgeLevel(
      level({ confidence: 0.9, bounds: { min: 0.6 - half + 1e-9 } }),
      run('retention.rate', stats),
    );
    expect(stricter.passed).toBe(false);
    expect(stricter.reason).toMatch(/^lower 90% CI bound .* < min /);
  });

  it('fail when the KPI is undefined in every iteration', () => {
    const verdict = judgeLevel(level({ kpi: 'leads.conversionRate' }), run('retention.rate', { mean: 0.6 }));
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toBe(
      'leads.conversionRate is undefined in every iteration (n = 0), so the claim cannot hold',
    );
  });
});

describe('paired claims', () => {
  it('hold when the lower bound of the 95% CI of the delta reaches min, and fail just below', () => {
    const at = judgePaired(
      pairedClaim({}),
      paired('profit.npv', { meanDelta: 5000, se: 2000, ci95: [0, 10_000] }),
    );
    expect(at).toMatchObject({ passed: true, observed: 5000, interval: [0, 10_000], confidence: 0.95 });
    const below = judgePaired(
      pairedClaim({}),
      paired('profit.npv', { meanDelta: 5000, se: 2000, ci95: [-0.01, 10_000] }),
    );
    expect(below.passed).toBe(false);
    expect(below.reason).toBe('lower 95% CI bound −€0.01 < min 0');
  });

  it('hold when the upper bound reaches max, and fail just above', () => {
    const claim = pairedClaim({ kpi: 'leads.costPerSale', bounds: { max: -1000 } });
    expect(
      judgePaired(claim, paired('leads.costPerSale', { meanDelta: -3000, ci95: [-5000, -1000] })).passed,
    ).toBe(true);
    const above = judgePaired(claim, paired('leads.costPerSale', { meanDelta: -3000, ci95: [-5000, -999] }));
    expect(above.passed).toBe(false);
    expect(above.reason).toBe('upper 95% CI bound −€999 > max −€1,000');
  });

  it('compute the interval at other confidence levels from the mean delta, se and t', () => {
    const kpi = { meanDelta: 0.03, se: 0.01, ci95: [0.0091, 0.0509] as [number, number] };
    const t = studentTQuantile(0.995, 19);
    const verdict = judgePaired(
      pairedClaim({ kpi: 'retention.rate', confidence: 0.99, bounds: { min: 0 } }),
      paired('retention.rate', kpi),
    );
    expect(verdict.interval![0]).toBeCloseTo(0.03 - t * 0.01, 12);
    expect(verdict.interval![1]).toBeCloseTo(0.03 + t * 0.01, 12);
    // mean / se = 3: t(0.995, 19) ≈ 2.86 < 3, so the 99% interval excludes 0; t(0.9995, 19) ≈ 3.88 > 3.
    expect(verdict.passed).toBe(true);
    const stricter = judgePaired(
      pairedClaim({ kpi: 'retention.rate', confidence: 0.999, bounds: { min: 0 } }),
      paired('retention.rate', kpi),
    );
    expect(stricter.passed).toBe(false);
  });

  it('treat identical scenarios as a delta of exactly zero at any confidence', () => {
    const zero = paired('profit.npv', { meanDelta: 0, se: 0, sd: 0, ci95: [0, 0], allZero: true });
    expect(judgePaired(pairedClaim({ confidence: 0.8 }), zero)).toMatchObject({
      passed: true,
      interval: [0, 0],
    });
    expect(judgePaired(pairedClaim({ bounds: { min: 0.01 } }), zero).passed).toBe(false);
  });

  it('fail with a reason when there are too few iterations for an interval', () => {
    const one = paired('profit.npv', { n: 1, meanDelta: 10, se: null, ci95: null });
    const verdict = judgePaired(pairedClaim({ confidence: 0.9 }), one);
    expect(verdict.passed).toBe(false);
    expect(verdict.reason).toBe(
      'a confidence interval needs at least 2 iterations defining the KPI, got n = 1',
    );
  });

  it('uses the summary ci95 itself at 0.95', () => {
    const kpi = paired('profit.npv', { meanDelta: 1, se: 1, ci95: [-7, 9] }).kpis.find(
      (k) => k.id === 'profit.npv',
    )!;
    expect(confidenceInterval(kpi, 0.95)).toEqual([-7, 9]);
  });
});

describe('verdicts as text', () => {
  it('label the claim and show the observed value with its CI', () => {
    const claim = pairedClaim({ kpi: 'retention.rate', bounds: { min: 0.05 }, confidence: 0.95 });
    expect(assertionLabel(claim, 'baseline')).toBe('retention.rate Δ vs baseline ≥ +5.0 pp (95% CI)');
    const verdict = judgePaired(claim, paired('retention.rate', { meanDelta: 0.032, ci95: [0.021, 0.043] }));
    expect(observedText(verdict)).toBe('Δ +3.2 pp, 95% CI +2.1 pp … +4.3 pp (n = 20)');
    expect(assertionLabel(level({ bounds: { min: 0.4, max: 0.7 } }))).toBe(
      'retention.rate mean in [40.0%, 70.0%]',
    );
    expect(assertionLabel(level({ kpi: 'profit.npv', statistic: 'p05', bounds: { min: 0 } }))).toBe(
      'profit.npv p05 ≥ €0',
    );
    expect(assertionLabel(pairedClaim({ bounds: { min: 0 } }))).toBe(
      'profit.npv Δ vs scenarios/baseline.json ≥ 0 (95% CI)',
    );
  });
});

import { describe, expect, it } from 'vitest';
import type { SensitivityResult, TornadoBar } from '../../engine/scenario/sensitivity/analysis.ts';
import { renderSensitivity } from '../../engine/scenario/sensitivity/render.ts';

const bar = (path: string, low: number, high: number, ci: [number, number]): TornadoBar => ({
  path,
  label: path,
  unit: 'fraction per year',
  distribution: { dist: 'uniform', min: 0.03, max: 0.05 },
  low: { p: 0.1, value: 0.032, mean: low, ci95: null },
  high: { p: 0.9, value: 0.048, mean: high, ci95: null },
  swing: high - low,
  swingCi95: ci,
  withinSimulationError: ci[0] <= 0 && ci[1] >= 0,
  rankCorrelation: -0.5,
});

const result: SensitivityResult = {
  scenario: 'tcm',
  baseline: 'baseline',
  kpi: 'profit.npv',
  unit: '€',
  better: 'higher',
  seed: 1,
  iterations: 10,
  horizonMonths: 24,
  overrides: [],
  base: { mean: 0, ci95: [-10, 10] },
  bars: [
    bar('economics.fundingRate', 1000, -1000, [-2100, -1900]),
    bar('economics.hurdleRate', -5, 5, [-20, 30]),
  ],
  screened: [
    {
      path: 'book.prepayment',
      label: 'Early repayment',
      unit: 'factor',
      distribution: { range: [0.8, 1.2] },
      rankCorrelation: -0.03,
    },
  ],
  top: 2,
  globalMethod: 'Spearman',
  breakEvens: [
    {
      path: 'economics.fundingRate',
      label: 'economics.fundingRate',
      unit: 'fraction per year',
      range: [0.03, 0.05],
      advantageAtRange: [1500, -1500],
      value: 0.04,
      tolerance: 0.0001,
      percentile: 0.5,
      challengerWins: 'below',
    },
    {
      path: 'economics.hurdleRate',
      label: 'economics.hurdleRate',
      unit: 'fraction per year',
      range: [0.03, 0.05],
      advantageAtRange: [-1, -2],
      value: null,
      tolerance: null,
      percentile: null,
      challengerWins: 'nowhere',
    },
  ],
  runs: 5,
};

describe('renderSensitivity', () => {
  it('draws each bar from its low (░) to its high (█) outcome about the base (|), and marks noise', () => {
    const lines = renderSensitivity(result, 'table').split('\n');
    const funding = lines.find((l) => l.startsWith('economics.fundingRate'))!;
    // A higher rate lowers the outcome: the high end (█, to the base at cell 12) lies left, the low end (░) right.
    expect(funding).toMatch(/ █{13}░{11}\s*$/);
    expect(funding).toMatch(/−€2,000 /);
    const hurdle = lines.find((l) => l.startsWith('economics.hurdleRate'))!;
    expect(hurdle).toMatch(/\+€10 ≈0/);
    expect(lines.join('\n')).toMatch(/1 bar is within simulation error/);
  });

  it('lists the assumptions screened out by rank correlation with their ρ, unheld', () => {
    const text = renderSensitivity(result, 'table');
    expect(text).toMatch(
      /Screened out by rank correlation: 1 declared range with \|ρ\| below the top 2 .*: Early repayment −0\.03/,
    );
    expect(text.split('\n').some((l) => l.startsWith('Early repayment'))).toBe(false);
  });

  it('states the break-even value with its percentile, or that it does not flip', () => {
    const md = renderSensitivity(result, 'md');
    expect(md).toMatch(
      /\| economics\.fundingRate \| 3\.0% per year … 5\.0% per year \| 4\.0% per year ± 0\.01% per year \| p50 \| below the value \|/,
    );
    expect(md).toMatch(
      /\| economics\.hurdleRate \| .* \| does not flip within its range \| – \| nowhere in the range \|/,
    );
  });

  it('writes one CSV row per bar and per break-even value in the same columns', () => {
    const rows = renderSensitivity(result, 'csv').trim().split('\n');
    const width = rows[0]!.split(',').length;
    expect(rows.map((r) => r.split(',')[0])).toEqual([
      'section',
      'tornado',
      'tornado',
      'screened',
      'break-even',
      'break-even',
    ]);
    // Cells holding JSON are quoted, so every row splits into the header's columns once they are read.
    expect(rows[3]).toMatch(/^screened,1,book\.prepayment,.*,-0\.03,+$/);
    expect(rows[4]).toMatch(/^break-even,1,economics\.fundingRate,.*,0\.03,0\.05,0\.04,0\.0001,0\.5,below$/);
    expect(width).toBe(28);
  });
});

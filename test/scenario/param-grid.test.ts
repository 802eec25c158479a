import { describe, expect, it } from 'vitest';
import { paramGrid, parseParamRange, rangeValues } from '../../engine/scenario/param-grid.ts';

describe('--param ranges and their grid', () => {
  it('steps from FROM to TO, rounded, and spaces five values without a step', () => {
    expect(rangeValues(0.03, 0.06, 0.01)).toEqual([0.03, 0.04, 0.05, 0.06]);
    expect(rangeValues(30, 100, 30)).toEqual([30, 60, 90]);
    expect(rangeValues(30, 90)).toEqual([30, 45, 60, 75, 90]);
  });

  it('reads policy parameters always and world assumptions only where allowed', () => {
    expect(parseParamRange('dunning.agencyDays=30..90:30', false).range).toEqual({
      text: 'dunning.agencyDays=30..90:30',
      name: 'dunning.agencyDays',
      values: [30, 60, 90],
    });
    expect(parseParamRange('world.economics.fundingRate=0.03..0.05:0.01', true).range?.values).toEqual([
      0.03, 0.04, 0.05,
    ]);
    expect(parseParamRange('world.economics.fundingRate=0.03..0.05', false).problem?.message).toContain(
      'an optimisation chooses what the company decides',
    );
  });

  it('spans every combination, the first parameter slowest, with the --set overrides of each', () => {
    const a = parseParamRange('dunning.agencyDays=30..60:30', true).range!;
    const b = parseParamRange('dunning.callDays=10..20:10', true).range!;
    const { points } = paramGrid([a, b]);
    expect(points!.map((p) => p.values)).toEqual([
      [30, 10],
      [30, 20],
      [60, 10],
      [60, 20],
    ]);
    expect(points![3]!.overrides.map((o) => [o.pointer, o.value])).toEqual([
      ['/parameters/dunning/agencyDays', 60],
      ['/parameters/dunning/callDays', 20],
    ]);
    const big = parseParamRange('dunning.callDays=1..11:1', true).range!;
    expect(
      paramGrid([big, parseParamRange('dunning.agencyDays=1..10:1', true).range!]).problem?.message,
    ).toContain('11 × 10 = 110 points, more than 100');
    expect(paramGrid([a, a]).problem?.message).toContain('dunning.agencyDays is given twice');
  });
});

import { describe, expect, it } from 'vitest';
import { formatDelta, formatInterval, formatQuantileRange, formatValue } from '../../../engine/index.ts';
import { FIXTURE_BASELINE, FIXTURE_SPEED, FIXTURE_TCM, fixtureResult } from '../../testing/fixtures.ts';
import { HEADLINE_KPIS } from '../../../engine/index.ts';
import { headlines } from './headlines.ts';

describe('headlines', () => {
  it('give the baseline’s value and each challenger’s change for the headline KPIs', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM, FIXTURE_SPEED]);
    const tiles = headlines(result);
    expect(tiles.map((t) => t.id)).toEqual([...HEADLINE_KPIS]);
    const npv = tiles[0]!;
    const base = result.scenarios[0]!.summary.kpis.find((k) => k.id === 'profit.npv')!;
    const delta = result.comparisons[1]!.summary.kpis.find((k) => k.id === 'profit.npv')!;
    expect(npv.baseline).toBe(formatValue(base.mean, '€'));
    expect(npv.changes.map((c) => c.name)).toEqual(['tcm', 'speed-to-lead']);
    expect(npv.changes[1]!.delta).toBe(formatDelta(delta.meanDelta, '€'));
    // The forecast interval leads; the simulation error is named beside it.
    expect(npv.changes[1]!.forecast).toBe(
      formatQuantileRange(delta.forecast![0], delta.forecast![1], '€', true),
    );
    expect(npv.changes[1]!.ci).toBe(formatInterval(delta.ci95, '€', true));
    expect(npv.changes[1]!.valueOfInformation).toBe(formatDelta(delta.valueOfInformation, '€'));
    expect(delta.valueOfInformation).not.toBeNull();
    // Value of information is shown on the headline delta only.
    expect(tiles.slice(1).every((t) => t.changes.every((c) => c.valueOfInformation === undefined))).toBe(
      true,
    );
  });

  it('are empty of changes for a single scenario', async () => {
    const tiles = headlines(await fixtureResult([FIXTURE_BASELINE]));
    expect(tiles.every((t) => t.changes.length === 0)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { renderSeriesCsv } from '../../engine/report/render.ts';
import { FIXTURE_BASELINE, FIXTURE_TCM, fixtureResult } from '../../web/testing/fixtures.ts';

describe('renderSeriesCsv', () => {
  it('writes one row per scenario, series and month with the band of the month', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM]);
    const lines = renderSeriesCsv(result).trimEnd().split('\n');
    const { summary } = result.scenarios[1]!;
    expect(lines[0]).toBe('scenario,series,unit,month,n,mean,p05,p25,p50,p75,p95');
    expect(lines.length - 1).toBe(2 * summary.series.length * summary.horizon);
    const s = summary.series[0]!;
    const row = lines.find((l) => l.startsWith(`${result.scenarios[1]!.name},${s.id},${s.unit},1,`))!;
    expect(row.split(',').slice(4).map(Number)).toEqual([
      s.n[0],
      s.mean[0],
      s.p05[0],
      s.p25[0],
      s.p50[0],
      s.p75[0],
      s.p95[0],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { POLICY_KINDS } from '../../engine/index.ts';
import { FIXTURE_BASELINE, FIXTURE_SPEED, FIXTURE_TCM, fixtureResult } from '../testing/fixtures.ts';
import { breakdownChartRows } from './breakdowns.ts';
import { bridgeRows } from './bridge.ts';
import { euroAxis } from './chart.ts';
import { coverageRows } from './coverage.ts';
import { bandRows } from './fan.ts';
import { FUNNEL_STAGES, funnelRows } from './funnel.ts';
import { CHARTS } from './index.ts';
import { npvDeltaRows, npvRows } from './npv.ts';
import { PROFIT_CATEGORIES, profitRows, profitTotals } from './profit.ts';

const result = () => fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM, FIXTURE_SPEED]);
const mean = (r: Awaited<ReturnType<typeof result>>, s: number, id: string) =>
  r.scenarios[s]!.summary.kpis.find((k) => k.id === id)!.mean!;

describe('chart data', () => {
  it('has a distinct id and a caption for every chart', () => {
    expect(new Set(CHARTS.map((c) => c.id)).size).toBe(CHARTS.length);
    for (const c of CHARTS) expect(c.caption.length, c.id).toBeGreaterThan(40);
  });

  it('bands every month of each series for every scenario, quantiles in order', async () => {
    const r = await result();
    const rows = bandRows(r, { 'retention.rolling12': 'retention' });
    expect(rows.length).toBe(3 * 24);
    for (const row of rows) {
      if (row.p05 === null) continue;
      expect(row.p05).toBeLessThanOrEqual(row.p25!);
      expect(row.p25).toBeLessThanOrEqual(row.p50!);
      expect(row.p50).toBeLessThanOrEqual(row.p75!);
      expect(row.p75).toBeLessThanOrEqual(row.p95!);
    }
  });

  it('splits profit into categories that add up to profit.total', async () => {
    const r = await result();
    const rows = profitRows(r);
    expect(rows.length).toBe(3 * PROFIT_CATEGORIES.length);
    for (const [s, { scenario }] of r.scenarios.map((x) => ({ scenario: x.name })).entries()) {
      const sum = rows.filter((row) => row.scenario === scenario).reduce((a, row) => a + row.value, 0);
      expect(sum).toBeCloseTo(mean(r, s, 'profit.total'), 3);
    }
    expect(profitTotals(r).map((t) => t.total)).toEqual([0, 1, 2].map((s) => mean(r, s, 'profit.total')));
    const credit = rows.find((row) => row.scenario === 'baseline' && row.category === 'Net credit losses')!;
    expect(credit.value).toBe(mean(r, 0, 'pnl.creditLoss'));
  });

  it('bridges each challenger from the baseline’s profit to its own', async () => {
    const r = await result();
    const rows = bridgeRows(r);
    for (const [c, challenger] of ['tcm', 'speed-to-lead'].entries()) {
      const steps = rows.filter((row) => row.challenger === challenger);
      expect(steps[0]!.value).toBe(mean(r, 0, 'profit.total'));
      const end = steps[steps.length - 1]!;
      expect(end.value).toBeCloseTo(mean(r, c + 1, 'profit.total'), 3);
      for (let i = 1; i < steps.length - 1; i++) expect(steps[i]!.from).toBeCloseTo(steps[i - 1]!.to, 6);
    }
  });

  it('reads the funnel per 100 leads from the lead KPIs', async () => {
    const r = await result();
    const rows = funnelRows(r).filter((row) => row.scenario === 'speed-to-lead');
    expect(rows.map((row) => row.stage)).toEqual([...FUNNEL_STAGES]);
    expect(rows[0]!.per100).toBe(100);
    expect(rows[1]!.per100).toBeCloseTo(100 * mean(r, 2, 'leads.contactRate'), 10);
    expect(rows[3]!.per100).toBeCloseTo(
      100 * mean(r, 2, 'leads.appointmentRate') * mean(r, 2, 'leads.showRate'),
      10,
    );
    expect(rows[4]!.per100).toBeCloseTo(100 * mean(r, 2, 'leads.conversionRate'), 10);
  });

  it('gives the NPV’s spread per scenario and the paired difference per challenger', async () => {
    const r = await result();
    const spread = npvRows(r);
    expect(spread.map((s) => s.scenario)).toEqual(['baseline', 'tcm', 'speed-to-lead']);
    for (const s of spread)
      expect(s.min! <= s.p05! && s.p05! <= s.p50! && s.p50! <= s.p95! && s.p95! <= s.max!).toBe(true);
    const deltas = npvDeltaRows(r);
    expect(deltas.map((d) => d.challenger)).toEqual(['tcm', 'speed-to-lead']);
    expect(deltas[0]!.mean).toBeCloseTo(mean(r, 1, 'profit.npv') - mean(r, 0, 'profit.npv'), 3);
  });

  it('lists every rule of every policy with the share of decisions it took', async () => {
    const r = await result();
    const rows = coverageRows(r);
    expect(new Set(rows.map((row) => row.kind))).toEqual(new Set(POLICY_KINDS));
    for (const row of rows) if (row.share !== null) expect(row.share).toBeGreaterThanOrEqual(0);
    expect(rows.some((row) => row.scenario === 'tcm' && row.rule === 'wait-until-contact-window')).toBe(true);
  });

  it('gives each breakdown group every challenger’s paired profit change, dealers sorted by the first’s effect', async () => {
    const r = await result();
    const rows = breakdownChartRows(r);
    for (const [c, { challenger, summary }] of r.comparisons.entries()) {
      for (const b of summary.breakdowns!) {
        const mine = rows.filter((x) => x.dimension === b.dimension && x.scenario === challenger);
        expect(mine.length, `${challenger} ${b.dimension}`).toBe(b.groups.length);
        for (const g of b.groups) {
          const row = mine.find((x) => x.group === g.group)!;
          expect([row.value, row.ciLow, row.ciHigh, row.pBetter]).toEqual([
            g.meanDelta.profit,
            ...g.ci95.profit!,
            g.pBetter.profit,
          ]);
        }
        if (c === 0 && b.dimension === 'dealer') {
          const effects = mine.map((x) => Math.abs(x.value!));
          expect(effects).toEqual([...effects].sort((a, z) => z - a));
        }
      }
    }
    // A single run: each group's mean profit with its interval.
    const single = breakdownChartRows(await fixtureResult([FIXTURE_BASELINE]));
    expect(single.every((x) => x.scenario === 'baseline' && x.pBetter === null && x.ciLow !== null)).toBe(
      true,
    );
  });

  it('labels euro axes compactly', () => {
    expect([euroAxis(-4_000_000), euroAxis(350_000), euroAxis(1.25e9), euroAxis(80)]).toEqual([
      '−€4M',
      '€350k',
      '€1.3bn',
      '€80',
    ]);
  });
});

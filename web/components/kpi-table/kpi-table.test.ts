import { describe, expect, it } from 'vitest';
import {
  comparisonTable,
  formatInterval,
  formatQuantileRange,
  KPIS,
  kpiTable,
} from '../../../engine/index.ts';
import type { PairedKpi } from '../../../engine/index.ts';
import type { KpiUnit } from '../../../engine/index.ts';
import { FIXTURE_BASELINE, FIXTURE_SPEED, FIXTURE_TCM, fixtureResult } from '../../testing/fixtures.ts';
import { deltaTone, kpiRows, precise } from './kpi-rows.ts';

describe('KPI table rows', () => {
  it('show every KPI with the CLI’s text for means, CIs, deltas and P(better)', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM, FIXTURE_SPEED]);
    const rows = kpiRows(result);
    expect(rows.map((r) => r.id).sort()).toEqual(KPIS.map((k) => k.id).sort());
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const [s] of result.scenarios.entries()) {
      for (const [id, mean, ci] of kpiTable(result, s).rows) {
        const row = byId.get(id!)!;
        const cell = s === 0 ? row.baseline : row.challengers[s - 1]!.value;
        expect([cell.mean, cell.ci]).toEqual([mean, ci]);
        const k = result.scenarios[s]!.summary.kpis.find((x) => x.id === id)!;
        expect(cell.forecast).toBe(formatQuantileRange(k.p05, k.p95, k.unit));
      }
    }
    for (const [c, comparison] of result.comparisons.entries()) {
      for (const [id, , , delta, , forecast, pBetter] of comparisonTable(result, c).rows) {
        const cell = byId.get(id!)!.challengers[c]!.delta!;
        // The workbench shows each comparison's own 95% CI; the CLI's table, simultaneous over the
        // challengers, is wider with two of them (Bonferroni).
        const paired = comparison.summary.kpis.find((k) => k.id === id)!;
        expect([cell.delta, cell.forecast, cell.ci, cell.pBetter]).toEqual([
          delta,
          forecast,
          formatInterval(paired.ci95, paired.unit, true),
          pBetter,
        ]);
      }
    }
  });

  it('group the KPIs with profit first and a plain label on each', async () => {
    const rows = kpiRows(await fixtureResult());
    expect(rows[0]).toMatchObject({
      id: 'profit.npv',
      group: 'Captive profit',
      label: 'Captive profit, net present value',
    });
    expect(new Set(rows.map((r) => r.group))).toEqual(
      new Set([
        'Captive profit',
        'Network profit (captive and dealers)',
        'Group profit (manufacturer, captive and dealers)',
        'Retention',
        'Vehicle lifecycle',
        'Captive returns',
        'Lead handling',
        'Credit',
        'Portfolio',
      ]),
    );
  });

  it('mark a lead policy’s unchanged renewals neutral and an engagement policy’s higher retention favourable', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_TCM, FIXTURE_SPEED]);
    const row = kpiRows(result).find((r) => r.id === 'leads.count')!;
    expect(row.challengers.map((c) => c.delta!.tone)).toEqual(['neutral', 'neutral']);
    const retention = kpiRows(result).find((r) => r.id === 'retention.rate')!;
    expect(retention.challengers[0]!.delta).toMatchObject({ tone: 'favourable', direction: 'up' });
  });
});

describe('deltaTone', () => {
  const d = (better: 'higher' | 'lower', ci: [number, number] | null, allZero = false, unit: KpiUnit = '€') =>
    ({ better, ci95: ci, allZero, unit, meanDelta: ci ? (ci[0] + ci[1]) / 2 : null }) as PairedKpi;
  const tone = (x: PairedKpi) => deltaTone(x, 1000, 10_000);

  it('colours a real, material change by the KPI’s better direction', () => {
    expect(tone(d('higher', [100, 300]))).toBe('favourable');
    expect(tone(d('higher', [-300, -100]))).toBe('unfavourable');
    expect(tone(d('lower', [100, 300]))).toBe('unfavourable');
    expect(tone(d('lower', [-300, -100]))).toBe('favourable');
  });

  it('tells a certain but immaterial change apart: not red, not green', () => {
    // 1% of the headline (€10,000) is €100: a certain change of €20 does not matter.
    expect(tone(d('lower', [10, 30]))).toBe('immaterial');
    expect(deltaTone(d('lower', [0.0001, 0.0003], false, '0–1'), 0.01, 10_000)).toBe('immaterial');
    expect(deltaTone(d('lower', [0.001, 0.003], false, '0–1'), 0.01, 10_000)).toBe('unfavourable');
  });

  it('is neutral when the CI spans or touches zero, is unknown, or nothing changed', () => {
    expect(tone(d('higher', [-100, 300]))).toBe('neutral');
    expect(tone(d('higher', [0, 300]))).toBe('neutral');
    expect(tone(d('higher', null))).toBe('neutral');
    expect(tone(d('higher', [0, 0], true))).toBe('neutral');
  });
});

describe('precise', () => {
  it('keeps enough digits to tell a small change from none', () => {
    expect(precise(0.00046, '0–1')).toBe('+0.046 pp');
    expect(precise(-1234567.4, '€')).toBe('−€1,234,567');
    expect(precise(0, 'count')).toBe('±0');
    expect(precise(0.012345, 'contracts per vehicle')).toBe('+0.01235');
  });
});

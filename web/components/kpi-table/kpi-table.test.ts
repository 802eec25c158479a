import { describe, expect, it } from 'vitest';
import { comparisonTable, KPIS, kpiTable } from '../../../engine/index.ts';
import type { PairedKpi } from '../../../engine/index.ts';
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
      }
    }
    for (const [c] of result.comparisons.entries()) {
      for (const [id, , , delta, ci, pBetter] of comparisonTable(result, c).rows) {
        const cell = byId.get(id!)!.challengers[c]!.delta!;
        expect([cell.delta, cell.ci, cell.pBetter]).toEqual([delta, ci, pBetter]);
      }
    }
  });

  it('group the KPIs with profit first and a plain label on each', async () => {
    const rows = kpiRows(await fixtureResult());
    expect(rows[0]).toMatchObject({ id: 'profit.npv', group: 'Profit', label: 'Profit, net present value' });
    expect(new Set(rows.map((r) => r.group))).toEqual(
      new Set(['Profit', 'Costs', 'Retention', 'Vehicle lifecycle', 'Lead handling', 'Credit', 'Portfolio']),
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
  const d = (better: 'higher' | 'lower', ci: [number, number] | null, allZero = false) =>
    ({ better, ci95: ci, allZero }) as Pick<PairedKpi, 'better' | 'ci95' | 'allZero'>;

  it('colours by the KPI’s better direction when the CI excludes zero', () => {
    expect(deltaTone(d('higher', [0.1, 0.3]))).toBe('favourable');
    expect(deltaTone(d('higher', [-0.3, -0.1]))).toBe('unfavourable');
    expect(deltaTone(d('lower', [100, 300]))).toBe('unfavourable');
    expect(deltaTone(d('lower', [-300, -100]))).toBe('favourable');
  });

  it('is neutral when the CI spans or touches zero, is unknown, or nothing changed', () => {
    expect(deltaTone(d('higher', [-0.1, 0.3]))).toBe('neutral');
    expect(deltaTone(d('higher', [0, 0.3]))).toBe('neutral');
    expect(deltaTone(d('higher', null))).toBe('neutral');
    expect(deltaTone(d('higher', [0, 0], true))).toBe('neutral');
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

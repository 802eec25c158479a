import { describe, expect, it } from 'vitest';
import { InProcessExecutor } from '../../engine/index.ts';
import { AnalysisController } from '../controllers/analysis-controller.ts';
import { diskRead, FIXTURE_BASELINE, FIXTURE_TCM } from '../testing/fixtures.ts';
import { sweepChartRows } from './sweep.ts';
import { tornadoRows } from './tornado.ts';

const FUNDING = 'world.economics.fundingRate={"dist":"pert","min":0.03,"mode":0.04,"max":0.06}';
const settings = { iterations: 3, seed: 5, horizonMonths: 6 };

function controller(): AnalysisController {
  return new AnalysisController(
    { addController: () => {}, removeController: () => {}, requestUpdate: () => {} } as never,
    () => new InProcessExecutor(),
  );
}

describe('sensitivity and sweep charts', () => {
  it('draws each tornado bar from the base outcome to each end, better or worse by the KPI', async () => {
    const c = controller();
    await c.runSensitivity({
      baseline: FIXTURE_BASELINE,
      challenger: FIXTURE_TCM,
      settings,
      kpi: 'profit.npv',
      read: diskRead,
      set: [FUNDING],
      bisectionSteps: 2,
      breakEvens: 1,
      top: 0,
    });
    expect(c.sensitivity.status, c.sensitivity.error).toBe('done');
    const r = c.sensitivityResult!;
    // The scenario's own distribution is always held; --top 0 screens out every declared range.
    expect(r.bars.map((b) => b.path)).toEqual(['economics.fundingRate']);
    expect(r.screened.length).toBeGreaterThan(0);
    expect(r.breakEvens).toHaveLength(1);
    const rows = tornadoRows(r);
    expect(rows.map((x) => x.end)).toEqual(['low', 'high']);
    expect(rows.map((x) => x.outcome)).toEqual([r.bars[0]!.low.mean, r.bars[0]!.high.mean]);
    for (const row of rows) expect(row.better).toBe(row.outcome > r.base.mean);
  });

  it('reports a malformed setting as the line the reader typed, without running', async () => {
    const c = controller();
    await c.runSensitivity({
      baseline: FIXTURE_BASELINE,
      challenger: FIXTURE_TCM,
      settings,
      kpi: 'profit.npv',
      read: diskRead,
      set: ['world.economics.fundingRate'],
    });
    expect(c.sensitivity.status).toBe('failed');
    expect(c.sensitivity.error).toContain('world.economics.fundingRate');
    expect(c.sensitivityResult).toBeUndefined();
  });

  it('plots one point per swept value with a verdict against the first', async () => {
    const c = controller();
    await c.runSweep({
      scenario: FIXTURE_BASELINE,
      param: 'dunning.agencyDays=30..90:30',
      settings,
      kpi: 'profit.npv',
      read: diskRead,
    });
    expect(c.sweep.status, c.sweep.error).toBe('done');
    const rows = sweepChartRows(c.sweepResult!);
    expect(rows.map((r) => r.x)).toEqual([30, 60, 90]);
    expect(rows[0]!.verdict).toBe('base');
    for (const row of rows) {
      expect(row.low).toBeLessThanOrEqual(row.mean);
      expect(row.high).toBeGreaterThanOrEqual(row.mean);
    }
    const p = c.sweepResult!.points[1]!;
    const unclear = p.delta!.ci![0] <= 0 && p.delta!.ci![1] >= 0;
    expect(rows[1]!.verdict).toBe(unclear ? 'unclear' : p.delta!.mean! > 0 ? 'better' : 'worse');
  });

  it('refuses a malformed sweep range with the parser’s own message', async () => {
    const c = controller();
    await c.runSweep({
      scenario: FIXTURE_BASELINE,
      param: 'dunning.agencyDays=90..',
      settings,
      kpi: 'profit.npv',
      read: diskRead,
    });
    expect(c.sweep.status).toBe('failed');
    expect(c.sweep.error).toMatch(/invalid/);
  });

  it('names the range, not a --set, when the scenario refuses a value of the sweep', async () => {
    const c = controller();
    await c.runSweep({
      scenario: FIXTURE_BASELINE,
      param: 'dunning.agencyDays=30..100000:99970',
      settings,
      kpi: 'profit.npv',
      read: diskRead,
    });
    expect(c.sweep.status).toBe('failed');
    expect(c.sweep.error).toContain(
      '--param dunning.agencyDays=30..100000:99970 (at dunning.agencyDays=100000)',
    );
    expect(c.sweep.error).not.toContain('--set');
  });
});

import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';

const QUICK = [
  '--iterations',
  '3',
  '--horizon',
  '6',
  '--workers',
  '1',
  '--set',
  'portfolio.contracts=50',
  '--set',
  'portfolio.dealers=3',
];
const TWO = ['compare', 'scenarios/baseline.json', 'scenarios/tcm.json', 'scenarios/bdc.json', ...QUICK];

describe('the two intervals, named in every format', () => {
  it('table, md and csv name the simulation error and the forecast interval, and Bonferroni for several challengers', async () => {
    for (const format of ['table', 'md']) {
      const out = await runCli([...TWO, '--format', format]);
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout, format).toContain('simulation error: 97.5% CI of the mean delta');
      expect(out.stdout, format).toContain('forecast interval: 95% of deltas');
      expect(out.stdout, format).toContain('simultaneous over 2 challengers (Bonferroni)');
      expect(out.stdout, format).toContain('value of information');
    }
    const csv = (await runCli([...TWO, '--format', 'csv'])).stdout.split('\n')[0]!.split(',');
    expect(csv).toEqual(
      expect.arrayContaining([
        'delta_sim_error_low',
        'delta_forecast_low',
        'variance_from_assumptions',
        'value_of_information',
      ]),
    );
    const runCsv = (await runCli(['run', 'scenarios/baseline.json', ...QUICK, '--format', 'csv'])).stdout;
    expect(runCsv.split('\n')[0]).toContain(
      'sim_error_ci95_low,sim_error_ci95_high,forecast_p05,p50,forecast_p95',
    );
    const single = await runCli(['run', 'scenarios/baseline.json', ...QUICK, '--format', 'md']);
    expect(single.stdout).toContain('simulation error: 95% CI of the mean');
    expect(single.stdout).toContain('forecast interval: p05');
  });

  it('json holds both, with the levels and the method of the split', async () => {
    const out = await runCli([...TWO, '--format', 'json']);
    const result = JSON.parse(out.stdout) as {
      scenarios: { summary: { kpis: { forecast: unknown; p05: number; p95: number }[] } }[];
      comparisons: { summary: Record<string, unknown> & { kpis: Record<string, unknown>[] } }[];
    };
    const kpi = result.scenarios[0]!.summary.kpis[0]!;
    expect(kpi.forecast).toEqual([kpi.p05, kpi.p95]);
    const summary = result.comparisons[0]!.summary;
    expect(summary).toMatchObject({
      comparisons: 2,
      ciLevel: 0.975,
      forecastLevel: 0.95,
      simultaneous: 'bonferroni',
    });
    expect(summary.splitMethod).toContain('regression');
    expect(Object.keys(summary.kpis[0]!)).toEqual(
      expect.arrayContaining(['ci', 'forecast', 'valueOfInformation', 'varianceFromAssumptions']),
    );
  });
});

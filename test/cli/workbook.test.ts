import ExcelJS from 'exceljs';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MonteCarloResult } from '../../engine/result/run.ts';
import { tempDir } from '../temp-dir.ts';
import { runCli } from './run-cli.ts';

const PASSING = 'test/fixtures/scenarios/passing';
const RUN = ['--iterations', '3', '--horizon', '24', '--seed', '4', '--workers', '1'];
const dir = tempDir('workbook');

/** A sheet's rows as objects keyed by its header row, cells as exceljs read them back. */
function rowsOf(workbook: ExcelJS.Workbook, name: string): Record<string, unknown>[] {
  const sheet = workbook.getWorksheet(name)!;
  const values = sheet.getSheetValues().slice(1) as unknown[][];
  const header = values[0]!.slice(1) as string[];
  return values.slice(1).map((row) => Object.fromEntries(header.map((key, i) => [key, row[i + 1] ?? null])));
}

describe('--format xlsx', () => {
  it('writes the KPI table, breakdowns and monthly series as sheets whose numbers are the JSON’s', async () => {
    const files = [`${PASSING}/baseline.json`, `${PASSING}/tcm.json`];
    const json = await runCli(['compare', ...files, ...RUN, '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    const result = JSON.parse(json.stdout) as MonteCarloResult;
    const out = path.join(dir, 'comparison.xlsx');
    const written = await runCli(['compare', ...files, ...RUN, '--format', 'xlsx', '--out', out]);
    expect(written.status, written.stderr).toBe(0);
    expect(written.stderr).toContain(
      `wrote the Excel workbook (sheets KPIs, Breakdowns, Series, Run) to ${out}`,
    );
    expect(written.stdout).toBe('');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['KPIs', 'Breakdowns', 'Series', 'Run']);

    const [baseline, challenger] = result.scenarios;
    const comparison = result.comparisons[0]!;
    const kpis = rowsOf(workbook, 'KPIs');
    expect(kpis.length).toBeGreaterThan(10);
    for (const row of kpis) {
      const i = comparison.summary.kpis.findIndex((k) => k.id === row.kpi);
      const d = comparison.summary.kpis[i]!;
      expect([row.baseline, row.challenger, row.unit, row.n]).toEqual([
        baseline!.name,
        challenger!.name,
        d.unit,
        d.n,
      ]);
      expect(row.baseline_mean).toBe(baseline!.summary.kpis[i]!.mean);
      expect(row.challenger_mean).toBe(challenger!.summary.kpis[i]!.mean);
      expect(row.delta_mean).toBe(d.meanDelta);
      expect(row.delta_ci95_low).toBe(d.ci95?.[0] ?? null);
      expect(row.p_better).toBe(d.pBetter);
    }

    const breakdowns = rowsOf(workbook, 'Breakdowns');
    for (const b of baseline!.summary.breakdowns) {
      for (const g of b.groups) {
        const profit = breakdowns.find(
          (r) => r.dimension === b.dimension && r.group === g.group && r.kpi === 'breakdown.profit',
        );
        expect(profit?.baseline_mean).toBe(g.mean.profit);
        const paired = comparison.summary
          .breakdowns!.find((x) => x.dimension === b.dimension)!
          .groups.find((x) => x.group === g.group)!;
        expect([
          profit?.delta_mean,
          profit?.delta_ci95_low,
          profit?.delta_ci95_high,
          profit?.p_better,
        ]).toEqual([paired.meanDelta.profit, ...paired.ci95.profit!, paired.pBetter.profit]);
      }
    }

    const series = rowsOf(workbook, 'Series');
    const rolling = challenger!.summary.series.find((s) => s.id === 'retention.rolling12')!;
    const rows = series.filter((r) => r.scenario === challenger!.name && r.series === rolling.id);
    expect(rows.map((r) => r.mean)).toEqual(rolling.mean);
    expect(rows.map((r) => r.p95)).toEqual(rolling.p95);

    const run = rowsOf(workbook, 'Run');
    expect(run.find((r) => r.field === 'run hash')?.value).toBe(result.manifest.runHash);
  });

  it('refuses to write a workbook to standard output or under a name Excel does not open, before running', async () => {
    const none = await runCli(['run', `${PASSING}/baseline.json`, ...RUN, '--format', 'xlsx']);
    expect([none.status, none.stdout]).toEqual([1, '']);
    expect(none.stderr).toContain(
      'invalid --format xlsx: a workbook is binary and is not written to standard output; add --out FILE.xlsx',
    );
    const csv = path.join(dir, 'result.csv');
    const named = await runCli(['run', `${PASSING}/baseline.json`, ...RUN, '--format', 'xlsx', '--out', csv]);
    expect(named.status).toBe(1);
    expect(named.stderr).toContain(
      `invalid --out ${csv} with --format xlsx: expected a file name ending in .xlsx`,
    );
    expect(existsSync(csv)).toBe(false);
  });
});

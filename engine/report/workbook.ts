import type { MonteCarloResult } from '../result/run.ts';
import { scenarioTitle } from '../result/scenario-title.ts';
import { resultRows, seriesRows, type RawCell } from './render.ts';
import type { ReportPerspective } from './tables.ts';

/**
 * The result as an Excel workbook (Office Open XML, through exceljs): the sheets *KPIs*, *Breakdowns*
 * and *Series* hold the rows of `--format csv` and `--series` (raw numbers: €, 0–1, counts; same
 * columns), and *Run* the manifest (scenarios with their titles, seed, iterations, engine version,
 * hashes). Money columns of the KPIs are in the KPI's own unit, given in the `unit` column. Runs in
 * Node and in the browser (the workbench's Excel export writes the same workbook).
 */
export async function resultWorkbook(
  result: MonteCarloResult,
  perspective: ReportPerspective,
): Promise<Uint8Array<ArrayBuffer>> {
  // Loaded only for this format: exceljs is large, and every other command (and the workbench's first
  // screen) starts without it. In a browser the bundler picks exceljs's browser build.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = `Cyclecast ${result.manifest.engineVersion}`;
  const { header, kpis, breakdowns } = resultRows(result, perspective);
  const sheet = (name: string, rows: readonly RawCell[][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (const row of rows) ws.addRow(row);
    ws.getRow(1).font = { bold: true };
  };
  // The dimension and group columns are empty on KPI rows: the KPI sheet leaves them out.
  sheet('KPIs', [header.slice(0, -2), ...kpis.map((r) => r.slice(0, -2))]);
  sheet('Breakdowns', [header, ...breakdowns]);
  sheet('Series', seriesRows(result));
  const m = result.manifest;
  sheet('Run', [
    ['field', 'value'],
    ['engine', `${m.engine} ${m.engineVersion}`],
    ['seed', m.seed],
    ['iterations', m.iterations],
    ['horizon (months)', m.horizonMonths],
    ['chunk size', m.chunkSize],
    ['run hash', m.runHash],
    ...m.scenarios.map((s, i) => [
      `scenario ${i + 1}${i === 0 ? ' (baseline)' : ''}`,
      `${scenarioTitle(result, s.name)} (${s.name}) ${s.hash}`,
    ]),
  ]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

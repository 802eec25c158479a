import type { MonteCarloResult, RawCell, ReportPerspective } from '../index.ts';
import { resultRows, scenarioTitle, seriesRows } from '../index.ts';
import { UserError } from './errors.ts';

/** The `--format` value that writes an Excel workbook rather than text. */
export const WORKBOOK_FORMAT = 'xlsx';

/**
 * Refuses a workbook without a file to hold it: it is binary, so it is never written to standard
 * output, and Excel opens it only by its `.xlsx` name. Checked before any work starts.
 */
export function checkWorkbookOut(
  out: string | undefined,
  flags: { series?: boolean; report?: boolean },
): void {
  if (flags.series || flags.report) {
    throw new UserError(
      `invalid --format xlsx with --${flags.series ? 'series' : 'report'}: the workbook already holds the KPIs, breakdowns and monthly series; drop one of them`,
    );
  }
  if (out === undefined) {
    throw new UserError(
      'invalid --format xlsx: a workbook is binary and is not written to standard output; add --out FILE.xlsx',
    );
  }
  if (!out.toLowerCase().endsWith('.xlsx')) {
    throw new UserError(
      `invalid --out ${out} with --format xlsx: expected a file name ending in .xlsx, which Excel opens`,
    );
  }
}

/**
 * The result as an Excel workbook (Office Open XML, through exceljs): the sheets *KPIs*, *Breakdowns*
 * and *Series* hold the rows of `--format csv` and `--series` (raw numbers: €, 0–1, counts; same
 * columns), and *Run* the manifest (scenarios with their titles, seed, iterations, engine version,
 * hashes). Money columns of the KPIs are in the KPI's own unit, given in the `unit` column.
 */
export async function resultWorkbook(
  result: MonteCarloResult,
  perspective: ReportPerspective,
): Promise<Uint8Array> {
  // Loaded only for this format: exceljs is large, and every other command starts without it.
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
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

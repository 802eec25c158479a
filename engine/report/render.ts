import type { MonteCarloResult } from '../result/run.ts';
import { breakdownCsvRows, breakdownTables } from './breakdowns.ts';
import { resultTables, shownFor, type ReportPerspective, type Table } from './tables.ts';
import { MATERIALITY_TEXT, verdicts } from './verdict.ts';

export const FORMATS = ['table', 'json', 'csv', 'md'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * Renders a result in one of the CLI's formats. `json` is the full result, every perspective
 * (identical to what the workbench exports); the others render its tables, with the money KPIs of
 * `perspective` (the captive's by default).
 */
export function renderResult(
  result: MonteCarloResult,
  format: Format,
  perspective: ReportPerspective = 'captive',
): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'csv': {
      const { header, kpis, breakdowns } = resultRows(result, perspective);
      return renderCsv([header, ...kpis, ...breakdowns]);
    }
    case 'md':
      return [
        ...verdictLines(result, (t) => `- ${t}`, '### Verdict\n'),
        ...resultTables(result, perspective).map(renderMarkdownTable),
        ...breakdownTables(result).map(renderMarkdownTable),
      ].join('\n');
    case 'table':
      return [
        ...verdictLines(result, (t) => `• ${t}`, 'Verdict'),
        ...resultTables(result, perspective).map(renderTextTable),
        ...breakdownTables(result).map(renderTextTable),
      ].join('\n');
  }
}

/** The verdict on each challenger, as a titled list, ahead of the tables; nothing for a single scenario. */
function verdictLines(result: MonteCarloResult, item: (text: string) => string, title: string): string[] {
  const all = verdicts(result);
  if (all.length === 0) return [];
  return [[title, ...all.map((v) => item(v.text)), `(${MATERIALITY_TEXT})`].join('\n') + '\n'];
}

/** A table as aligned text columns under its title (the `table` format). */
export function renderTextTable(table: Table): string {
  const rows = [table.header, ...table.rows];
  const widths = table.header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: readonly string[]) =>
    r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
  return (
    [
      table.title,
      line(table.header),
      widths.map((w) => '─'.repeat(w)).join('  '),
      ...table.rows.map(line),
    ].join('\n') + '\n'
  );
}

/** A table as a Markdown table under a `###` title (the `md` format). */
export function renderMarkdownTable(table: Table): string {
  const line = (r: readonly string[]) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const rule = `|${table.header.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`;
  return [`### ${table.title}`, '', line(table.header), rule, ...table.rows.map(line)].join('\n') + '\n';
}

/** A cell of the raw tables: a number (€, 0–1, count), text, or empty. */
export type RawCell = string | number | null;

/**
 * The raw tables of a result, as CSV and the Excel workbook carry them for spreadsheets: one row per
 * scenario or comparison and KPI, and the breakdown rows (`kpi` = `breakdown.<metric>`) in the same
 * columns, told apart by their `dimension` and `group` columns (empty on KPI rows).
 */
export function resultRows(
  result: MonteCarloResult,
  perspective: ReportPerspective,
): { header: string[]; kpis: RawCell[][]; breakdowns: RawCell[][] } {
  if (result.comparisons.length === 0) {
    const header = [
      'scenario',
      'kpi',
      'unit',
      'n',
      'mean',
      'se',
      'ci95_low',
      'ci95_high',
      'p05',
      'p50',
      'p95',
      'dimension',
      'group',
    ];
    return {
      header,
      kpis: result.scenarios.flatMap(({ name, summary }) =>
        summary.kpis
          .filter((k) => shownFor(k.id, perspective))
          .map((k) => [
            name,
            k.id,
            k.unit,
            k.n,
            k.mean,
            k.se,
            k.ci95?.[0] ?? null,
            k.ci95?.[1] ?? null,
            k.p05,
            k.p50,
            k.p95,
            null,
            null,
          ]),
      ),
      breakdowns: breakdownCsvRows(result),
    };
  }
  const header = [
    'baseline',
    'challenger',
    'kpi',
    'unit',
    'n',
    'baseline_mean',
    'challenger_mean',
    'delta_mean',
    'delta_ci95_low',
    'delta_ci95_high',
    'p_better',
    'dimension',
    'group',
  ];
  return {
    header,
    kpis: result.comparisons.flatMap((c, ci) =>
      c.summary.kpis.flatMap((d, i) =>
        shownFor(d.id, perspective)
          ? [
              [
                c.baseline,
                c.challenger,
                d.id,
                d.unit,
                d.n,
                result.scenarios[0]!.summary.kpis[i]!.mean,
                result.scenarios[ci + 1]!.summary.kpis[i]!.mean,
                d.meanDelta,
                d.ci95?.[0] ?? null,
                d.ci95?.[1] ?? null,
                d.pBetter,
                null,
                null,
              ],
            ]
          : [],
      ),
    ),
    breakdowns: breakdownCsvRows(result),
  };
}

/**
 * The monthly series as CSV, one row per scenario, series and month (month 1 = the first simulated
 * month): the iterations that defined it, the mean and the p05…p95 band (raw numbers: €, 0–1, counts).
 */
export function renderSeriesCsv(result: MonteCarloResult): string {
  return renderCsv(seriesRows(result));
}

/** The monthly series as raw rows, header first (see renderSeriesCsv). */
export function seriesRows(result: MonteCarloResult): RawCell[][] {
  const rows: RawCell[][] = [
    ['scenario', 'series', 'unit', 'month', 'n', 'mean', 'p05', 'p25', 'p50', 'p75', 'p95'],
  ];
  for (const { name, summary } of result.scenarios) {
    for (const s of summary.series) {
      for (let m = 0; m < s.mean.length; m++) {
        rows.push([
          name,
          s.id,
          s.unit,
          m + 1,
          s.n[m]!,
          s.mean[m]!,
          s.p05[m]!,
          s.p25[m]!,
          s.p50[m]!,
          s.p75[m]!,
          s.p95[m]!,
        ]);
      }
    }
  }
  return rows;
}

/** Rows as CSV (RFC 4180 quoting); null is an empty cell. */
export function renderCsv(rows: RawCell[][]): string {
  const cell = (c: RawCell) => {
    const text = c === null ? '' : String(c);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return rows.map((r) => r.map(cell).join(',')).join('\n') + '\n';
}

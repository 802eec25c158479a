import { CREDIT_TIERS } from '../../domain/lists.ts';
import type { Problem } from '../../json/problem.ts';
import { didYouMean } from '../../json/suggest.ts';
import { compareRows } from './cell-key.ts';
import type { HistoryRow } from './count-history.ts';
import type { CountRow, CountTables } from './counts.ts';
import {
  ALL,
  BASE_PERIOD,
  DPD_BUCKETS,
  HISTORY_PRODUCTS,
  HISTORY_RATE_IDS,
  MOB_BANDS,
  UNUSUAL_PERIODS,
  type HistoryRateId,
} from './dimensions.ts';
import { RowProblems } from '../../portfolio/tape/row-problems.ts';

/**
 * The count tables as CSV (`counts.csv`, docs/history.md): one row per cell, comma-separated, `.` as
 * decimal point, UTF-8. The same columns a warehouse query (docs/history-counts.sql) produces, so the
 * counts can be made where the history lives and only they leave it.
 */
export const COUNT_COLUMNS = [
  'rate',
  'product',
  'tier',
  'bucket',
  'band',
  'period',
  'contracts',
  'exposure',
  'events',
  'sum_e2',
  'sum_n2',
  'sum_en',
] as const;

const SUMS = ['contracts', 'exposure', 'events', 'sumE2', 'sumN2', 'sumEN'] as const;

/** The count tables as CSV text, header first, rows in their documented order. */
export function countsCsv(counts: CountTables): string {
  const lines = [COUNT_COLUMNS.join(',')];
  for (const r of counts.rows)
    lines.push(
      [r.rate, r.product, r.tier, r.bucket, r.band, r.period, ...SUMS.map((k) => String(r[k]))].join(','),
    );
  return lines.join('\n') + '\n';
}

const DIMENSIONS: readonly (readonly [keyof CountRow, readonly string[]])[] = [
  ['rate', HISTORY_RATE_IDS],
  ['product', [...HISTORY_PRODUCTS, ALL]],
  ['tier', [...CREDIT_TIERS, ALL]],
  ['bucket', [...DPD_BUCKETS, ALL]],
  ['band', [...MOB_BANDS, ALL]],
];

/**
 * Reads count tables from CSV rows (the caller parses the CSV), each problem at its row and column:
 * a value outside its dimension, a negative or non-numeric sum, a cell given twice, a base row that is
 * not the sum of its calendar years.
 */
export function readCounts(
  rows: Iterable<HistoryRow>,
  file: string,
  maxProblems = 100,
  unusualIds: readonly string[] = UNUSUAL_PERIODS.map((u) => u.id),
): { counts?: CountTables; problems: readonly Problem[]; problemCount: number } {
  const problems = new RowProblems(maxProblems);
  const out: CountRow[] = [];
  const seen = new Map<string, number>();
  let header = true;
  for (const item of rows) {
    if ('undecodable' in item) {
      problems.report(file, item.row, item.column, '(bytes)', 'invalid UTF-8 bytes', 'counts.csv is UTF-8');
      continue;
    }
    const at = (i: number, message: string, hint?: string): void =>
      problems.report(file, item.row, i + 1, COUNT_COLUMNS[i] ?? '(row)', message, hint);
    if (header) {
      header = false;
      const names = item.cells.map((c) => c.trim());
      if (names.join(',') !== COUNT_COLUMNS.join(','))
        problems.report(
          file,
          1,
          1,
          '(header)',
          `expected the columns ${COUNT_COLUMNS.join(',')}`,
          'in this order',
        );
      if (problems.count > 0) break;
      continue;
    }
    if (item.cells.length !== COUNT_COLUMNS.length) {
      at(
        Math.min(item.cells.length, COUNT_COLUMNS.length),
        `expected ${COUNT_COLUMNS.length} fields, found ${item.cells.length}`,
      );
      continue;
    }
    const cells = item.cells.map((c) => c.trim());
    const before = problems.count;
    DIMENSIONS.forEach(([, values], i) => {
      if (!values.includes(cells[i]!))
        at(i, `expected one of ${values.join(', ')}`, didYouMean(cells[i]!, values, { limit: 1 }));
    });
    const period = cells[5]!;
    if (period !== BASE_PERIOD && !/^\d{4}$/.test(period) && !unusualIds.includes(period))
      at(5, `expected base, a year YYYY or an unusual period (${unusualIds.join(', ')})`);
    const sums = SUMS.map((_, j) => {
      const text = cells[6 + j]!;
      const value = /^\d+(\.\d+)?(e[+-]?\d+)?$/i.test(text) ? Number(text) : NaN;
      if (!Number.isFinite(value)) at(6 + j, 'expected a number ≥ 0');
      return value;
    });
    if (!Number.isInteger(sums[0])) at(6, 'expected a whole number of contracts');
    if (problems.count > before) continue;
    const key = cells.slice(0, 6).join('|');
    if (seen.has(key)) {
      at(0, `the cell is given twice (first at row ${seen.get(key)})`);
      continue;
    }
    seen.set(key, item.row);
    const [contracts, exposure, events, sumE2, sumN2, sumEN] = sums as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    out.push({
      rate: cells[0] as HistoryRateId,
      product: cells[1]!,
      tier: cells[2]!,
      bucket: cells[3]!,
      band: cells[4]!,
      period,
      contracts,
      exposure,
      events,
      sumE2,
      sumN2,
      sumEN,
    });
  }
  if (header) problems.report(file, 1, 1, '(header)', 'the file is empty: expected a header row');
  if (problems.count === 0) checkBases(out, seen, file, problems);
  if (problems.count > 0) return { problems: problems.list, problemCount: problems.count };
  out.sort(compareRows);
  return {
    counts: { format: 'cyclecast-history-counts/1', unusualPeriods: unusualIds, rows: out },
    problems: [],
    problemCount: 0,
  };
}

/** Each base row holds what its calendar years hold (up to rounding of € sums). */
function checkBases(
  rows: readonly CountRow[],
  rowOf: ReadonlyMap<string, number>,
  file: string,
  problems: RowProblems,
): void {
  const years = new Map<string, { exposure: number; events: number }>();
  const cell = (r: CountRow): string => [r.rate, r.product, r.tier, r.bucket, r.band].join('|');
  for (const r of rows) {
    if (!/^\d{4}$/.test(r.period)) continue;
    const y = years.get(cell(r)) ?? { exposure: 0, events: 0 };
    y.exposure += r.exposure;
    y.events += r.events;
    years.set(cell(r), y);
  }
  const close = (a: number, b: number): boolean =>
    Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
  for (const r of rows) {
    if (r.period !== BASE_PERIOD) continue;
    const y = years.get(cell(r)) ?? { exposure: 0, events: 0 };
    if (!close(y.exposure, r.exposure) || !close(y.events, r.events))
      problems.report(
        file,
        rowOf.get(`${cell(r)}|${BASE_PERIOD}`)!,
        8,
        'exposure',
        'the base row’s exposure and events are not the sums of its calendar years',
        'base counts every month outside the unusual periods, each year its own',
      );
  }
}

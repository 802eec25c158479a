import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { countHistory, type HistoryRow } from '../../../engine/calibration/history/count-history.ts';
import { countsCsv } from '../../../engine/calibration/history/counts-csv.ts';
import { historyText } from '../../bench/history-generator.ts';
import { ROOT } from '../../cli/run-cli.ts';
import { tempDir } from '../../temp-dir.ts';

// The shipped warehouse query must count exactly as the CLI does. It runs in SQLite, whose command-line
// shell is not a dependency of the project: without it on PATH the test is skipped, not passed.
const hasSqlite = spawnSync('sqlite3', ['-version']).status === 0;
const tmp = tempDir('history-sql');

const rows = (text: string): HistoryRow[] =>
  text
    .trim()
    .split('\n')
    .map((line, i) => ({ row: i + 1, cells: line.split(',') }));

const byCell = (csv: string): Map<string, string> =>
  new Map(
    csv
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => {
        const cells = line.split(',');
        return [cells.slice(0, 6).join(','), cells.slice(6).map(Number).join(',')];
      }),
  );

describe('docs/history-counts.sql', () => {
  it.skipIf(!hasSqlite)('gives the count tables the CLI gives, row for row', async () => {
    const t = historyText(600, 23);
    writeFileSync(path.join(tmp, 's.csv'), t.snapshots);
    writeFileSync(path.join(tmp, 'e.csv'), t.events);
    const db = path.join(tmp, 'h.db');
    execFileSync('sqlite3', [db], {
      cwd: tmp,
      input: [
        'CREATE TABLE snapshots(contract_id TEXT, customer_id TEXT, month TEXT, product TEXT, new_used TEXT, tier TEXT, origination_date TEXT, maturity_date TEXT, status TEXT, days_past_due INTEGER, balance REAL);',
        'CREATE TABLE events(contract_id TEXT, month TEXT, event TEXT, amount REAL, guide_residual REAL, customer_id TEXT);',
        '.mode csv',
        '.import --skip 1 s.csv snapshots',
        '.import --skip 1 e.csv events',
        "UPDATE events SET amount = NULL WHERE amount = '';",
        "UPDATE events SET guide_residual = NULL WHERE guide_residual = '';",
        "UPDATE events SET customer_id = NULL WHERE customer_id = '';",
      ].join('\n'),
    });
    const sql = execFileSync('sqlite3', ['-csv', '-header', db], {
      input: readFileSync(path.join(ROOT, 'docs/history-counts.sql')),
    }).toString();
    const { counts } = await countHistory(
      { snapshots: rows(t.snapshots), events: () => rows(t.events) },
      { snapshotsFile: 's.csv', eventsFile: 'e.csv' },
    );
    const expected = byCell(countsCsv(counts!));
    expect(expected.size).toBeGreaterThan(100);
    expect(byCell(sql)).toEqual(expected);
  });
});

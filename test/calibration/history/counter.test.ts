import { describe, expect, it } from 'vitest';
import { countHistory, type HistoryRow } from '../../../engine/calibration/history/count-history.ts';
import type { CountRow } from '../../../engine/calibration/history/counts.ts';

const SNAPSHOT_HEADER =
  'contract_id,customer_id,month,product,new_used,tier,origination_date,maturity_date,status,days_past_due,balance';

/** CSV text as rows (no quoting in these fixtures). */
export function rows(text: string): HistoryRow[] {
  return text
    .trim()
    .split('\n')
    .map((line, i) => ({ row: i + 1, cells: line.split(',') }));
}

function snap(
  id: string,
  month: string,
  product: string,
  tier: string,
  orig: string,
  mat: string,
  dpd: number,
  balance = 10000,
): string {
  return [
    id,
    `cu-${id}`,
    month,
    product,
    'new',
    tier,
    orig,
    mat,
    dpd > 0 ? 'arrears' : 'current',
    dpd,
    balance,
  ].join(',');
}

/** Contract A: already running at the history's start, still open at its end, one month 1–30 days late. */
const A = ['2023-01', '2023-02', '2023-03', '2023-04', '2023-05', '2023-06'].map((m, i) =>
  snap('A', m, 'operating-lease', 'prime', '2022-07-15', '2025-07-15', i === 2 ? 15 : 0),
);
/** Contract B: starts mid-way, settled early the month after its last snapshot. */
const B = ['2023-03', '2023-04'].map((m) =>
  snap('B', m, 'amortising-loan', 'subprime', '2023-03-10', '2026-03-10', 0),
);
const EVENTS =
  'contract_id,month,event,amount,guide_residual,customer_id\nB,2023-05,terminated-early-settlement,,,';

function find(rows: readonly CountRow[], want: Partial<CountRow>): CountRow | undefined {
  return rows.find((r) => Object.entries(want).every(([k, v]) => r[k as keyof CountRow] === v));
}

describe('counting a history', () => {
  it('counts a hand-computable history: one contract entering mid-way, one still open', async () => {
    const result = await countHistory(
      { snapshots: rows([SNAPSHOT_HEADER, ...A, ...B].join('\n')), events: () => rows(EVENTS) },
      { snapshotsFile: 'snapshots.csv', eventsFile: 'events.csv' },
    );
    expect(result.problems).toEqual([]);
    const counts = result.counts!;
    expect(counts.coverage).toEqual({
      from: '2023-01',
      to: '2023-06',
      contracts: 2,
      snapshots: 8,
      events: 1,
      enteredRunning: 1,
      stillOpen: 1,
    });
    const r = counts.rows;
    // A: current → current four times, once to 1–30; back to current from 1–30.
    expect(find(r, { rate: 'roll', tier: 'prime', bucket: 'current', period: 'base' })).toMatchObject({
      contracts: 1,
      exposure: 4,
      events: 1,
      sumE2: 16,
      sumN2: 1,
      sumEN: 4,
    });
    expect(find(r, { rate: 'cure', tier: 'prime', bucket: '1-30', period: '2023' })).toMatchObject({
      exposure: 1,
      events: 1,
    });
    // A's last month is the history's last: its outcome is unseen, so five months at risk, not six.
    expect(
      find(r, { rate: 'early-settlement', product: 'operating-lease', band: '6-11', period: 'base' }),
    ).toMatchObject({
      exposure: 5,
      events: 0,
      sumE2: 25,
    });
    // B: two months at risk of settling early, the second ending in the settlement.
    expect(
      find(r, { rate: 'early-settlement', product: 'amortising-loan', band: '0-5', period: 'base' }),
    ).toMatchObject({
      contracts: 1,
      exposure: 2,
      events: 1,
      sumE2: 4,
      sumN2: 1,
      sumEN: 2,
    });
    expect(
      find(r, { rate: 'default', product: 'amortising-loan', tier: 'subprime', band: '0-5', period: 'base' }),
    ).toMatchObject({
      exposure: 2,
      events: 0,
    });
  });

  it('infers an ending without events, unless the history stops there', async () => {
    const result = await countHistory(
      { snapshots: rows([SNAPSHOT_HEADER, ...A, ...B].join('\n')) },
      { snapshotsFile: 'snapshots.csv' },
    );
    const r = result.counts!.rows;
    expect(find(r, { rate: 'early-settlement', product: 'amortising-loan', period: 'base' })).toMatchObject({
      exposure: 2,
      events: 1,
    });
    expect(find(r, { rate: 'early-settlement', product: 'operating-lease', period: 'base' })).toMatchObject({
      exposure: 5,
      events: 0,
    });
    expect(r.some((x) => x.rate === 'renewal-at-maturity' || x.rate === 'recovery')).toBe(false);
  });

  it('refuses rows out of order and a missing month, at their row and column, without echoing ids', async () => {
    const shuffled = [SNAPSHOT_HEADER, A[0], A[2], ...B, A[3]].join('\n');
    const result = await countHistory({ snapshots: rows(shuffled) }, { snapshotsFile: 'snapshots.csv' });
    expect(result.counts).toBeUndefined();
    expect(result.problems.map((p) => `${p.file}:${p.line}:${p.column}  ${p.pointer}  ${p.message}`)).toEqual(
      [
        'snapshots.csv:3:3  month  a month is missing: expected 2023-02 after 2023-01',
        'snapshots.csv:6:1  contract_id  out of order: snapshots are sorted by contract_id (as text) then month',
      ],
    );
  });

  it('refuses an unknown column and a personal-data column in the header', async () => {
    const result = await countHistory(
      { snapshots: rows(`${SNAPSHOT_HEADER},email,colour\n`) },
      { snapshotsFile: 's.csv' },
    );
    expect(result.problems.map((p) => `${p.line}:${p.column} ${p.pointer}: ${p.message}`)).toEqual([
      '1:12 email: refused: the column looks like personal data (an e-mail address); a history holds none',
      '1:13 colour: unknown column: a snapshot file has only the columns of docs/history.md',
    ]);
  });
});

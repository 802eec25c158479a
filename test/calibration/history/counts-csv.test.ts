import { describe, expect, it } from 'vitest';
import { countHistory, type HistoryRow } from '../../../engine/calibration/history/count-history.ts';
import { countsCsv, readCounts } from '../../../engine/calibration/history/counts-csv.ts';
import { historyText } from '../../bench/history-generator.ts';

const rows = (text: string): HistoryRow[] =>
  text
    .trim()
    .split('\n')
    .map((line, i) => ({ row: i + 1, cells: line.split(',') }));

describe('count tables as CSV', () => {
  it('reads back what it wrote', async () => {
    const t = historyText(200, 9);
    const { counts } = await countHistory(
      { snapshots: rows(t.snapshots), events: () => rows(t.events) },
      { snapshotsFile: 's.csv', eventsFile: 'e.csv' },
    );
    const back = readCounts(rows(countsCsv(counts!)), 'counts.csv');
    expect(back.problems).toEqual([]);
    expect(back.counts!.rows).toEqual(counts!.rows);
  });

  it('locates a value outside its dimension and a base row that is not the sum of its years', () => {
    const text = [
      'rate,product,tier,bucket,band,period,contracts,exposure,events,sum_e2,sum_n2,sum_en',
      'roll,*,prime,current,*,base,2,10,2,52,4,8',
      'roll,*,prime,current,*,2023,2,9,2,41,4,8',
      'rol,*,prime,current,*,2023,2,9,2,41,4,8',
    ].join('\n');
    const { counts, problems } = readCounts(rows(text), 'counts.csv');
    expect(counts).toBeUndefined();
    expect(problems.map((p) => `${p.line}:${p.column} ${p.pointer} ${p.message}`)).toEqual([
      `4:1 rate expected one of roll, cure, default, early-settlement, renewal-at-maturity, residual-result-at-return, recovery, recovery-months`,
    ]);
    const fixed = readCounts(rows(text.split('\n').slice(0, 3).join('\n')), 'counts.csv');
    expect(fixed.problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '2:8 the base row’s exposure and events are not the sums of its calendar years',
    ]);
  });
});

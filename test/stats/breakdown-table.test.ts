import { describe, expect, it } from 'vitest';
import { BREAKDOWN_METRICS } from '../../engine/result/iteration.ts';
import { BreakdownTable } from '../../engine/stats/breakdown-table.ts';
import { failer } from '../../engine/stats/json-read.ts';
import { studentTQuantile } from '../../engine/stats/student-t.ts';

const METRICS = BREAKDOWN_METRICS.length;
const PROFIT = BREAKDOWN_METRICS.findIndex((m) => m.id === 'profit');

/** One iteration's dealer table: profit `profit` (€) for each group, 1 for every other metric. */
function iteration(groups: readonly string[], profit: (g: number) => number): Float64Array {
  const values = new Float64Array(groups.length * METRICS).fill(1);
  groups.forEach((_, g) => (values[g * METRICS + PROFIT] = profit(g)));
  return values;
}

const PROFITS = [1200.5, -300.25, 880, 4100, 15.75, -2200, 640.5];

describe('BreakdownTable', () => {
  it('gives each group mean its 95% CI, mean ± t(0.975, n − 1)·sd/√n', () => {
    const table = new BreakdownTable('dealer');
    for (const p of PROFITS)
      table.add(
        ['D1', 'D2'],
        iteration(['D1', 'D2'], (g) => (g === 0 ? p : 7)),
      );
    const [d1, d2] = table.summary().groups;
    const n = PROFITS.length;
    const mean = PROFITS.reduce((s, x) => s + x, 0) / n;
    const sd = Math.sqrt(PROFITS.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
    const half = (studentTQuantile(0.975, n - 1) * sd) / Math.sqrt(n);
    expect(d1!.mean.profit).toBeCloseTo(mean, 9);
    expect(d1!.ci95!.profit![0]).toBeCloseTo(mean - half, 6);
    expect(d1!.ci95!.profit![1]).toBeCloseTo(mean + half, 6);
    // A constant has a zero-width interval; a single iteration none.
    expect(d2!.ci95!.profit).toEqual([7, 7]);
    const one = new BreakdownTable('dealer');
    one.add(
      ['D1'],
      iteration(['D1'], () => 5),
    );
    expect(one.summary().groups[0]!.ci95!.profit).toBeNull();
  });

  it('is the same however the iterations are split, merged and written to a shard file', () => {
    const whole = new BreakdownTable('dealer');
    const parts = [new BreakdownTable('dealer'), new BreakdownTable('dealer')];
    PROFITS.forEach((p, i) => {
      const values = iteration(['D1', 'D2'], (g) => p * (g + 1));
      whole.add(['D1', 'D2'], values);
      parts[i % 2]!.add(['D1', 'D2'], values);
    });
    const read = (t: BreakdownTable) =>
      BreakdownTable.fromJSON(JSON.parse(JSON.stringify(t.toJSON())), 'dealer', '$', failer('shard'));
    const merged = read(parts[0]!);
    merged.merge(read(parts[1]!));
    expect(JSON.stringify(merged.summary())).toBe(JSON.stringify(whole.summary()));
  });

  it('refuses a file whose sums of squares no values could give', () => {
    const table = new BreakdownTable('dealer');
    for (const p of PROFITS)
      table.add(
        ['D1'],
        iteration(['D1'], () => p),
      );
    const json = table.toJSON();
    json.groups[0]!.squares[PROFIT] = '0p0';
    expect(() => BreakdownTable.fromJSON(json, 'dealer', '$', failer('shard'))).toThrow(
      `$.groups[0].squares[${PROFIT}]`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { formatDelta, formatInterval, formatProbability } from '../../engine/report/number.ts';
import { renderResult } from '../../engine/report/render.ts';
import { FIXTURE_BASELINE, fixtureResult } from '../../web/testing/fixtures.ts';

/** A CSV of plain cells (no quoting in these files) as objects keyed by its header. */
function parse(csv: string): Record<string, string>[] {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const keys = header!.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [keys[i]!, cell])));
}

const num = (cell: string | undefined) => (cell === undefined || cell === '' ? null : Number(cell));

describe('breakdowns in CSV', () => {
  it('follow the KPI rows of a comparison: both means and the paired delta for every group of the JSON', async () => {
    const result = await fixtureResult();
    const rows = parse(renderResult(result, 'csv'));
    const kpiRows = rows.filter((r) => !r.kpi!.startsWith('breakdown.'));
    expect(kpiRows.length).toBeGreaterThan(0);
    expect(kpiRows.every((r) => r.dimension === '' && r.group === '')).toBe(true);
    const [baseline, challenger] = result.scenarios;
    for (const b of baseline!.summary.breakdowns) {
      for (const g of b.groups) {
        const other = challenger!.summary.breakdowns
          .find((x) => x.dimension === b.dimension)!
          .groups.find((x) => x.group === g.group)!;
        const at = (kpi: string) =>
          rows.find((r) => r.kpi === kpi && r.dimension === b.dimension && r.group === g.group)!;
        const profit = at('breakdown.profit');
        expect([profit.baseline, profit.challenger, profit.unit]).toEqual([
          baseline!.name,
          challenger!.name,
          '€',
        ]);
        expect(num(profit.baseline_mean)).toBe(g.mean.profit);
        expect(num(profit.challenger_mean)).toBe(other.mean.profit);
        expect(num(profit.delta_mean)).toBeCloseTo(other.mean.profit! - g.mean.profit!, 6);
        expect(num(at('breakdown.retentionRate').baseline_mean)).toBe(g.retentionRate);
        const paired = result.comparisons[0]!.summary.breakdowns!.find(
          (x) => x.dimension === b.dimension,
        )!.groups.find((x) => x.group === g.group)!;
        expect(num(profit.delta_mean)).toBe(paired.meanDelta.profit);
        expect([num(profit.delta_sim_error_low), num(profit.delta_sim_error_high)]).toEqual(
          paired.ci95.profit,
        );
        expect(num(profit.p_better)).toBe(paired.pBetter.profit);
        expect(num(at('breakdown.endedContracts').n)).toBe(result.manifest.iterations);
        // Ended contracts have no better direction; the retention rate is a ratio of sums, not paired.
        expect(at('breakdown.endedContracts').p_better).toBe('');
        expect(at('breakdown.retentionRate').delta_sim_error_low).toBe('');
      }
    }
  });

  it('give a single run each group’s means per iteration and their 95% CIs', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE]);
    const rows = parse(renderResult(result, 'csv')).filter((r) => r.kpi!.startsWith('breakdown.'));
    const dealers = result.scenarios[0]!.summary.breakdowns.find((b) => b.dimension === 'dealer')!.groups;
    expect(rows.filter((r) => r.dimension === 'dealer' && r.kpi === 'breakdown.retained')).toHaveLength(
      dealers.length,
    );
    const first = rows.find(
      (r) => r.dimension === 'dealer' && r.group === dealers[0]!.group && r.kpi === 'breakdown.creditLoss',
    )!;
    expect([
      first.scenario,
      num(first.mean),
      num(first.n),
      num(first.sim_error_ci95_low),
      num(first.sim_error_ci95_high),
    ]).toEqual([
      result.scenarios[0]!.name,
      dealers[0]!.mean.creditLoss,
      dealers[0]!.iterations,
      ...dealers[0]!.ci95!.creditLoss!,
    ]);
  });

  it('give a scenario compared with itself a delta of exactly 0 ± 0 in every group', async () => {
    const result = await fixtureResult([FIXTURE_BASELINE, FIXTURE_BASELINE]);
    const rows = parse(renderResult(result, 'csv')).filter(
      (r) => r.kpi!.startsWith('breakdown.') && r.kpi !== 'breakdown.retentionRate',
    );
    expect(rows.length).toBeGreaterThan(20);
    for (const r of rows)
      expect([r.delta_mean, r.delta_sim_error_low, r.delta_sim_error_high]).toEqual(['0', '0', '0']);
  });

  it('show in table and Markdown each group’s paired profit change with its interval and P(better)', async () => {
    const result = await fixtureResult();
    const [region] = result.comparisons[0]!.summary.breakdowns!.filter((b) => b.dimension === 'region');
    const g = region!.groups[0]!;
    const cells = [
      formatDelta(g.meanDelta.profit!, '€'),
      formatInterval(g.ci95.profit!, '€', true),
      formatProbability(g.pBetter.profit!),
    ];
    expect(renderResult(result, 'md')).toContain(`| ${cells.join(' | ')} |`);
    expect(renderResult(result, 'table')).toMatch(
      new RegExp(cells.map((c) => c.replace(/[.+]/g, '\\$&')).join(' +')),
    );
  });
});

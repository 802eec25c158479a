import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, ROOT, runCli } from './run-cli.ts';

const tmp = tempDir('sensitivity');
const BASELINE = 'scenarios/baseline.json';
const TCM = 'scenarios/tcm.json';
// A tiny book over two years: each run takes a fraction of a second.
const SMALL = ['--set', 'portfolio.contracts=150', '--set', 'portfolio.dealers=3', '--horizon', '24'];
// Tinier for the run on a pool of workers, whose threads start cold: the equality holds at any size.
const TINY = ['--set', 'portfolio.contracts=30', '--set', 'portfolio.dealers=2', '--horizon', '6'];
const dist = (at: string, d: Record<string, unknown>) => ['--set', `world.${at}=${JSON.stringify(d)}`];
const FUNDING = dist('economics.fundingRate', { dist: 'pert', min: 0.02, mode: 0.04, max: 0.08 });
const SUBSIDY = dist('economics.subsidyShareOfMsrp', { dist: 'uniform', min: 0, max: 0.2 });

describe('cyclecast sensitivity', () => {
  it('moves a bar the way the assumption moves the model: a higher funding rate lowers captive profit', async () => {
    const { status, stdout, stderr } = await runCli([
      'sensitivity',
      BASELINE,
      ...SMALL,
      ...FUNDING,
      ...dist('parties.upliftSupport', { dist: 'uniform', min: 0.5, max: 1 }),
      '--iterations',
      '6',
      '--workers',
      '1',
      '--kpi',
      'pnl.fundingCost',
      '--top',
      '0',
      '--format',
      'json',
    ]);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.format).toBe('cyclecast.sensitivity');
    expect(result.runs).toBe(5);
    expect(result.bars.map((b: { path: string }) => b.path)).toEqual([
      'economics.fundingRate',
      'parties.upliftSupport',
    ]);
    const [funding, support] = result.bars;
    // Funding cost is booked negative: a higher rate makes it more negative, beyond simulation error.
    expect(funding.low.value).toBeLessThan(funding.high.value);
    expect(funding.high.mean).toBeLessThan(funding.low.mean);
    expect(funding.swing).toBeLessThan(0);
    expect(funding.swingCi95[1]).toBeLessThan(0);
    expect(funding.withinSimulationError).toBe(false);
    // The drawn rate ranks the iterations' funding cost almost alone.
    expect(funding.rankCorrelation).toBeLessThan(-0.8);
    // Residual support does not enter the funding cost at all: an exact zero, marked as noise.
    expect(support.swing).toBe(0);
    expect(support.withinSimulationError).toBe(true);
    expect(result.globalMethod).toMatch(/Spearman/);
  });

  it('finds where the challenger stops beating the baseline, and the value separates a win from a loss', async () => {
    const args = [...SMALL, ...SUBSIDY, ...FUNDING, '--iterations', '2', '--workers', '1'];
    const { status, stdout } = await runCli([
      'sensitivity',
      TCM,
      '--vs',
      BASELINE,
      ...args,
      '--kpi',
      'network.profit.npv',
      '--steps',
      '6',
      '--top',
      '0',
      // Not by rank: the one asked for (a transfer from the manufacturer to the captive).
      '--break-even',
      '0',
      '--break-even-for',
      'world.economics.subsidyShareOfMsrp',
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.breakEvens).toHaveLength(1);
    expect(result.runs).toBe(1 + 2 * 2 + 2 + 6);
    const [breakEven] = result.breakEvens;
    expect(breakEven.path).toBe('economics.subsidyShareOfMsrp');
    expect(breakEven.value).not.toBeNull();
    expect(breakEven.percentile).toBeCloseTo(breakEven.value / 0.2, 12);
    // More subsidy per new lease pays for the extra renewals: the challenger wins above the value.
    expect(breakEven.challengerWins).toBe('above');
    const deltaAt = async (value: number) => {
      const run = await runCli([
        'compare',
        BASELINE,
        TCM,
        ...args,
        '--set',
        `world.economics.subsidyShareOfMsrp=${value}`,
        '--format',
        'json',
      ]);
      const kpis = JSON.parse(run.stdout).comparisons[0].summary.kpis;
      return kpis.find((k: { id: string }) => k.id === 'network.profit.npv').meanDelta;
    };
    expect(await deltaAt(breakEven.value - breakEven.tolerance)).toBeLessThan(0);
    expect(await deltaAt(breakEven.value + breakEven.tolerance)).toBeGreaterThan(0);
  });

  it('gives the same result, byte for byte, on 1 and 2 workers', async () => {
    const run = (workers: string) =>
      runCli([
        'sensitivity',
        TCM,
        '--vs',
        BASELINE,
        ...TINY,
        ...FUNDING,
        '--iterations',
        '5',
        '--steps',
        '2',
        // One declared range held beside the scenario's own: screened, and two bars instead of eleven.
        '--top',
        '1',
        '--workers',
        workers,
        '--format',
        'json',
      ]);
    const [one, two] = [await run('1'), await run('2')];
    expect(one.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
  });

  it('writes every format, and --out atomically', async () => {
    // --top 0: the scenario's own distribution alone (the screening is tested below), one bar to render.
    const base = [
      'sensitivity',
      BASELINE,
      ...SMALL,
      ...FUNDING,
      '--iterations',
      '2',
      '--workers',
      '1',
      '--top',
      '0',
    ];
    const table = await runCli(base);
    expect(table.stdout).toMatch(/^Tornado: Captive profit, net present value of baseline$/m);
    expect(table.stdout).toMatch(/Funding cost of the captive/);
    const md = await runCli([...base, '--format', 'md']);
    expect(md.stdout).toMatch(/^### Tornado/m);
    expect(md.stdout).toMatch(/^\| Funding cost of the captive \|/m);
    const out = path.join(tmp, 'tornado.csv');
    const csv = await runCli([...base, '--format', 'csv', '--out', out]);
    expect(csv.stdout).toBe('');
    expect(csv.stderr).toMatch(/wrote the sensitivity analysis \(csv\)/);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toMatch(/^section,rank,path,label,unit,distribution,outcome_kpi,low_p/);
    expect(lines[1]).toMatch(/^tornado,1,economics\.fundingRate,/);
  });

  it('holds the declared ranges with the largest |ρ| and lists the rest as screened out', async () => {
    const { status, stdout } = await runCli([
      'sensitivity',
      BASELINE,
      ...SMALL,
      ...FUNDING,
      '--iterations',
      '6',
      '--workers',
      '1',
      '--top',
      '2',
      '--format',
      'json',
    ]);
    expect(status).toBe(0);
    const result = JSON.parse(stdout);
    type Row = { path: string; rankCorrelation: number | null };
    const held: Row[] = result.bars;
    const screened: Row[] = result.screened;
    // The scenario's own distribution is held whatever its ρ, on top of the 2 declared ranges.
    expect(held.map((b) => b.path)).toContain('economics.fundingRate');
    expect(held).toHaveLength(3);
    expect(result.runs).toBe(1 + 2 * 3);
    expect(screened.length).toBeGreaterThan(10);
    const abs = (r: Row) => Math.abs(r.rankCorrelation ?? 0);
    const heldDeclared = held.filter((b) => b.path !== 'economics.fundingRate');
    const lowestHeld = Math.min(...heldDeclared.map(abs));
    for (const s of screened) expect(abs(s)).toBeLessThanOrEqual(lowestHeld);
    expect(screened.map(abs)).toEqual([...screened.map(abs)].sort((a, b) => b - a));
    const table = await runCli([
      'sensitivity',
      BASELINE,
      ...SMALL,
      '--iterations',
      '2',
      '--workers',
      '1',
      '--top',
      '1',
    ]);
    expect(table.stdout).toMatch(
      /Screened out by rank correlation: \d+ declared ranges with \|ρ\| below the top 1/,
    );
    const bad = await runCli(['sensitivity', BASELINE, '--top', 'some']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/invalid --top "some": expected a whole number or all/);
  });

  it('says there is nothing to analyse when no assumption is uncertain', async () => {
    const { status, stdout } = await runCli([
      'sensitivity',
      BASELINE,
      ...SMALL,
      '--set',
      'run.uncertainty=false',
      '--iterations',
      '2',
      '--workers',
      '1',
    ]);
    expect(status).toBe(0);
    expect(stdout).toMatch(/No uncertain assumptions/);
  });

  it('refuses bad input with a located error and writes nothing', async () => {
    const out = path.join(tmp, 'never.json');
    const kpi = await runCli(['sensitivity', BASELINE, '--kpi', 'profit.npvv', '--out', out]);
    expect(kpi.status).toBe(1);
    expect(kpi.stderr).toMatch(/invalid --kpi "profit\.npvv": unknown KPI; did you mean "profit\.npv"/);
    expect(hasStackTrace(kpi.stderr)).toBe(false);
    const longer = path.join(tmp, 'longer.json');
    writeFileSync(
      longer,
      JSON.stringify({ extends: path.join(ROOT, TCM), run: { horizonMonths: 60 } }, null, 2) + '\n',
    );
    const vs = await runCli(['sensitivity', longer, '--vs', BASELINE, '--out', out]);
    expect(vs.status).toBe(1);
    expect(vs.stderr).toMatch(
      /longer\.json:\d+:\d+.*run\.horizonMonths 60 differs from the baseline's \(120\)/,
    );
    const breakEven = await runCli(['sensitivity', BASELINE, '--break-even', '3']);
    expect(breakEven.stderr).toMatch(/invalid --break-even without --vs/);
    const asked = await runCli([
      'sensitivity',
      TCM,
      '--vs',
      BASELINE,
      ...FUNDING,
      '--break-even-for',
      'economics.fundingRat',
      '--out',
      out,
    ]);
    expect(asked.status).toBe(1);
    expect(asked.stderr).toMatch(
      /invalid --break-even-for "economics\.fundingRat": not an uncertain assumption .*did you mean "economics\.fundingRate"/,
    );
    const set = await runCli(['sensitivity', BASELINE, '--set', 'world.economics.fundingRat=0.05']);
    expect(set.status).toBe(1);
    expect(set.stderr).toMatch(/fundingRat/);
    expect(existsSync(out)).toBe(false);
  });
});

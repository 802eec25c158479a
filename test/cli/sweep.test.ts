import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, ROOT, runCli } from './run-cli.ts';

const tmp = tempDir('sweep');
const BASELINE = path.join(ROOT, 'test/fixtures/scenarios/passing/baseline.json');
// The small test book (300 contracts), 6 months, 4 iterations: a fraction of a second per point.
const QUICK = ['--horizon', '6', '--iterations', '4', '--workers', '1'];
const AGENCY = '--param=dunning.agencyDays=30..90:30';

describe('cyclecast sweep', () => {
  it("gives at each point the result of a separate run with the point's values, byte for byte", async () => {
    const sweep = await runCli([
      'sweep',
      BASELINE,
      AGENCY,
      '--param',
      'world.economics.fundingRate=0.03..0.05:0.02',
      ...QUICK,
      '--format',
      'json',
    ]);
    expect(sweep.status, sweep.stderr).toBe(0);
    const result = JSON.parse(sweep.stdout);
    expect(result.points.map((p: { values: object }) => p.values)).toEqual([
      { 'dunning.agencyDays': 30, 'world.economics.fundingRate': 0.03 },
      { 'dunning.agencyDays': 30, 'world.economics.fundingRate': 0.05 },
      { 'dunning.agencyDays': 60, 'world.economics.fundingRate': 0.03 },
      { 'dunning.agencyDays': 60, 'world.economics.fundingRate': 0.05 },
      { 'dunning.agencyDays': 90, 'world.economics.fundingRate': 0.03 },
      { 'dunning.agencyDays': 90, 'world.economics.fundingRate': 0.05 },
    ]);
    for (const [index, sets] of [
      [3, ['dunning.agencyDays=60', 'world.economics.fundingRate=0.05']],
      [4, ['dunning.agencyDays=90', 'world.economics.fundingRate=0.03']],
    ] as const) {
      const run = await runCli([
        'run',
        BASELINE,
        ...QUICK,
        '--format',
        'json',
        ...sets.flatMap((s) => ['--set', s]),
      ]);
      expect(run.status, run.stderr).toBe(0);
      const separate = JSON.parse(run.stdout).scenarios[0].summary;
      expect(JSON.stringify(result.result.scenarios[index].summary)).toBe(JSON.stringify(separate));
      // The point's change is the paired difference from the first point, and its mean is the run's.
      const npv = separate.kpis.find((k: { id: string }) => k.id === 'profit.npv');
      expect(result.points[index].mean).toBe(npv.mean);
      expect(result.points[index].delta.mean).toBeCloseTo(npv.mean - result.points[0].mean, 3);
    }
    expect(result.points[0].delta).toBeNull();
    expect(result.intervals).toEqual({ level: 0.95, method: 'Bonferroni', meansFamily: 6, deltasFamily: 5 });
  });

  it('widens the intervals for the number of points (simultaneous), and says so in every text format', async () => {
    const sweep = await runCli([
      'sweep',
      BASELINE,
      AGENCY,
      ...QUICK,
      '--format',
      'json',
      '--kpi',
      'retention.rate',
    ]);
    const { points, result } = JSON.parse(sweep.stdout);
    const single = result.scenarios[1].summary.kpis.find((k: { id: string }) => k.id === 'retention.rate');
    const width = (ci: number[]) => ci[1]! - ci[0]!;
    expect(width(points[1].ci)).toBeGreaterThan(width(single.ci95));
    const table = await runCli(['sweep', BASELINE, AGENCY, ...QUICK, '--kpi', 'retention.rate']);
    expect(table.stdout).toContain('retention.rate by dunning.agencyDays (3 points, 4 iterations');
    expect(table.stdout).toContain(
      'simultaneous 95% confidence intervals of the mean (simulation error, Bonferroni)',
    );
    const md = await runCli(['sweep', BASELINE, AGENCY, ...QUICK, '--format', 'md']);
    expect(md.stdout).toMatch(/^### profit\.npv by dunning\.agencyDays/);
    expect(md.stdout).toContain('| dunning.agencyDays | profit.npv | simultaneous 95% CI |');
    expect(md.stdout).toContain('Bonferroni');
    const out = path.join(tmp, 'sweep.csv');
    const csv = await runCli(['sweep', BASELINE, AGENCY, ...QUICK, '--format', 'csv', '--out', out]);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout).toBe('');
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe(
      'dunning.agencyDays,kpi,mean,ci_low,ci_high,change,change_ci_low,change_ci_high,p_better',
    );
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['30', '60', '90']);
  });

  it('refuses a bad --param with a located line, exit 1, no stack trace and no output file', async () => {
    const out = path.join(tmp, 'never.json');
    for (const [param, message] of [
      [
        'dunning.agencyDays=-30..90:30',
        '--param dunning.agencyDays=-30..90:30 (at dunning.agencyDays=-30): invalid parameter override agencyDays',
      ],
      ['dunnin.agencyDays=30..90:30', 'did you mean "dunning"?'],
      ['portfolio.contracts=100..300:100', 'it varies a policy parameter (KIND.NAME) or a world assumption'],
      ['dunning.agencyDays=30..90:0.5', 'it gives 121 values, more than 100'],
      ['dunning.agencyDays=90..30', 'TO (30) must be above FROM (90)'],
      ['dunning.agencyDays=30-90', 'expected KIND.NAME=FROM..TO[:STEP]'],
    ]) {
      const { status, stderr } = await runCli(['sweep', BASELINE, '--param', param!, ...QUICK, '--out', out]);
      expect(status, param).toBe(1);
      expect(stderr).toContain(message);
      expect(hasStackTrace(stderr)).toBe(false);
    }
    const none = await runCli(['sweep', BASELINE, ...QUICK]);
    expect(none.stderr).toContain('missing --param');
    const three = await runCli([
      'sweep',
      BASELINE,
      AGENCY,
      '--param',
      'dunning.callDays=10..30:10',
      '--param',
      'dunning.terminationDays=100..120:10',
      ...QUICK,
    ]);
    expect(three.stderr).toContain('at most 2 parameters vary at once');
    expect(() => readFileSync(out)).toThrow();
  });
});

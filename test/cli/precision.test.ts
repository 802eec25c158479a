import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nextCheck } from '../../engine/sim/montecarlo/precision.ts';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, ROOT, runCli } from './run-cli.ts';

const tmp = tempDir('precision');
const BASELINE = path.join(ROOT, 'test/fixtures/scenarios/passing/baseline.json');
const TCM = path.join(ROOT, 'test/fixtures/scenarios/passing/tcm.json');
// The small test book, 12 months: a few ms per iteration.
const SMALL = ['--horizon', '12', '--format', 'json'];
// A tinier book over 6 months for the test that runs a pool of workers, whose threads start cold (where
// to stop does not depend on the book's size).
const TINY = [
  '--horizon',
  '6',
  '--format',
  'json',
  '--set',
  'portfolio.contracts=30',
  '--set',
  'portfolio.dealers=2',
];

describe('--precision', () => {
  it('checks at 30, 40, 50 … iterations and never before 30', () => {
    expect([0, 1, 29, 30, 31, 39, 40, 41].map(nextCheck)).toEqual([30, 30, 30, 40, 40, 40, 50, 50]);
  });

  it('stops a comparison at the same iteration, with the same result, for 1 and 2 workers', async () => {
    // The half-widths of fixed runs of 31 and 41 iterations (the first two check points): a target
    // between them must stop the run at exactly 41.
    const halfWidthAt = async (iterations: number) => {
      const fixed = await runCli([
        'compare',
        BASELINE,
        TCM,
        ...TINY,
        '--workers',
        '1',
        '--iterations',
        String(iterations),
      ]);
      const npv = JSON.parse(fixed.stdout).comparisons[0].summary.kpis.find(
        (k: { id: string }) => k.id === 'profit.npv',
      );
      return (npv.ci95[1] - npv.ci95[0]) / 2;
    };
    const [at31, at41] = [await halfWidthAt(31), await halfWidthAt(41)];
    expect(at41).toBeLessThan(at31);
    const target = String((at31 + at41) / 2);
    const args = ['compare', BASELINE, TCM, ...TINY, '--precision', target, '--iterations', '60'];
    const one = await runCli([...args, '--workers', '1']);
    const two = await runCli([...args, '--workers', '2']);
    expect(one.status, one.stderr).toBe(0);
    expect(two.status, two.stderr).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const { manifest } = JSON.parse(one.stdout);
    expect(manifest.precision).toMatchObject({
      kpi: 'profit.npv',
      halfWidth: Number(target),
      maxIterations: 60,
      met: true,
    });
    expect(manifest.iterations).toBe(41);
    expect(manifest.precision.iterationsTaken).toBe(41);
    expect(manifest.precision.reachedHalfWidth).toBe(at41);
    expect(one.stderr).toContain('precision: target met after 41 iterations (at most 60)');
  });

  it('gives, apart from the precision record, the result of a fixed run of the iterations it took', async () => {
    const stopped = await runCli([
      'run',
      BASELINE,
      ...SMALL,
      '--workers',
      '1',
      '--precision',
      'excludes-zero',
    ]);
    expect(stopped.status, stopped.stderr).toBe(0);
    const result = JSON.parse(stopped.stdout);
    const taken = result.manifest.precision.iterationsTaken;
    const fixed = await runCli(['run', BASELINE, ...SMALL, '--workers', '1', '--iterations', String(taken)]);
    delete result.manifest.precision;
    expect(JSON.stringify(result, null, 2) + '\n').toBe(fixed.stdout);
  });

  it("reads a scenario's run.precision, and reports a target it cannot meet within the maximum", async () => {
    const file = path.join(tmp, 'precise.json');
    writeFileSync(
      file,
      JSON.stringify({
        extends: BASELINE,
        run: { iterations: 35, precision: { kpi: 'retention.rate', halfWidth: 1e-9 } },
      }),
    );
    const { status, stdout, stderr } = await runCli(['run', file, ...SMALL, '--workers', '1']);
    expect(status, stderr).toBe(0);
    expect(JSON.parse(stdout).manifest.precision).toMatchObject({
      kpi: 'retention.rate',
      iterationsTaken: 35,
      met: false,
    });
    expect(stderr).toContain('target not met within the maximum of 35 iterations');
  });

  it('refuses a bad target with a located problem, exit 1 and no stack trace', async () => {
    const file = path.join(tmp, 'bad.json');
    writeFileSync(
      file,
      JSON.stringify({ extends: BASELINE, run: { precision: { kpi: 'profit.npx', halfWidth: 0 } } }),
    );
    const bad = await runCli(['run', file, ...SMALL]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('/run/precision/kpi');
    expect(bad.stderr).toContain('did you mean "profit.npv"');
    expect(bad.stderr).toContain('/run/precision/halfWidth');
    expect(hasStackTrace(bad.stderr)).toBe(false);
    const flag = await runCli(['run', BASELINE, ...SMALL, '--precision', 'tight']);
    expect(flag.status).toBe(1);
    expect(flag.stderr).toContain('invalid --precision "tight"');
    const shard = await runCli([
      'run',
      BASELINE,
      '--precision',
      '1000',
      '--shard',
      '0/2',
      '--out',
      path.join(tmp, 'p.json'),
    ]);
    expect(shard.status).toBe(1);
    expect(shard.stderr).toContain('invalid --shard with a precision target');
  });

  it('stops the runs of cyclecast check on precision, and reports the iterations taken', async () => {
    const { stdout, stderr } = await runCli([
      'check',
      BASELINE,
      '--workers',
      '1',
      '--precision',
      'excludes-zero',
      '--kpi',
      'retention.rate',
      '--iterations',
      '60',
    ]);
    expect(stderr).toMatch(/check: precision: target met after 31 iterations \(at most 60\)/);
    expect(stdout).toContain('baseline.json; 31 iterations × 24 months, seed 11)');
  });
});

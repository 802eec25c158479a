import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, ROOT, runCli } from './run-cli.ts';

const tmp = tempDir('what-if');
const BASELINE = path.join(ROOT, 'scenarios/baseline.json');
/** A scenario over the shipped baseline, written to the temporary folder. */
const scenario = (name: string, body: Record<string, unknown>) => {
  const file = path.join(tmp, `${name}.json`);
  writeFileSync(file, JSON.stringify({ extends: BASELINE, ...body }, null, 2) + '\n');
  return file;
};
// Small and short, so each run takes a fraction of a second.
const QUICK = ['--iterations', '2', '--horizon', '6', '--workers', '1', '--format', 'json'];
const SMALL = ['--set', 'portfolio.contracts=200'];

describe('--set PATH=VALUE', () => {
  it('gives the result of a file holding the same values, and records the options in the manifest', async () => {
    const file = scenario('what-if', {
      name: 'baseline',
      title: "Baseline: today's practice",
      portfolio: { contracts: 200 },
      world: { economics: { fundingRate: 0.05 } },
      parameters: { dunning: { agencyDays: 45 } },
    });
    const sets = ['portfolio.contracts=200', 'world.economics.fundingRate=0.05', 'dunning.agencyDays=45'];
    const viaSet = await runCli([
      'run',
      'scenarios/baseline.json',
      ...QUICK,
      ...sets.flatMap((s) => ['--set', s]),
    ]);
    const viaFile = await runCli(['run', file, ...QUICK]);
    expect(viaSet.status).toBe(0);
    expect(viaFile.status).toBe(0);
    const set = JSON.parse(viaSet.stdout);
    const fromFile = JSON.parse(viaFile.stdout);
    expect(set.manifest.overrides).toEqual(sets);
    expect(fromFile.manifest).not.toHaveProperty('overrides');
    delete set.manifest.overrides;
    expect(set).toEqual(fromFile);

    const plain = JSON.parse((await runCli(['run', 'scenarios/baseline.json', ...QUICK, ...SMALL])).stdout);
    expect(plain.manifest.scenarios[0].hash).not.toBe(fromFile.manifest.scenarios[0].hash);
  });

  it('reads VALUE as JSON (a distribution object too), else as a bare string checked like the file', async () => {
    const distribution = await runCli([
      'run',
      ...QUICK,
      ...SMALL,
      '--set',
      'world.economics.fundingRate={"dist":"triangular","min":0.03,"mode":0.04,"max":0.06}',
    ]);
    expect(distribution.stderr).toBe('');
    expect(distribution.status).toBe(0);
    const word = await runCli(['run', ...QUICK, '--set', 'run.seed=seven']);
    expect(word.status).toBe(1);
    expect(word.stderr).toMatch(
      /^--set run\.seed=seven: invalid run\.seed: expected a whole number from 0 to \d+ .*, got "seven"\n$/,
    );
  });

  it('locates each bad override by the option, with did-you-mean, exit 1, before anything runs', async () => {
    const { status, stdout, stderr } = await runCli([
      'run',
      ...QUICK,
      '--set',
      'world.economics.fundingRat=0.05',
      '--set',
      'dunning.agencyDayz=45',
    ]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(hasStackTrace(stderr)).toBe(false);
    const lines = stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines.find((l) => l.startsWith('--set world.economics.fundingRat=0.05: '))).toMatch(
      /unknown assumption.*\(did you mean "fundingRate"\?\)$/,
    );
    expect(lines.find((l) => l.startsWith('--set dunning.agencyDayz=45: '))).toMatch(
      /declares no such parameter.*\(did you mean "agencyDays"\?\)$/,
    );
  });

  it('rejects what is not PATH=VALUE or names no part of a scenario', async () => {
    const { status, stderr } = await runCli([
      'run',
      ...QUICK,
      '--set',
      'wrold.economics.apr=0.05',
      '--set',
      'run',
    ]);
    expect(status).toBe(1);
    expect(stderr).toContain(
      '--set wrold.economics.apr=0.05: unknown setting "wrold": expected world.GROUP.NAME',
    );
    expect(stderr).toContain('(did you mean "world"?)');
    expect(stderr).toContain('--set run: invalid --set: expected');
  });

  it('keeps a key such as __proto__ as data: an unknown name, not a changed object', async () => {
    const { status, stderr } = await runCli([...['run', ...QUICK], '--set', 'world.__proto__.x=1']);
    expect(status).toBe(1);
    expect(stderr).toMatch(/^--set world\.__proto__\.x=1: invalid world\.__proto__: unknown assumption/);
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('applies to the baseline and every challenger, so the what-if stays paired', async () => {
    const small = scenario('small', { portfolio: { contracts: 200 } });
    const refused = await runCli(['compare', 'scenarios/baseline.json', small, ...QUICK]);
    expect(refused.status).toBe(1);
    const paired = await runCli(['compare', 'scenarios/baseline.json', small, ...QUICK, ...SMALL]);
    expect(paired.stderr).toBe('');
    expect(paired.status).toBe(0);
    const result = JSON.parse(paired.stdout);
    expect(result.manifest.overrides).toEqual(['portfolio.contracts=200']);
    expect(result.manifest.scenarios[0].hash).toBe(result.manifest.scenarios[1].hash);
  });

  it('works on check and explain, checked the same way', async () => {
    const check = await runCli([
      'check',
      'scenarios/tcm.json',
      '--iterations',
      '2',
      '--workers',
      '1',
      '--set',
      'dunning.agencyDayz=45',
    ]);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain('--set dunning.agencyDayz=45: invalid parameter override agencyDayz');
    const explain = await runCli([
      'explain',
      'scenarios/baseline.json',
      '--list',
      '--format',
      'json',
      '--horizon',
      '6',
      ...SMALL,
    ]);
    expect(explain.status).toBe(0);
    expect(JSON.parse(explain.stdout).customers.length).toBeGreaterThan(0);
    const bad = await runCli([
      'explain',
      'scenarios/baseline.json',
      '--list',
      '--set',
      'portfolio.contracts=0',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/^--set portfolio\.contracts=0: invalid portfolio\.contracts/);
  });
});

describe('compare refuses to pair what is not comparable', () => {
  const big = () =>
    scenario('big', {
      portfolio: { contracts: 20000 },
      run: { horizonMonths: 60, seed: 7, iterations: 5 },
    });

  it('says which setting differs, where, and how to align it; nothing runs', async () => {
    const file = big();
    const { status, stdout, stderr } = await runCli([
      'compare',
      'scenarios/baseline.json',
      file,
      '--iterations',
      '2',
    ]);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      `${file}:4:18  /portfolio/contracts  portfolio.contracts 20000 differs from the baseline's (10000): a paired comparison needs the same book; set it to 10000 or compare against a baseline with 20000`,
      `${file}:7:22  /run/horizonMonths  run.horizonMonths 60 differs from the baseline's (120): a paired comparison runs every scenario on the same horizon; pass --horizon to override both, or set run.horizonMonths to 120 here or in the baseline`,
      `${file}:8:13  /run/seed  run.seed 7 differs from the baseline's (1): a paired comparison runs every scenario on the same seed (common random numbers); pass --seed to override both, or set run.seed to 1 here or in the baseline`,
    ]);
  });

  it('accepts --horizon and --seed as aligning both, a different iteration count, and a network decision', async () => {
    const file = big();
    const aligned = await runCli([
      'compare',
      'scenarios/baseline.json',
      file,
      '--seed',
      '3',
      '--horizon',
      '6',
    ]);
    expect(aligned.status).toBe(1);
    expect(aligned.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(aligned.stderr).toContain('/portfolio/contracts');

    // Iterations set the precision, not what is compared: the baseline's count runs for both.
    const more = scenario('more', { run: { iterations: 5 } });
    const ok = await runCli([
      'compare',
      'scenarios/baseline.json',
      more,
      'scenarios/bdc.json',
      ...QUICK,
      ...SMALL,
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).manifest.iterations).toBe(2);
  });

  it('check refuses a paired claim against a scenario with another book', async () => {
    const file = scenario('claims', {
      portfolio: { contracts: 20000 },
      expect: [{ kpi: 'retention.rate', vs: BASELINE, delta: { min: -1 } }],
    });
    const { status, stderr } = await runCli(['check', file, '--iterations', '2', '--workers', '1']);
    expect(status).toBe(1);
    // Located where the file sets it, as every input problem is.
    expect(stderr).toContain(
      `${file}:4:18  /portfolio/contracts  compared with ${BASELINE}, portfolio.contracts 20000 differs from the baseline's (10000): a paired comparison needs the same book`,
    );
  });
});

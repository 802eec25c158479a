import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, ROOT, runCli } from './run-cli.ts';

const FIXTURE = path.join(ROOT, 'test/fixtures/scenarios/passing/baseline.json');
const dir = tempDir('calibrate-history');

function scenario(name: string, value: unknown): string {
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(value, null, 2) + '\n');
  return file;
}

/** The subprime roll of the world the history comes from (the default), and a wrong one to start from. */
const TRUE_ROLL = 0.3;
const WRONG_ROLL = 0.7;

describe('cyclecast calibrate --history', () => {
  it('writes a world a scenario extends, that moves a wrong default back toward the history', async () => {
    const truth = scenario('truth.json', { name: 'truth', extends: path.relative(dir, FIXTURE) });
    const wrong = scenario('wrong.json', {
      name: 'wrong',
      extends: './truth.json',
      world: { payments: { rollGivenNoCure: { subprime: WRONG_ROLL } } },
    });
    const history = path.join(dir, 'history');
    mkdirSync(history);
    const exported = await runCli([
      'portfolio',
      'export',
      truth,
      '--history',
      history,
      '--months',
      '36',
      '--from',
      '2013-01',
    ]);
    expect(exported.stderr).toContain('36 months from 2013-01');
    expect(exported.status).toBe(0);

    const out = path.join(dir, 'calibrated.json');
    const result = await runCli([
      'calibrate',
      wrong,
      '--history',
      path.join(history, 'snapshots.csv'),
      '--events',
      path.join(history, 'events.csv'),
      '--out',
      out,
      '--knobs',
      'roll-subprime',
      '--passes',
      '1',
      '--evaluations',
      '6',
      '--iterations',
      '1',
      '--seed',
      '7',
      '--format',
      'json',
    ]);
    expect(result.stderr).not.toContain('internal error');
    expect(result.status).toBe(0);
    const report = JSON.parse(result.stdout) as { fitted: { knob: string; fitted: number }[] };
    expect(report.fitted.map((f) => f.knob)).toEqual(['roll-subprime']);

    const world = JSON.parse(readFileSync(out, 'utf8')) as {
      extends: string;
      world: { payments: { rollGivenNoCure: { subprime: number | { mode: number } } } };
    };
    expect(world.extends).toBe('./wrong.json');
    const fitted = world.world.payments.rollGivenNoCure.subprime;
    const mode = typeof fitted === 'number' ? fitted : fitted.mode;
    // Fitted on another seed than the history's, so not exact: but much nearer the truth than the start.
    expect(Math.abs(mode - TRUE_ROLL)).toBeLessThan(Math.abs(WRONG_ROLL - TRUE_ROLL) / 2);

    // A challenger extends the world file: it loads and validates like any scenario.
    const child = scenario('child.json', { name: 'child', extends: './calibrated.json' });
    const validated = await runCli(['validate', child]);
    expect(validated.stderr).toBe('');
    expect(validated.status).toBe(0);
  });

  it('locates a bad history row, exits 1 and writes nothing', async () => {
    const snapshots = path.join(dir, 'bad-snapshots.csv');
    writeFileSync(
      snapshots,
      [
        'contract_id,customer_id,month,product,new_used,origination_date,maturity_date,status,days_past_due,balance,tier',
        'C1,K1,2013-01,operating-lease,new,2012-01-01,2015-01-01,current,0,1000.00,prime',
        'C1,K1,2013-02,operating-lease,new,2012-01-01,2015-01-01,current,soon,990.00,prime',
      ].join('\n') + '\n',
    );
    const out = path.join(dir, 'never.json');
    const result = await runCli(['calibrate', FIXTURE, '--history', snapshots, '--out', out]);
    expect(result.status).toBe(1);
    expect(hasStackTrace(result.stderr)).toBe(false);
    expect(result.stderr).toContain(`${snapshots}:3:`);
    expect(result.stderr).toContain('days_past_due');
    expect(existsSync(out)).toBe(false);
  });

  it('says which knobs exist when one is misspelt', async () => {
    const result = await runCli([
      'calibrate',
      FIXTURE,
      '--history',
      'snapshots.csv',
      '--out',
      path.join(dir, 'x.json'),
      '--knobs',
      'rol-subprime',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('unknown knob "rol-subprime" (did you mean "roll-subprime"');
  });
});

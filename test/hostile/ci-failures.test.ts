import { availableParallelism } from 'node:os';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/run-cli.ts';
import { tempDir } from '../temp-dir.ts';
import { cli, POLICIES, refusal, writeFiles } from './helpers.ts';

const dir = tempDir('hostile-ci');
beforeAll(async () => {
  await writeFiles(dir, {
    'scenarios/percent.json': JSON.stringify(
      { policies: POLICIES, expect: [{ kpi: 'retention.rate', mean: { min: 60 } }] },
      null,
      2,
    ),
    'scenarios/broken.json': '{ "policies": 3 }\n',
  });
});

describe('CI-friendly failures', () => {
  it('check --reporter junit --out writes a report when scenarios are invalid: each file a failed test case with its problems', async () => {
    const out = path.join(dir, 'report.xml');
    const message = refusal(
      await cli('check', path.join(dir, 'scenarios'), '--reporter', 'junit', '--out', out),
    );
    const xml = await fs.readFile(out, 'utf8');
    expect(xml).toContain('<testsuites name="cyclecast check" tests="2" failures="2" errors="0">');
    for (const file of ['broken.json', 'percent.json']) {
      expect(xml).toContain(
        `<testcase classname="invalid input" name="${path.join(dir, 'scenarios', file)} is valid"`,
      );
    }
    expect(xml).toContain(
      '/policies  invalid policies: expected an object naming one rule-set file per kind',
    );
    // The same located problems go to standard error for a person.
    expect(message).toContain(`${path.join(dir, 'scenarios/percent.json')}:`);
  });

  it('a 0–1 KPI bound written as a percentage is an error with a hint', async () => {
    const { status, stderr } = await cli('validate', path.join(dir, 'scenarios/percent.json'));
    expect(status).toBe(1);
    expect(stderr).toContain(
      '/expect/0/mean/min  invalid expect[0].mean.min: 60 is impossible for retention.rate: a 0–1 rate lies from 0 to 1 (write 0.60 for 60%)',
    );
  });

  it('--workers above the cores warns in one line on standard error', async () => {
    const cores = availableParallelism();
    const workers = String(cores + 62);
    // A missing scenario stops the run right after the warning: no pool of 64 threads is started.
    const [warning, ...rest] = refusal(await cli('run', 'no/such.json', '--workers', workers)).split('\n');
    expect(warning).toBe(
      `warning: --workers ${workers} is more than the ${cores} core${cores === 1 ? '' : 's'} here: the results are the same, but the extra workers slow the run; use --workers ${cores} or leave it out`,
    );
    expect(rest.join('\n')).toMatch(/^no\/such\.json/);
    const quiet = refusal(await cli('run', 'no/such.json', '--workers', String(cores)));
    expect(quiet).not.toContain('warning');
  });

  it('run given a rule set says so in one line', async () => {
    const message = refusal(await cli('run', path.join(ROOT, 'rules/leads/bdc.json')));
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/bdc\.json is a rule set, not a scenario: /);
  });
});

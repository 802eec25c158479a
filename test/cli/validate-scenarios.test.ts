import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, runCli } from './run-cli.ts';

const tmp = tempDir('validate');
const rules = path.resolve('rules');

/** Writes `text` under a fresh folder of `tmp`; returns the folder. */
function folder(name: string, files: Record<string, string>): string {
  const dir = path.join(tmp, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(path.join(dir, file), text);
  return dir;
}

const baseline = JSON.stringify(
  {
    name: 'baseline',
    policies: {
      engagement: `${rules}/engagement/reactive.json`,
      leads: `${rules}/leads/salesperson-prepared.json`,
      dunning: `${rules}/dunning/uniform.json`,
      remarketing: `${rules}/remarketing/three-cycle.json`,
    },
  },
  null,
  2,
);

/** The report with the temporary folder written as `<dir>`, so the lines read as in a repository. */
async function report(
  dir: string,
  args: string[],
): Promise<{ status: number | null; lines: string[]; stderr: string }> {
  const { status, stdout, stderr } = await runCli(['validate', ...args]);
  const text = (status === 0 ? stdout : stderr).replaceAll(dir, '<dir>');
  return { status, lines: text.trimEnd().split('\n'), stderr };
}

describe('cyclecast validate on scenarios', () => {
  it('accepts valid scenarios next to rule sets', async () => {
    const { status, stdout, stderr } = await runCli(['validate', 'rules', 'test/fixtures/scenarios']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/^\d+ files valid\n$/);
  });

  it('reports each class of problem on its own located line, exit 1, no stack trace', async () => {
    const dir = folder('classes', {
      'baseline.json': baseline,
      'typo.json': '{\n  "extends": "./baseline.json",\n  "portfolo": { "contracts": 300 }\n}\n',
      'types.json':
        '{\n  "extends": "./baseline.json",\n  "run": { "horizonMonths": "24" },\n  "portfolio": 300\n}\n',
      'missing-rules.json':
        '{\n  "extends": "./baseline.json",\n  "policies": { "dunning": "./dunning/segmented.json" }\n}\n',
      'cycle-a.json': '{ "extends": "./cycle-b.json" }\n',
      'cycle-b.json': '{ "extends": "./cycle-a.json" }\n',
      'kpi.json':
        '{\n  "extends": "./baseline.json",\n  "expect": [{ "kpi": "profit.nvp", "vs": "./baseline.json", "delta": { "min": 0 } }]\n}\n',
      'neither.json': '{ "title": "not a scenario" }\n',
    });
    const { status, lines, stderr } = await report(dir, [dir]);
    expect(status).toBe(1);
    expect(hasStackTrace(stderr)).toBe(false);
    expect(lines).toEqual([
      '<dir>/cycle-b.json:1:14  /extends  invalid extends: a cycle <dir>/cycle-a.json → <dir>/cycle-b.json → <dir>/cycle-a.json',
      '  reached from <dir>/cycle-a.json:1:14  /extends',
      '<dir>/cycle-a.json:1:14  /extends  invalid extends: a cycle <dir>/cycle-b.json → <dir>/cycle-a.json → <dir>/cycle-b.json',
      '  reached from <dir>/cycle-b.json:1:14  /extends',
      '<dir>/kpi.json:3:23  /expect/0/kpi  unknown KPI "profit.nvp" (did you mean "profit.npv"?)',
      '<dir>/missing-rules.json:3:28  /policies/dunning  cannot read rule set <dir>/dunning/segmented.json: no such file or directory',
      '<dir>/neither.json:1:1  /  expected a rule set (an object with "kind" and "rules") or a scenario (an object with "policies" or "extends", and optionally "portfolio", "world", "parameters", "run" and "expect"), got an object with only "title"',
      '<dir>/types.json:3:29  /run/horizonMonths  invalid run.horizonMonths: expected a whole number from 1 to 600 (months), got "24"',
      '<dir>/types.json:4:16  /portfolio  invalid portfolio: expected an object of portfolio settings, got 300',
      '<dir>/typo.json:3:15  /portfolo  unknown scenario property "portfolo": expected one of $schema, name, title, description, extends, portfolio, world, policies, parameters, run, expect (did you mean "portfolio"?)',
      '8 errors, 0 warnings in 8 files',
    ]);
  });

  it('locates a problem in a rule set a scenario names, once even when the rule set is validated too', async () => {
    const dir = folder('broken-rules', {
      'leads.json': JSON.stringify({
        kind: 'leads',
        name: 'x',
        description: 'x',
        hitPolicy: 'first',
        rules: 3,
      }),
      'scenario.json': JSON.stringify({
        extends: path.join(tmp, 'classes/baseline.json'),
        policies: { leads: './leads.json' },
      }),
    });
    writeFileSync(path.join(tmp, 'classes/baseline.json'), baseline);
    const { status, lines } = await report(dir, [
      path.join(dir, 'leads.json'),
      path.join(dir, 'scenario.json'),
    ]);
    expect(status).toBe(1);
    const ruleSetLines = lines.filter((l) => l.startsWith('<dir>/leads.json:'));
    expect(ruleSetLines.length).toBeGreaterThan(0);
    expect(new Set(ruleSetLines).size).toBe(ruleSetLines.length);
    expect(lines.filter((l) => l.startsWith('<dir>/scenario.json:'))).toEqual([
      expect.stringMatching(
        /^<dir>\/scenario\.json:1:\d+ {2}\/policies\/leads {2}rule set <dir>\/leads\.json is not valid \(see its problems\)$/,
      ),
    ]);
  });

  it('says what was expected of a file that is neither a rule set nor a scenario', async () => {
    const dir = folder('neither', { 'list.json': '[1, 2]\n' });
    const { status, lines } = await report(dir, [path.join(dir, 'list.json')]);
    expect(status).toBe(1);
    expect(lines[0]).toBe(
      '<dir>/list.json:1:1  /  expected a rule set (an object with "kind" and "rules") or a scenario (an object with "policies" or "extends", and optionally "portfolio", "world", "parameters", "run" and "expect"), got an array',
    );
  });
});

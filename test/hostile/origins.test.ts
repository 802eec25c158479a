import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { cli, POLICIES, writeFiles } from './helpers.ts';

const dir = tempDir('hostile-origins');
beforeAll(async () => {
  await writeFiles(dir, {
    'scenarios/child.json': '{\n  "name": "child",\n  "extends": "../common/base.json"\n}\n',
    'common/base.json': 'PK\u0003\u0004 not JSON at all\n',
    'scenarios/policy.json': JSON.stringify(
      { policies: { ...POLICIES, leads: '../rules/leads.json' } },
      null,
      2,
    ),
    'rules/leads.json': JSON.stringify({
      kind: 'leads',
      name: 'broken',
      description: 'd',
      hitPolicy: 'first',
      rules: [{ name: 'r', conditions: { all: [] }, event: { type: 'nonsense' } }],
    }),
  });
});

/** The lines `cyclecast validate FILE` reports, the folder's path left out. */
const validate = async (file: string) => {
  const { stdout, stderr } = await cli('validate', path.join(dir, file));
  return (stdout + stderr).replaceAll(dir + '/', '').split('\n');
};

describe('every error names where it came from', () => {
  it('a file reached through extends that is not JSON names the scenario and pointer that led there', async () => {
    const lines = await validate('scenarios/child.json');
    const at = lines.findIndex((l) => l.startsWith('common/base.json:1:1  /  invalid JSON'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('  reached from scenarios/child.json:3:14  /extends');
  });

  it('a problem in a rule set names the scenario and the policies entry that led there', async () => {
    const lines = await validate('scenarios/policy.json');
    const at = lines.findIndex((l) => l.startsWith('rules/leads.json:') && l.includes('/rules/0/event/type'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toMatch(/^ {2}reached from scenarios\/policy\.json:\d+:\d+ {2}\/policies\/leads$/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { hasStackTrace, runCli } from './run-cli.ts';

const tmp = tempDir('cli');
const write = (name: string, text: string) => {
  const file = path.join(tmp, name);
  writeFileSync(file, text);
  return file;
};

describe('cyclecast facts', () => {
  it('lists every fact with its type and enum values, and every action with its parameters, as JSON', async () => {
    const { status, stdout } = await runCli(['facts', '--json']);
    expect(status).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json.kinds)).toEqual(['engagement', 'leads', 'dunning', 'remarketing']);
    const segment = json.kinds.dunning.facts.find((f: { name: string }) => f.name === 'segment');
    expect(segment).toMatchObject({ type: 'enum', values: ['reliable', 'occasional', 'habitual-late'] });
    const route = json.kinds.leads.actions.find((a: { type: string }) => a.type === 'route');
    expect(route.params.map((p: { name: string }) => p.name)).toEqual([
      'handler',
      'responseMinutes',
      'maxAttempts',
      'prepareFirst',
    ]);
  });
  it('prints one kind for people, and rejects an unknown kind with a suggestion', async () => {
    const ok = await runCli(['facts', 'leads']);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('responseMinutes');
    expect(ok.stdout).not.toContain('daysPastDue');
    const bad = await runCli(['facts', 'dunnig']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('invalid policy kind "dunnig"');
    expect(bad.stderr).toContain('did you mean "dunning"');
  });
});

describe('cyclecast validate', () => {
  it('accepts every shipped rule set', async () => {
    const { status, stdout, stderr } = await runCli(['validate', 'rules']);
    expect(stderr).toBe('');
    expect(status).toBe(0);
    expect(stdout).toMatch(/\d+ files valid/);
  });
  it('locates a JSON syntax error by line and column, exit 1, no stack trace', async () => {
    const file = write('broken.json', '{\n  "kind": "leads",\n  "rules": [\n}\n');
    const { status, stderr } = await runCli(['validate', file]);
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:4:1  `));
    expect(hasStackTrace(stderr)).toBe(false);
  });
  it('says so when a folder holds nothing to validate, rather than passing', async () => {
    const empty = mkdtempSync(path.join(tmp, 'empty-'));
    const { status, stderr } = await runCli(['validate', empty]);
    expect(status).toBe(1);
    expect(stderr).toContain('nothing to validate');
  });
  it('reports a missing file plainly', async () => {
    const { status, stderr } = await runCli(['validate', path.join(tmp, 'nope.json')]);
    expect(status).toBe(1);
    expect(stderr).toContain('no such file or directory');
    expect(hasStackTrace(stderr)).toBe(false);
  });
});

describe('cyclecast rules eval', () => {
  const ruleSet = write(
    'window.json',
    JSON.stringify({
      kind: 'engagement',
      name: 'window',
      description: 'contact inside a window',
      hitPolicy: 'first',
      parameters: { windowStart: { type: 'integer', default: 18, unit: 'months' } },
      rules: [
        {
          name: 'in-window',
          priority: 2,
          conditions: {
            all: [{ fact: 'monthsToEnd', operator: 'lessThanInclusive', value: { fact: 'windowStart' } }],
          },
          event: { type: 'contact', params: { channel: 'phone', offer: 'early-upgrade' } },
        },
        { name: 'otherwise', priority: 1, conditions: { all: [] }, event: { type: 'none' } },
      ],
    }),
  );
  const lines = [
    '{"monthsToEnd": 12}',
    '{"monthsToEnd": 30}',
    '{"monthsToEnd": "soon"}',
    '{"monthsToEnd": 30, "windowStart": 36}',
  ].join('\n');

  it('gives the same line per input with the compiled and the reference engine, bad lines as errors', async () => {
    const compiled = await runCli(['rules', 'eval', ruleSet, '--engine', 'compiled'], lines);
    const reference = await runCli(['rules', 'eval', ruleSet, '--engine', 'reference'], lines);
    expect(compiled.stdout).toBe(reference.stdout);
    const out = compiled.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(out[0].events.map((e: { type: string }) => e.type)).toEqual(['contact', 'none']);
    expect(out[1].events.map((e: { type: string }) => e.type)).toEqual(['none']);
    expect(out[2].error).toMatch(/line 3: .*monthsToEnd/);
    expect(out[3].events.map((e: { type: string }) => e.type)).toEqual(['contact', 'none']);
    expect(compiled.status).toBe(1);
    expect(hasStackTrace(compiled.stderr)).toBe(false);
  });
  it('refuses an invalid rule set with located problems', async () => {
    const bad = write(
      'bad.json',
      JSON.stringify(
        {
          kind: 'engagement',
          name: 'x',
          description: 'x',
          hitPolicy: 'first',
          rules: [
            {
              name: 'r',
              conditions: { all: [{ fact: 'monthsToEn', operator: 'equal', value: 1 }] },
              event: { type: 'none' },
            },
          ],
        },
        null,
        2,
      ),
    );
    const { status, stderr } = await runCli(['rules', 'eval', bad], '{}');
    expect(status).toBe(1);
    expect(stderr).toContain('/rules/0/conditions/all/0/fact');
    expect(stderr).toContain('monthsToEnd');
    expect(hasStackTrace(stderr)).toBe(false);
  });
});

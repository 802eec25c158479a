import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../temp-dir.ts';
import { cli, refusal, writeFiles } from './helpers.ts';

const header = { kind: 'engagement', name: 't', description: 'd', hitPolicy: 'first' };
const inWindow = { fact: 'monthsToEnd', operator: 'lessThanInclusive', value: 6 };

const dir = tempDir('hostile-engines');
beforeAll(async () => {
  await writeFiles(dir, {
    'unnamed.json': JSON.stringify(
      {
        ...header,
        conditions: { '': { all: [inWindow] } },
        rules: [{ name: 'r', conditions: { condition: '' }, event: { type: 'none' } }],
      },
      null,
      2,
    ),
    // Both engines read 1e21 as priority 1 ("1e+21"), so "narrow" (priority 2) decides first and
    // "broad" still decides whenever "narrow" does not fire: it is not shadowed.
    'exponent.json': JSON.stringify(
      {
        ...header,
        rules: [
          { name: 'broad', priority: 1e21, conditions: { all: [inWindow] }, event: { type: 'none' } },
          {
            name: 'narrow',
            priority: 2,
            conditions: { all: [{ fact: 'monthsToEnd', operator: 'lessThanInclusive', value: 3 }] },
            event: { type: 'none' },
          },
        ],
      },
      null,
      2,
    ),
    'facts.ndjson': '{"monthsToEnd": 2}\n{"monthsToEnd": 5}\n',
  });
});

describe('validate = engines', () => {
  it('refuses a shared condition named "" at its key, and rules eval says so rather than failing inside json-rules-engine', async () => {
    const { status, stderr } = await cli('validate', path.join(dir, 'unnamed.json'));
    expect(status).toBe(1);
    expect(stderr.replaceAll(dir + '/', '')).toContain(
      'unnamed.json:7:5  /conditions/  invalid condition name "": expected a non-empty name (json-rules-engine refuses a shared condition without a name)',
    );
    const message = refusal(
      await cli(
        'rules',
        'eval',
        path.join(dir, 'unnamed.json'),
        '--facts',
        path.join(dir, 'facts.ndjson'),
        '--engine',
        'reference',
      ),
    );
    expect(message).toContain('invalid condition name ""');
  });

  it('computes warnings on the priority the engines use: 1e21 counts as 1', async () => {
    const validated = await cli('validate', '--strict', path.join(dir, 'exponent.json'));
    const output = validated.stdout + validated.stderr;
    expect(output).not.toContain('never decides');
    expect(output).toContain('warning: priority 1e+21 counts as 1');
    const run = async (engine: string) => {
      const evaluated = await cli(
        'rules',
        'eval',
        path.join(dir, 'exponent.json'),
        '--facts',
        path.join(dir, 'facts.ndjson'),
        '--engine',
        engine,
      );
      expect(evaluated.status, evaluated.stderr).toBe(0);
      return evaluated.stdout.split('\n');
    };
    const compiled = await run('compiled');
    expect(compiled).toEqual(await run('reference'));
    // monthsToEnd 2: both fire, "narrow" (priority 2) first.
    expect(JSON.parse(compiled[0]!).events).toEqual([{ type: 'none' }, { type: 'none' }]);
  });
});

import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { MAX_INPUT_BYTES } from '../../engine/cli/io.ts';
import { suggest } from '../../engine/json/suggest.ts';
import { tempDir } from '../temp-dir.ts';
import { cli, makeFifo, POLICIES, refusal, writeFiles } from './helpers.ts';

/** A name of 4 MB: before the did-you-mean distance had a cut-off, validating it took 25 s. */
const HUGE = 'x'.repeat(4_000_000);

const dir = tempDir('hostile-bounded');

/** `cyclecast validate FILE…` in process: its report and exit code. */
async function validate(...files: string[]): Promise<{ output: string; exitCode: number | null }> {
  const { status, stdout, stderr } = await cli('validate', ...files);
  return { output: stdout + stderr, exitCode: status };
}

beforeAll(async () => {
  await writeFiles(dir, {
    'huge-key.json': JSON.stringify({ policies: POLICIES, [HUGE]: 1 }),
    'huge-fact.json': JSON.stringify({
      kind: 'engagement',
      name: 'huge fact',
      description: 'd',
      hitPolicy: 'first',
      rules: [
        {
          name: 'r',
          conditions: { all: [{ fact: HUGE, operator: 'equal', value: 1 }] },
          event: { type: 'none' },
        },
      ],
    }),
    'via-fifo.json': JSON.stringify({ extends: 'pipe.json' }),
    'via-zero.json': JSON.stringify({ extends: '/dev/zero' }),
    'via-folder.json': JSON.stringify({ policies: { ...POLICIES, dunning: 'a-folder' } }),
    'via-huge.json': JSON.stringify({ extends: 'huge.json' }),
    'long-path.json': JSON.stringify({ extends: HUGE }),
  });
  makeFifo(path.join(dir, 'pipe.json'));
  await fs.mkdir(path.join(dir, 'a-folder'));
  // A sparse file: one byte over the limit, no disk used.
  const huge = await fs.open(path.join(dir, 'huge.json'), 'w');
  await huge.truncate(MAX_INPUT_BYTES + 1);
  await huge.close();
});

describe('bounded work on any input', () => {
  it('suggests nothing for a name of megabytes, at once', () => {
    const started = performance.now();
    expect(suggest(HUGE, ['monthsToEnd', 'channel'])).toEqual([]);
    expect(suggest('chanel', ['channel', 'x'.repeat(1000)])).toEqual(['channel']);
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('validates a scenario with a 4 MB unknown key in seconds, quoting 60 characters of it', async () => {
    const started = performance.now();
    const { output, exitCode } = await validate(path.join(dir, 'huge-key.json'));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(exitCode).toBe(1);
    expect(output).toMatch(/unknown scenario property "x{50,60}…: expected one of/);
    expect(output.length).toBeLessThan(2_000);
  });

  it('validates a rule set with a 4 MB unknown fact in seconds, quoting 60 characters of it', async () => {
    const started = performance.now();
    const { output, exitCode } = await validate(path.join(dir, 'huge-fact.json'));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(exitCode).toBe(1);
    expect(output).toMatch(/unknown fact "x{50,60}… for engagement rules/);
    expect(output.length).toBeLessThan(2_000);
  });

  it('names a path of megabytes by its first 60 characters', async () => {
    const { output, exitCode } = await validate(path.join(dir, 'long-path.json'));
    expect(exitCode).toBe(1);
    expect(output).toMatch(/\/extends {2}cannot read scenario .*x…: the path is too long\n/);
    expect(output.length).toBeLessThan(2_000);
  });

  it('refuses a FIFO, a device, a folder and a file over the limit where a scenario names a file, without opening it', async () => {
    const files = ['via-fifo.json', 'via-zero.json', 'via-folder.json', 'via-huge.json'];
    const { output, exitCode } = await validate(...files.map((f) => path.join(dir, f)));
    expect(exitCode).toBe(1);
    const lines = output.replaceAll(dir, '<dir>').split('\n');
    expect(lines).toContain(
      '<dir>/via-fifo.json:1:12  /extends  cannot read scenario <dir>/pipe.json: is a named pipe (FIFO), expected a regular file',
    );
    expect(lines).toContain(
      '<dir>/via-zero.json:1:12  /extends  cannot read scenario /dev/zero: is a character device, expected a regular file',
    );
    expect(
      lines.some((l) =>
        /via-folder.json:\d+:\d+ {2}\/policies\/dunning {2}cannot read rule set <dir>\/a-folder: is a directory, expected a regular file/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(lines).toContain(
      '<dir>/via-huge.json:1:12  /extends  cannot read scenario <dir>/huge.json: is larger than the limit of 256 MiB for an input file (268435457 bytes)',
    );
  });

  it('refuses a FIFO or a folder named on the command line, and as --facts, in plain words', async () => {
    // validate goes on with the other files: the FIFO is one more located problem.
    const { output, exitCode } = await validate(path.join(dir, 'pipe.json'), POLICIES.leads);
    expect(exitCode).toBe(1);
    expect(output).toBe(
      `${path.join(dir, 'pipe.json')}:1:1  /  cannot read: is a named pipe (FIFO), expected a regular file\n1 error, 0 warnings in 2 files\n`,
    );
    // rules eval refuses before it evaluates a line: nothing on standard output (refusal checks it).
    const evalWith = async (facts: string) =>
      refusal(await cli('rules', 'eval', POLICIES.engagement, '--facts', facts));
    expect(await evalWith(path.join(dir, 'pipe.json'))).toMatch(
      /pipe\.json: is a named pipe \(FIFO\), expected a regular file$/,
    );
    expect(await evalWith(path.join(dir, 'a-folder'))).toMatch(
      /a-folder: is a directory, expected a regular file$/,
    );
    expect(await evalWith('/dev/zero')).toBe('/dev/zero: is a character device, expected a regular file');
  });
});

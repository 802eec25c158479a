import { promises as fs } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../engine/cli/errors.ts';
import { writeAtomic } from '../../engine/cli/io.ts';
import { tempDir } from '../temp-dir.ts';
import { cli, makeFifo, refusal } from './helpers.ts';

const dir = tempDir('hostile-outputs');
beforeAll(() => {
  makeFifo(path.join(dir, 'pipe'));
});

/** A scenario that does not exist: a command that checks --out first never gets to it. */
const NO_SCENARIO = 'no/such/scenario.json';

describe('outputs that cannot harm', () => {
  it('checks --out before any work: a missing folder fails before the scenario is even read', async () => {
    const out = path.join(dir, 'typo', 'result.json');
    const expected = `invalid --out ${out}: the folder ${path.dirname(out)} does not exist; create it first (mkdir -p ${path.dirname(out)}) or check the path`;
    expect(refusal(await cli('run', NO_SCENARIO, '--out', out))).toBe(expected);
    expect(refusal(await cli('check', NO_SCENARIO, '--out', out))).toBe(expected);
    expect(refusal(await cli('merge', NO_SCENARIO, '--out', out))).toBe(expected);
  });

  it('refuses an --out that is a device, a FIFO or a folder, and leaves it as it was', async () => {
    for (const [out, what] of [
      ['/dev/null', 'a character device'],
      [path.join(dir, 'pipe'), 'a named pipe (FIFO)'],
      [dir, 'a directory'],
    ] as const) {
      expect(refusal(await cli('run', NO_SCENARIO, '--out', out))).toBe(
        `invalid --out ${out}: it is ${what}; expected a regular file or a path that does not exist yet`,
      );
    }
    expect((await fs.stat('/dev/null')).isCharacterDevice()).toBe(true);
    expect((await fs.stat(path.join(dir, 'pipe'))).isFIFO()).toBe(true);
  });

  it('never renames over anything but a regular file, even one that appeared after the check', async () => {
    const target = makeFifo(path.join(dir, 'appeared'));
    const error: unknown = await writeAtomic(target, 'result\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toBe(
      `${target}: cannot write: it is a named pipe (FIFO); only a regular file is replaced`,
    );
    expect((await fs.stat(target)).isFIFO()).toBe(true);
    // The temporary file is gone too.
    expect((await fs.readdir(dir)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // A regular file is replaced whole.
    const file = path.join(dir, 'result.txt');
    await fs.writeFile(file, 'old\n');
    await writeAtomic(file, 'new\n');
    expect(await fs.readFile(file, 'utf8')).toBe('new\n');
  });
});

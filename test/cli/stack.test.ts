import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { constTopLevel } from '../../bin/build-cli.js';
import { locatedStack } from '../../engine/cli/stack.ts';
import { tempDir } from '../temp-dir.ts';

const dir = tempDir('stack');

describe('locatedStack', () => {
  it('names the TypeScript line of a frame in a compiled file with a source map beside it', async () => {
    const source = join(dir, 'fails.ts');
    writeFileSync(
      source,
      'export function fails(): never {\n  const why: string = "no";\n  throw new Error(why);\n}\n',
    );
    await build({
      entryPoints: [source],
      outfile: join(dir, 'fails.js'),
      format: 'esm',
      sourcemap: true,
      logLevel: 'silent',
    });
    // In a plain Node process, as the built CLI runs: the test runner would transform the import.
    const stack = execFileSync(process.execPath, [
      '--input-type=module',
      '-e',
      `import { fails } from '${pathToFileURL(join(dir, 'fails.js')).href}';\n` +
        'try { fails(); } catch (error) { process.stdout.write(error.stack); }',
    ]).toString();
    expect(stack).toMatch(/fails\.js:\d+:\d+/);
    const located = locatedStack(stack);
    expect(located).toContain(`${source}:3:9`);
    expect(located).not.toMatch(/fails\.js:\d+:\d+/);
    // Frames without a map (the test runner's, Node's) are left as they were.
    expect(located.split('\n').length).toBe(stack.split('\n').length);
  });

  it('leaves a stack without compiled positions as it is', () => {
    const stack = 'Error: x\n    at f (node:internal/x:1:2)\n    at g (/nowhere/y.js:3:4)';
    expect(locatedStack(stack)).toBe(stack);
  });
});

describe('constTopLevel (bin/build-cli.js)', () => {
  it('turns a bundle’s top-level var back into const, unless a source declares the name with let or var', () => {
    const bundle =
      'var LN2 = 0.69;\nvar Ledger = class {\n};\nvar exp2 = 1;\nvar state = 0;\nvar state2 = 0;\nvar later;\n  var inner = 1;\n';
    expect(constTopLevel(bundle, new Set(['state']))).toBe(
      'const LN2 = 0.69;\nconst Ledger = class {\n};\nconst exp2 = 1;\nvar state = 0;\nvar state2 = 0;\nvar later;\n  var inner = 1;\n',
    );
  });
});

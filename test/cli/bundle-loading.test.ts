import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// What a worker thread and `cyclecast run` load with their code (the bundles in dist/, which the lane
// builds first). Node loads CommonJS one file after another, and some built-in modules cost
// milliseconds each; loading them was most of what a worker spent before it simulated
// (BENCHMARKS.md, Startup).

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Imports a bundle in a fresh process: the CommonJS files and the built-in modules it loaded. */
function loadedBy(bundle: string): { commonJs: string[]; builtins: string[] } {
  const script = `
    import { createRequire } from 'node:module';
    await import(${JSON.stringify(`./${bundle}`)});
    const commonJs = Object.keys(createRequire(process.cwd() + '/').cache);
    const builtins = process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13));
    process.stdout.write(JSON.stringify({ commonJs, builtins }));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
    cwd: repo,
    encoding: 'utf8',
  });
  expect(child.stderr).toBe('');
  return JSON.parse(child.stdout) as { commonJs: string[]; builtins: string[] };
}

const costly = (builtins: readonly string[]) =>
  builtins.filter((name) => ['crypto', 'zlib', 'child_process'].includes(name));

describe('the CLI bundles', () => {
  it("a worker thread's bundle loads no CommonJS (seedrandom's alea is bundled) and no costly built-in", () => {
    const loaded = loadedBy('dist/cli/worker.js');
    expect(loaded.commonJs).toEqual([]);
    expect(costly(loaded.builtins)).toEqual([]);
  });

  it("the run command's code loads no CommonJS (jsonc-parser's ES build is bundled) and no costly built-in", () => {
    const loaded = loadedBy('dist/cli/run.js');
    expect(loaded.commonJs).toEqual([]);
    expect(costly(loaded.builtins)).toEqual([]);
  });
});

import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

// bin/cyclecast.js runs the modules compiled into dist/. These run it in a copy of the checkout, so that building,
// editing and removing esbuild there cannot disturb the tests that run the repository's own dist/.

const repo = fileURLToPath(new URL('../../', import.meta.url));
const copies: string[] = [];

/** A checkout with bin/, engine/ and package.json but no dist/; node_modules without `omit`. */
function checkout(omit: readonly string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'cyclecast-build-'));
  copies.push(root);
  for (const part of ['bin', 'engine', 'package.json', 'tsconfig.json'])
    cpSync(join(repo, part), join(root, part), { recursive: true });
  const modules = join(root, 'node_modules');
  symlinkSync(join(repo, 'node_modules'), modules);
  if (omit.length > 0) {
    rmSync(modules);
    mkdirSync(modules);
    for (const name of readdirSync(join(repo, 'node_modules')))
      if (!omit.includes(name)) symlinkSync(join(repo, 'node_modules', name), join(modules, name));
  }
  return root;
}

const cli = (root: string, ...args: string[]) =>
  spawnSync(process.execPath, [join(root, 'bin/cyclecast.js'), ...args], { cwd: root, encoding: 'utf8' });

/** A checkout whose dist/ is built: the first test's, once it is done, or else one built now. */
let built: string | undefined;
function builtCheckout(): string {
  if (built === undefined) {
    built = checkout();
    expect(cli(built, 'facts').status).toBe(0);
  }
  return built;
}

afterAll(() => {
  for (const root of copies) rmSync(root, { recursive: true, force: true });
});

describe('bin/cyclecast.js', () => {
  it('builds dist/ when it is missing, and rebuilds it when a source changes', () => {
    const root = checkout();
    const first = cli(root, 'facts', 'leads');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('leads');
    expect(readdirSync(join(root, 'dist/engine/sim/pool'))).toEqual(
      expect.arrayContaining(['node-pool.js', 'worker.js']),
    );

    const program = join(root, 'engine/cli/program.ts');
    const description = 'list the facts and actions each policy kind can use';
    writeFileSync(program, readFileSync(program, 'utf8').replace(description, 'the edited description'));
    const edited = cli(root, '--help');
    expect(edited.status, edited.stderr).toBe(0);
    expect(edited.stdout).toContain('the edited description');
    expect(edited.stderr).toBe('');
    // Built and up to date: the next test breaks a source of it (a build costs a second of CPU).
    built = root;
  });

  it('shows where a source does not compile, rather than running a stale build', () => {
    const root = builtCheckout();
    expect(cli(root, 'facts').status).toBe(0);
    const main = join(root, 'engine/cli/main.ts');
    writeFileSync(main, `${readFileSync(main, 'utf8')}\nconst = 1;\n`);
    const result = cli(root, 'facts');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/engine\/cli\/main\.ts:\d+:\d+/);
    expect(result.stderr).toContain(
      'engine/cli/main.ts has changed since dist/ was built, and building it failed',
    );
  });

  it('says how to build the CLI when dist/ is missing and esbuild is not installed', () => {
    const root = checkout(['esbuild', '@esbuild', '.bin']);
    const result = cli(root, 'facts');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain('the CLI is not built (dist/ is missing)');
    expect(result.stderr).toContain('esbuild, which builds it, is not installed');
    expect(result.stderr).toContain('npm install');
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

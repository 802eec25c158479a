import { configDefaults, defineConfig } from 'vitest/config';

/*
 * Lanes, each a project (`vitest run --project NAME`); `vitest run` runs them all:
 * - unit: the engine's unit and property tests and the workbench's logic, in process (`npm run test:fast`);
 * - cli: the CLI in process, and the few tests of the `cyclecast` process itself (process.test.ts);
 * - bench: the benchmark harness's handwritten mirrors and a smoke test (the benchmark is `npm run bench`);
 * - e2e: Chromium (skipped, with the reason printed, where /usr/bin/chromium is absent).
 */
const CLI = 'test/cli';
const BENCH = 'test/bench';
const E2E = 'test/e2e';
const lane = (name: string, dir: string, globalSetup: string[] = []) => ({
  extends: true as const,
  test: { name, include: [`${dir}/**/*.test.ts`], globalSetup },
});

export default defineConfig({
  test: {
    testTimeout: 60_000,
    // Set-up hooks simulate too (test/sim/shard.test.ts's beforeAll): the default 10 s timed out at a
    // load average of 25.
    hookTimeout: 60_000,
    // Measured on the 2-core machine (unit lane, 70 files): threads 53.6 CPU-s, threads without
    // isolation 36.2, forks without isolation 37.3; two workers instead of the default one (cores − 1)
    // 40.4 CPU-s. No test file relies on a fresh module graph (mocks are restored), so the files share
    // one: each engine module is loaded once per worker, not once per file.
    pool: 'threads',
    isolate: false,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          // web/**: the workbench's component and controller logic, tested in Node (rendering is
          // covered in Chromium by test/e2e).
          include: ['test/**/*.test.ts', 'web/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...[CLI, BENCH, E2E].map((dir) => `${dir}/**`)],
        },
      },
      // Tests that spawn the CLI run dist/: the lane builds it from the current source first. The other
      // lanes run the engine from source (the bench's children build what they run, test/bench/child.ts).
      lane('cli', CLI, ['test/setup/build-cli.ts']),
      lane('bench', BENCH),
      // The workbench is built once for the lane's files (test/setup/build-workbench.ts).
      lane('e2e', E2E, ['test/setup/build-workbench.ts']),
    ],
  },
});

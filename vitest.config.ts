import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // web/**: the workbench's component and controller logic, tested in Node (rendering is covered
    // in Chromium by test/e2e).
    include: ['test/**/*.test.ts', 'web/**/*.test.ts'],
    testTimeout: 60_000,
    pool: 'threads',
    // Tests that spawn the CLI run dist/: build it from the current source first.
    globalSetup: ['test/setup/build-cli.ts'],
  },
});

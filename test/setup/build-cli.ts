/**
 * Vitest global setup: builds the CLI into dist/ once before any test file runs, so every test that
 * spawns `node bin/cyclecast.js` runs the current source, and parallel test files do not each find the
 * build stale and rebuild it.
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  execFileSync(process.execPath, ['bin/build-cli.js'], {
    cwd: fileURLToPath(new URL('../../', import.meta.url)),
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

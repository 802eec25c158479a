#!/usr/bin/env node
// Runs the CLI that bin/build-cli.js compiles into dist/ (`npm install` builds it). In a checkout where a
// source has changed since that build, it rebuilds first (a fraction of a second), so a command always
// runs the current source.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { INPUTS_FILE } from './dist-inputs.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Why dist/ does not match the sources (missing, or the first changed source), or null when it does. */
function staleness() {
  let build;
  try {
    build = JSON.parse(readFileSync(INPUTS_FILE, 'utf8'));
  } catch {
    return 'the CLI is not built (dist/ is missing)';
  }
  // A dist/ built before the CLI was bundled has no dist/cli/.
  if (!existsSync(new URL('../dist/cli/main.js', import.meta.url)))
    return 'the CLI is not bundled (dist/cli/ is missing)';
  for (const input of [...build.inputs, 'bin/build-cli.js']) {
    let modified;
    try {
      modified = statSync(root + input).mtimeMs;
    } catch {
      return `${input}, which the build in dist/ contains, is gone`;
    }
    if (modified > build.builtAt) return `${input} has changed since dist/ was built`;
  }
  return null;
}

const stale = staleness();
if (stale !== null) {
  try {
    const { buildCli } = await import('./build-cli.js');
    await buildCli();
  } catch (error) {
    const missing = error?.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes("'esbuild'");
    const why = missing
      ? 'esbuild, which builds it, is not installed'
      : Array.isArray(error?.errors) // esbuild has printed its located errors already
        ? 'building it failed (see above)'
        : `building it failed: ${error instanceof Error ? error.message : String(error)}`;
    process.stderr.write(
      `cyclecast: ${stale}, and ${why}.\nRun \`npm install\` (or \`npm run build:cli\`) in ${root}\n`,
    );
    process.exit(2);
  }
}

// Source maps stay off: switched on, Node would read every bundle's map as it loads it (about 40 ms of
// CPU). An internal error's stack is located in the .ts sources when it is printed (engine/cli/stack.ts).
const { tuneV8ForSimulation } = await import('../dist/cli/v8-tuning.js');
tuneV8ForSimulation();
await import('../dist/cli/main.js');

#!/usr/bin/env node
// Bundles the CLI and its worker-pool worker into dist/ (npm run build:cli; `npm install` runs it as
// `prepare`). The bundles keep npm packages external: node_modules still provides them at run time.
// bin/cyclecast.js rebuilds through buildCli() when a source listed in dist/inputs.json has changed.
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** dist/inputs.json: what bin/cyclecast.js compares with the sources to tell a stale build. */
export const INPUTS_FILE = join(root, 'dist', 'inputs.json');

/**
 * Bundles each entry (output name → repository-relative source) into dist/ as an ES module for Node 20,
 * with its source map; npm packages stay imports. `overrides` are further esbuild options.
 * @returns esbuild's result.
 */
export async function bundle(entryPoints, overrides = {}) {
  // esbuild is a devDependency: imported here, so that running a built CLI never needs it.
  const { build } = await import('esbuild');
  return build({
    absWorkingDir: root,
    entryPoints,
    outdir: 'dist',
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    logLevel: 'warning',
    ...overrides,
  });
}

/**
 * Writes dist/cli.js (the CLI), dist/worker-chunk.js (the pool's chunk handler), dist/v8-tuning.js,
 * their source maps, dist/worker.js (the worker thread's entry) and dist/inputs.json. Every file is
 * written to a temporary name and renamed, so a CLI started during a build never reads half a file.
 * @returns the repository-relative sources bundled.
 */
export async function buildCli() {
  const started = Date.now();
  const result = await bundle(
    {
      cli: 'engine/cli/main.ts',
      'worker-chunk': 'engine/sim/pool/worker-chunk.ts',
      'v8-tuning': 'engine/sim/pool/v8-tuning.ts',
    },
    { metafile: true, write: false },
  );
  const inputs = Object.keys(result.metafile.inputs).sort();
  const files = [
    ...result.outputFiles.map((file) => ({ path: file.path, contents: file.contents })),
    {
      // The pool resolves ./worker.js next to the bundled node-pool code. Source maps are switched on
      // before the chunk handler loads, so an internal error in a worker points at the .ts lines.
      path: join(root, 'dist', 'worker.js'),
      contents:
        '// Entry of a Node worker thread of the built CLI (written by bin/build-cli.js).\n' +
        'process.setSourceMapsEnabled(true);\n' +
        "const { handleChunk } = await import('./worker-chunk.js');\n" +
        'export default handleChunk;\n',
    },
    { path: INPUTS_FILE, contents: JSON.stringify({ builtAt: started, inputs }, null, 2) + '\n' },
  ];
  for (const { path, contents } of files) {
    mkdirSync(dirname(path), { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, contents);
    renameSync(temporary, path);
  }
  return inputs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const inputs = await buildCli();
  process.stdout.write(
    `built ${relative(process.cwd(), join(root, 'dist')) || '.'}/ from ${inputs.length} sources\n`,
  );
}

#!/usr/bin/env node
// Compiles the CLI and its worker-pool worker into dist/ (npm run build:cli; `npm install` runs it as
// `prepare`): every engine/**/*.ts becomes dist/engine/**/*.js, one ES module per source file, with its
// source map; npm packages stay imports that node_modules provides at run time. One module per file
// rather than one bundle: the simulation ran about 10% slower as a single bundle (measured side by
// side on 1 worker, 16 iterations of the baseline). bin/cyclecast.js rebuilds through buildCli() when
// a source listed in dist/inputs.json has changed.
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

/** dist/inputs.json: what bin/cyclecast.js compares with the sources to tell a stale build. */
export const INPUTS_FILE = join(root, 'dist', 'inputs.json');

/** Writes a file under a temporary name and renames it, so no process ever reads half of it. */
function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** `import … from "./x.ts"`, `export … from "./x.ts"`, `import("./x.ts")`: a relative TypeScript specifier. */
const RELATIVE_TS_IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)"(\.{1,2}\/[^"]+)\.ts"/g;

/**
 * Compiles every .ts file under the given repository folders (tests and declarations aside) to
 * dist/FOLDER/…/NAME.js with a source map, relative `.ts` imports rewritten to `.js`, so dist/ keeps
 * the sources' layout and their relative imports.
 * @returns the repository-relative sources compiled.
 */
export async function transpile(folders) {
  // esbuild is a devDependency: imported here, so that running a built CLI never needs it.
  const { build } = await import('esbuild');
  const inputs = folders
    .flatMap((folder) => readdirSync(join(root, folder), { recursive: true }).map((f) => join(folder, f)))
    .filter((path) => path.endsWith('.ts') && !path.endsWith('.test.ts') && !path.endsWith('.d.ts'))
    .sort();
  const result = await build({
    absWorkingDir: root,
    entryPoints: inputs,
    outbase: '.',
    outdir: 'dist',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Node 20.19 reads `import … with { type: 'json' }`; esbuild's node20 table would drop the attribute.
    supported: { 'import-attributes': true },
    sourcemap: true,
    write: false,
    logLevel: 'warning',
  });
  for (const file of result.outputFiles) {
    const text = file.path.endsWith('.js') ? file.text.replace(RELATIVE_TS_IMPORT, '$1"$2.js"') : file.text;
    writeAtomic(file.path, text);
  }
  // Data the sources import (`import … with { type: 'json' }`, e.g. engine/world/calibrated.json)
  // sits beside them in dist/ too, and counts as an input: editing it makes the build stale.
  const data = folders
    .flatMap((folder) => readdirSync(join(root, folder), { recursive: true }).map((f) => join(folder, f)))
    .filter((path) => path.endsWith('.json'))
    .sort();
  for (const path of data) writeAtomic(join(root, 'dist', path), readFileSync(join(root, path), 'utf8'));
  return [...inputs, ...data];
}

/**
 * Compiles engine/ into dist/engine/, writes dist/engine/sim/pool/worker.js (a worker thread's entry)
 * and, last, dist/inputs.json.
 * @returns the repository-relative sources compiled.
 */
export async function buildCli() {
  const started = Date.now();
  const inputs = await transpile(['engine']);
  // The pool starts ./worker.js next to its own module. Source maps are switched on before the chunk
  // handler loads, so an internal error in a worker names the .ts lines (bin/cyclecast.js does the same).
  writeAtomic(
    join(root, 'dist', 'engine', 'sim', 'pool', 'worker.js'),
    '// Entry of a Node worker thread of the built CLI (written by bin/build-cli.js).\n' +
      'process.setSourceMapsEnabled(true);\n' +
      "const { handleChunk } = await import('./worker-chunk.js');\n" +
      'export default handleChunk;\n',
  );
  writeAtomic(INPUTS_FILE, JSON.stringify({ builtAt: started, inputs }, null, 2) + '\n');
  return inputs;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const inputs = await buildCli();
  process.stdout.write(`built dist/ from ${inputs.length} sources\n`);
}

#!/usr/bin/env node
// Compiles the CLI and its worker-pool worker into dist/ (npm run build:cli; `npm install` runs it as
// `prepare`). dist/cli/ holds what `cyclecast` runs: the CLI's bundle, each command a chunk loaded when it
// runs, and a worker thread's own bundle (worker.js); npm packages stay imports that node_modules provides
// at run time, except the few BUNDLED_PACKAGES. Loading ~250 modules one file each cost about twice the
// CPU of the bundles.
// dist/engine/**/*.js keeps every source as its own module too, for the benchmarks' children.
// bin/cyclecast.js rebuilds through buildCli() when a source listed in dist/inputs.json has changed.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { INPUTS_FILE } from './dist-inputs.js';

const root = fileURLToPath(new URL('..', import.meta.url));

/** Writes a file under a temporary name and renames it, so no process ever reads half of it. */
function writeAtomic(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

/** esbuild's options for Node code, shared by the per-file compile and the CLI's bundles. */
const ESBUILD_NODE = {
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Node 20.19 reads `import … with { type: 'json' }`; esbuild's node20 table would drop the attribute.
  supported: { 'import-attributes': true },
  sourcemap: true,
  write: false,
  logLevel: 'warning',
};

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
    ...ESBUILD_NODE,
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

/** Where the CLI's bundles go: bin/cyclecast.js runs dist/cli/main.js. */
const BUNDLE_DIR = join(root, 'dist', 'cli');

/**
 * npm packages stay imports that node_modules provides, except three that Node would load as CommonJS,
 * one file after another: seedrandom's alea (one small function, which each worker thread loads),
 * jsonc-parser, of which the bundles take the ES module build (its "module", see mainFields) instead
 * of its five CommonJS files (about 12 ms of CPU), and commander, which every command loads (about 5 ms).
 */
const BUNDLED_PACKAGES = new Set(['seedrandom/lib/alea.js', 'jsonc-parser', 'commander']);

const npmPackagesExternal = {
  name: 'npm-packages-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, ({ path, kind }) =>
      kind === 'entry-point' || BUNDLED_PACKAGES.has(path) ? undefined : { external: true },
    );
  },
};

/**
 * Bundles the CLI into dist/cli/: main.js (the CLI), v8-tuning.js, run.js (`cyclecast run`'s code,
 * which the startup benchmark loads alone) and the chunks they share, and worker.js (all that a pool
 * worker runs), each with a source map that the CLI reads only to locate an internal error
 * (engine/cli/stack.ts). Top-level declarations stay `const` (see constTopLevel).
 */
async function bundleCli() {
  const { build } = await import('esbuild');
  const bundled = {
    bundle: true,
    plugins: [npmPackagesExternal],
    mainFields: ['module', 'main'],
    metafile: true,
    ...ESBUILD_NODE,
  };
  const cli = await build({
    absWorkingDir: root,
    entryPoints: {
      main: 'engine/cli/main.ts',
      'v8-tuning': 'engine/sim/pool/v8-tuning.ts',
      run: 'engine/cli/commands/simulate.ts',
    },
    splitting: true,
    outdir: BUNDLE_DIR,
    // commander's CommonJS, bundled, requires Node's built-in modules: each chunk gets a `require`.
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
    ...bundled,
  });
  // A worker thread runs one bundle of its own, ./worker.js beside the pool's chunk (where the pool
  // starts it), not chunks shared with the CLI: a thread shares no objects with the others, and Node 20
  // loads one module faster than several that hold the same code (the worker's code in 4 chunks took
  // about 1.5 ms more CPU to load than in one, in 14 chunks about 10 ms more).
  const worker = await build({
    absWorkingDir: root,
    stdin: {
      contents: "export { handleChunk as default } from './engine/sim/pool/worker-chunk.ts';",
      resolveDir: root,
      sourcefile: 'worker.ts',
      loader: 'ts',
    },
    outfile: join(BUNDLE_DIR, 'worker.js'),
    ...bundled,
  });
  const engine = readdirSync(join(root, 'dist', 'engine'), { recursive: true })
    .filter((file) => file.endsWith('.js'))
    .map((file) => join('dist', 'engine', file));
  // The bundled packages' own top-level `let`s and `var`s stay mutable too.
  const packages = [cli, worker].flatMap((result) =>
    Object.keys(result.metafile.inputs).filter((input) => input.includes('node_modules/')),
  );
  const mutable = mutableTopLevelNames([...engine, ...packages]);
  const written = new Set();
  for (const file of [...cli.outputFiles, ...worker.outputFiles]) {
    writeAtomic(file.path, file.path.endsWith('.js') ? constTopLevel(file.text, mutable) : file.text);
    written.add(file.path);
  }
  // Chunks are named by their contents: drop the previous build's.
  for (const name of readdirSync(BUNDLE_DIR)) {
    if (!written.has(join(BUNDLE_DIR, name))) rmSync(join(BUNDLE_DIR, name), { force: true });
  }
}

/**
 * The names that some engine source (read from the one-module-per-file output in dist/engine/, which
 * keeps the sources' declarations) or bundled package file declares at its top level with `let` or
 * `var`; the files as paths relative to the repository.
 */
function mutableTopLevelNames(files) {
  const names = new Set();
  for (const file of files) {
    const text = readFileSync(join(root, file), 'utf8');
    for (const [, name] of text.matchAll(/^(?:export )?(?:let|var) ([\w$]+)/gm)) names.add(name);
  }
  return names;
}

/**
 * esbuild turns every top-level `const` and `class` of a bundle into `var`. V8 compiles a function
 * against its module's context and folds the module's `const` bindings into the optimised code
 * (the constants of engine/math/exp-log.ts, the shared buffers of engine/math/bits.ts, the classes
 * the steps construct), but not a `var`'s, which may change: the bundle simulated about 10% slower,
 * most of it in more garbage collection, until its declarations were `const` again. A `var NAME = …`
 * becomes `const` unless NAME, or NAME without trailing digits (esbuild renames a clashing name by
 * appending a number), is declared with `let` or `var` in some source; every other top-level
 * declaration of the sources is a `const` or `class`, which TypeScript never lets be assigned.
 */
export function constTopLevel(text, mutable) {
  return text.replace(/^var ([\w$]+) = /gm, (declaration, name) => {
    for (let original = name; ; original = original.slice(0, -1)) {
      if (mutable.has(original)) return declaration;
      if (!/\d$/.test(original)) return `const ${name} = `;
    }
  });
}

/**
 * Compiles engine/ into dist/engine/ and writes dist/engine/sim/pool/worker.js (a worker thread's
 * entry), bundles the CLI into dist/cli/, and, last, writes dist/inputs.json.
 * @returns the repository-relative sources compiled.
 */
export async function buildCli() {
  const started = Date.now();
  const inputs = await transpile(['engine']);
  await bundleCli();
  // The worker entry of the one-module-per-file engine, which the benchmarks' children start. Source maps
  // are switched on before the chunk handler loads, so an internal error in a worker names the .ts lines.
  writeAtomic(
    join(root, 'dist', 'engine', 'sim', 'pool', 'worker.js'),
    '// Entry of a Node worker thread of the per-file engine (written by bin/build-cli.js).\n' +
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

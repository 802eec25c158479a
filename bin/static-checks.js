#!/usr/bin/env node
// `npm run static-checks [-- --cache-dir DIR | --no-cache]`: the static checks of `npm test` in one process —
// tsc's diagnostics (as `tsc --noEmit` prints them), ESLint on `.` (as `eslint .`) and `prettier --check .`.
// Why one process: ESLint's type-aware rule (no-floating-promises) needs the same TypeScript program tsc
// builds and checks. Run apart, the program was parsed, bound and type-checked twice; here ESLint is handed
// the program tsc's pass already checked (`parserOptions.programs`), so its type queries hit the checker's
// caches. Prettier shares nothing with either, so it runs as its own process alongside, which keeps its
// exact CLI file selection and its cache. `npm run typecheck` and `npm run lint` remain for the edit loop.
//
// Caches (default node_modules/.cache/cyclecast/check): tsc's incremental build info (exact: unchanged
// files keep their diagnostics only while nothing they depend on changed), ESLint's cache (by content, as
// `npm run lint` has it) and Prettier's. `--no-cache` runs cold, as CI does after `npm ci`.
import { Buffer } from 'node:buffer';
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import ts from 'typescript';

const root = fileURLToPath(new URL('..', import.meta.url));
const require = createRequire(import.meta.url);

function parseArguments(argv) {
  let cacheDir = join(root, 'node_modules', '.cache', 'cyclecast', 'check');
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-cache') cacheDir = undefined;
    else if (argv[i] === '--cache-dir' && argv[i + 1] !== undefined) cacheDir = argv[++i];
    else {
      process.stderr.write(
        `invalid argument: ${argv[i]}\n  usage: node bin/static-checks.js [--cache-dir DIR | --no-cache]\n`,
      );
      process.exit(1);
    }
  }
  return { cacheDir };
}

/** Runs `prettier --check .` as a child process; resolves to its exit code once its output is written. */
function prettierCheck(cacheDir) {
  const args = [require.resolve('prettier/bin/prettier.cjs'), '--check', '.'];
  if (cacheDir !== undefined) args.push('--cache', '--cache-location', join(cacheDir, 'prettier'));
  const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk));
  child.stderr.on('data', (chunk) => output.push(chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      output.push(Buffer.from(`prettier could not start: ${error.message}\n`));
      resolve({ code: 1, output });
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

/**
 * Builds the program of tsconfig.json as `tsc --noEmit` does (incremental when there is a cache) and returns
 * it with its diagnostics: config, options, syntax, global and semantic, the list tsc reports.
 */
function typeCheck(cacheDir) {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
      throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
    },
  });
  const options =
    cacheDir === undefined
      ? parsed.options
      : { ...parsed.options, incremental: true, tsBuildInfoFile: join(cacheDir, 'tsc.tsbuildinfo') };
  const host = ts.createIncrementalCompilerHost(options);
  // What the tsc command line does: JSDoc is parsed only where it can produce a type error.
  host.jsDocParsingMode = ts.JSDocParsingMode.ParseForTypeErrors;
  const builder = ts.createIncrementalProgram({
    rootNames: parsed.fileNames,
    options,
    host,
    configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(parsed),
  });
  const diagnostics = [
    ...builder.getConfigFileParsingDiagnostics(),
    ...builder.getOptionsDiagnostics(),
    ...builder.getSyntacticDiagnostics(),
  ];
  if (diagnostics.length === 0) {
    diagnostics.push(...builder.getGlobalDiagnostics(), ...builder.getSemanticDiagnostics());
  }
  // With noEmit this writes the build info only.
  if (cacheDir !== undefined) builder.emit();
  return { program: builder.getProgram(), diagnostics: ts.sortAndDeduplicateDiagnostics(diagnostics) };
}

function formatTypeDiagnostics(diagnostics) {
  const host = {
    getCanonicalFileName: (fileName) =>
      ts.sys.useCaseSensitiveFileNames ? fileName : fileName.toLowerCase(),
    getCurrentDirectory: () => process.cwd(),
    getNewLine: () => ts.sys.newLine,
  };
  return process.stdout.isTTY
    ? ts.formatDiagnosticsWithColorAndContext(diagnostics, host) + ts.sys.newLine
    : ts.formatDiagnostics(diagnostics, host);
}

async function lint(program, cacheDir) {
  // Keeps ESLint's config hash (its cache key) free of the program, as `projectService: true` is.
  const programs = Object.assign([program], { toJSON: () => 'tsconfig.json' });
  const eslint = new ESLint({
    cwd: root,
    overrideConfig: [
      { files: ['**/*.ts'], languageOptions: { parserOptions: { projectService: false, programs } } },
    ],
    ...(cacheDir === undefined
      ? {}
      : { cache: true, cacheStrategy: 'content', cacheLocation: join(cacheDir, 'eslint') + '/' }),
  });
  const results = await eslint.lintFiles(['.']);
  const formatter = await eslint.loadFormatter('stylish');
  return {
    failed: results.some((result) => result.errorCount > 0 || result.fatalErrorCount > 0),
    output: await formatter.format(results),
  };
}

const { cacheDir } = parseArguments(process.argv.slice(2));
if (cacheDir !== undefined) mkdirSync(cacheDir, { recursive: true });
const prettier = prettierCheck(cacheDir);

const { program, diagnostics } = typeCheck(cacheDir);
const typeErrors = diagnostics.filter((d) => d.category === ts.DiagnosticCategory.Error).length;
if (diagnostics.length > 0) process.stdout.write(formatTypeDiagnostics(diagnostics));
if (typeErrors > 0) process.stdout.write(`tsc: ${typeErrors} error(s)\n`);

const lintResult = await lint(program, cacheDir);
if (lintResult.output) process.stdout.write(lintResult.output);

const { code: prettierCode, output: prettierOutput } = await prettier;
if (prettierCode !== 0) process.stdout.write(Buffer.concat(prettierOutput));

process.exitCode = typeErrors > 0 || lintResult.failed || prettierCode !== 0 ? 1 : 0;

import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'piscina'];

// Globals of Node or of a page: engine code runs in a Node worker and in a browser Web Worker alike.
const hostGlobals = [
  'process',
  'Buffer',
  '__dirname',
  '__filename',
  'require',
  'module',
  'global',
  'setImmediate',
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'location',
  'alert',
].map((name) => ({
  name,
  message:
    'engine/ runs in Node and in a browser worker alike: host globals belong in engine/cli or the worker pool.',
}));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'coverage/', '**/*.json'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: { console: 'readonly', process: 'readonly', URL: 'readonly' },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    // Type-aware rules: a promise nobody awaits loses its error (an unhandled rejection, or a run that
    // reports success before its output is written); tests too, where an unawaited
    // expect(...).rejects passes silently.
    files: ['**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  {
    // The workbench uses the engine through its public entry only (test/architecture/layers.test.ts
    // also checks this, with engine/cli/ and import cycles).
    files: ['web/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/engine/**', '!**/engine/index.ts'],
              message:
                'web/ imports the engine from engine/index.ts (import type for types), not from its files.',
            },
          ],
        },
      ],
    },
  },
  {
    // docs/design.md §4 "Boundaries": the engine runs unchanged in a browser worker; only the CLI and
    // the worker pool touch Node.
    files: ['engine/**/*.ts'],
    ignores: ['engine/cli/**', 'engine/sim/pool/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: nodeOnly,
              message:
                'engine/ must run in a browser worker: Node-only modules belong in engine/cli or the worker pool.',
            },
            { group: ['**/web/**', '**/cli/**'], message: 'engine/ never imports from web/ or engine/cli/.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', ...hostGlobals],
    },
  },
);

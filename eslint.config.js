import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeOnly = ['node:*', 'fs', 'path', 'os', 'child_process', 'worker_threads', 'piscina'];

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
    },
  },
);

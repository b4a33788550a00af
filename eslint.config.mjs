// Lint rules, and the import direction of DESIGN.md checked on every run:
// libs/domain imports nothing of ours; libs never import apps; adapters never import apps.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@ledger/*', '@nestjs/*', '**/apps/**', '**/event-store/**', '**/ledger/src/**'], message: 'libs/domain is pure: it imports nothing of ours and no framework.' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'better-sqlite3', 'mongodb', '@eventstore/*'], message: 'libs/domain does no I/O.' },
          ],
        },
      ],
    },
  },
  {
    files: ['libs/**/*.ts'],
    ignores: ['libs/domain/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['**/apps/**', '@ledger/api*'], message: 'libs never import apps.' }] }],
    },
  },
);

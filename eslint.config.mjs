// Lint rules, and the import direction of DESIGN.md checked on every run: libs/domain imports nothing of
// ours and does no I/O; libs never import apps; no app imports another app; store adapters never import the
// ledger lib. Import cycles are found by test/architecture/import-cycles.unit.spec.ts.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const APPS = ['ledger-api', 'projector', 'ledger-cli'];

const libsNeverImportApps = {
  group: ['**/apps/**', '@ledger/api*', ...APPS.map((app) => `**/${app}/src/**`)],
  message: 'libs never import apps: what two places share lives in a lib.',
};

const adaptersNeverImportLedger = {
  group: ['@ledger/ledger', '@ledger/ledger/*', '**/libs/ledger/**', '**/ledger/src/**'],
  message: 'A store adapter implements its port and never imports the ledger lib (arrows point inward).',
};

/** An app imports only itself and libs: neither another app's folder nor a path through apps/. */
const appRules = APPS.map((app) => ({
  files: [`apps/${app}/**/*.ts`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['**/apps/**', ...APPS.filter((other) => other !== app).map((other) => `**/${other}/**`)],
            message: 'No app imports another app: what two apps share lives in a lib.',
          },
        ],
      },
    ],
  },
}));

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
      'no-restricted-imports': ['error', { patterns: [libsNeverImportApps] }],
    },
  },
  {
    // Store adapters: the event-store and read-store drivers, and every other store (personal keys, ...).
    files: ['libs/**/{sqlite,mongodb,eventstoredb}/**/*.ts', 'libs/**/*-personal-key-store.ts', 'libs/store-support/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [libsNeverImportApps, adaptersNeverImportLedger] }],
    },
  },
  {
    // Read models are pure reducers, as the domain is: they see the plan and events, never Nest, a store or I/O.
    files: ['libs/projections/src/definitions/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            libsNeverImportApps,
            { group: ['@nestjs/*', '@ledger/ledger', '@ledger/ledger/*', '@ledger/event-store', '@ledger/event-store/*', '@ledger/read-store', '@ledger/store-support'], message: 'Read models are pure: no framework and no store.' },
            { group: ['node:*', 'fs', 'path', 'crypto', 'http', 'better-sqlite3', 'mongodb', '@eventstore/*'], message: 'Read models do no I/O.' },
          ],
        },
      ],
    },
  },
  ...appRules,
);

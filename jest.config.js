// Test tiers by file suffix: *.unit.spec.ts (pure), *.int.spec.ts (a real store), *.e2e-spec.ts (the app over HTTP).
// Type checking is done once by `npm run typecheck`; ts-jest only transpiles here, which keeps the suites fast.
const moduleNameMapper = {
  '^@ledger/domain$': '<rootDir>/libs/domain/src',
  '^@ledger/store-support$': '<rootDir>/libs/store-support/src',
  '^@ledger/domain/(.*)$': '<rootDir>/libs/domain/src/$1',
  '^@ledger/event-store$': '<rootDir>/libs/event-store/src',
  '^@ledger/event-store/(.*)$': '<rootDir>/libs/event-store/src/$1',
  '^@ledger/ledger$': '<rootDir>/libs/ledger/src',
  '^@ledger/ledger/(.*)$': '<rootDir>/libs/ledger/src/$1',
  '^@ledger/verifiable-log$': '<rootDir>/libs/verifiable-log/src',
  '^@ledger/verifiable-log/(.*)$': '<rootDir>/libs/verifiable-log/src/$1',
  '^@ledger/read-store$': '<rootDir>/libs/read-store/src',
  '^@ledger/projections$': '<rootDir>/libs/projections/src',
  '^@ledger/projections/(.*)$': '<rootDir>/libs/projections/src/$1',
};
// jose, openid-client and its oauth4webapi ship as ES modules only; jest (before Node 24.9) loads CommonJS, so
// ts-jest compiles those three packages to CommonJS too. Node itself loads them as they are.
const esmOnly = ['jose', 'openid-client', 'oauth4webapi'];
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  [`node_modules/(${esmOnly.join('|')})/.+\\.js$`]: [
    'ts-jest',
    { tsconfig: { allowJs: true, module: 'commonjs', target: 'es2022' }, diagnostics: false },
  ],
};
const transformIgnorePatterns = [`/node_modules/(?!(${esmOnly.join('|')})/)`];
const base = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleNameMapper,
  transform,
  transformIgnorePatterns,
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  // After jest's summary, every skipped test with the reason its name gives (test/jest/).
  reporters: ['default', '<rootDir>/test/jest/skip-reasons.reporter.js'],
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,apps,test}/**/*.unit.spec.ts'] },
    { ...base, displayName: 'int', testMatch: ['<rootDir>/{libs,apps,test}/**/*.int.spec.ts'] },
    // A suite starts the whole app (and some a child process or a browser): on a busy two-core machine its
    // setup alone can pass jest's default 5 s, so e2e hooks and tests get a minute.
    {
      ...base,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/jest/e2e-timeout.setup.js'],
    },
  ],
};

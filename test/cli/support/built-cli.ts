// Builds the apps once into a scratch folder (as test/e2e/ledger-cli-verifiable-log.e2e-spec.ts does) and
// runs the built ledger-cli as a child process on a given data directory.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { symlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const root = resolve(__dirname, '../../..');

export function buildApps(build: string): void {
  const bin = (name: string) => join(root, 'node_modules/.bin', name);
  execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json', '--outDir', build], { cwd: root });
  execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json', '--outDir', build], { cwd: root });
  symlinkSync(join(root, 'node_modules'), join(build, 'node_modules'));
}

export function runCli(
  build: string,
  dataDir: string,
  args: string[],
  env: Record<string, string> = {},
): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [join(build, 'apps/ledger-cli/src/main.js'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_HEAD_SIGNING_INTERVAL_MINUTES: '0',
      ...env,
    },
  });
}

import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialsFile, SqliteCredentialStore } from '@ledger/ledger';
import { credentialStoreContract } from './credential-store.contract';

const tempDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-credentials-'));
  tempDirs.push(dir);
  return join(dir, 'data');
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

credentialStoreContract('SqliteCredentialStore', async () => {
  const path = credentialsFile(dataDir());
  const store = new SqliteCredentialStore(path);
  return {
    store,
    reopen: () => Promise.resolve(new SqliteCredentialStore(path)),
    cleanup: () => store.close(),
  };
});

describe('SqliteCredentialStore', () => {
  it('lives in <dataDir>/secrets/credentials.db beside the personal keys (0600, directory 0700)', async () => {
    const dir = dataDir();
    const path = credentialsFile(dir);
    expect(path).toBe(join(dir, 'secrets', 'credentials.db'));
    const store = new SqliteCredentialStore(path);
    await store.setPassword('can-bo-01', 'scrypt$32768$8$1$c2FsdA$aGFzaA', new Date());
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(readFileSync(path).length).toBeGreaterThan(0);
    await store.close();
  });
});

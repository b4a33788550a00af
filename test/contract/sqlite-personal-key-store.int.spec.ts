import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { personalKeysFile, PersonalKeysUnavailableError, SqlitePersonalKeyStore } from '@ledger/ledger';
import { personalKeyStoreContract } from './personal-key-store.contract';

const tempDirs: string[] = [];
function dataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-personal-keys-'));
  tempDirs.push(dir);
  return join(dir, 'data');
}
afterAll(() => tempDirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

personalKeyStoreContract('SqlitePersonalKeyStore', async () => {
  const path = personalKeysFile(dataDir());
  const store = new SqlitePersonalKeyStore(path);
  return {
    store,
    reopen: () => Promise.resolve(new SqlitePersonalKeyStore(path)),
    cleanup: () => store.close(),
  };
});

describe('SqlitePersonalKeyStore', () => {
  const person = 'b-0123456789abcdef0123456789abcdef';

  it('lives in <dataDir>/secrets/personal-keys.db (0600, directory 0700), WAL, synchronous=FULL', async () => {
    const dir = dataDir();
    const path = personalKeysFile(dir);
    expect(path).toBe(join(dir, 'secrets', 'personal-keys.db'));
    const store = new SqlitePersonalKeyStore(path);
    await store.keyFor(person);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    const raw = new Database(path, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
    await store.close();
  });

  it('leaves no copy of an erased key in the file or its WAL', async () => {
    const path = personalKeysFile(dataDir());
    const store = new SqlitePersonalKeyStore(path);
    const key = await store.keyFor(person);
    await store.keyFor('b-ffffffffffffffffffffffffffffffff');
    await store.erase(person);
    const bytes = [path, `${path}-wal`].map((file) => {
      try {
        return readFileSync(file);
      } catch {
        return Buffer.alloc(0);
      }
    });
    for (const content of bytes) expect(content.includes(key)).toBe(false);
    await store.close();
  });

  it('maps a locked file to PersonalKeysUnavailableError', async () => {
    const path = personalKeysFile(dataDir());
    const store = new SqlitePersonalKeyStore(path, { busyTimeoutMs: 50 });
    await store.keyFor(person);
    const raw = new Database(path);
    raw.exec('BEGIN IMMEDIATE');
    await expect(store.keyFor('b-ffffffffffffffffffffffffffffffff')).rejects.toBeInstanceOf(
      PersonalKeysUnavailableError,
    );
    raw.exec('ROLLBACK');
    raw.close();
    await store.close();
  });
});

// The restore's file side on real SQLite files: a person erased on the record whose key an older key backup
// still holds loses it; a person not erased keeps theirs; and the target must be empty.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '@ledger/event-store';
import { PERSONAL_DATA_ERASED, personalDataStream } from '@ledger/domain';
import { SqlitePersonalKeyStore } from '../personal-data/sqlite-personal-key-store';
import { checkRestoreTarget, deleteKeys, erasedOnRecord, RestoreRefusedError } from './restore-files';

const ref = () => 'b-' + randomUUID().replace(/-/g, '');

describe('restore: keys of erased persons and the empty target', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-restore-files-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('deletes the key of every person erased on the record, and only theirs', async () => {
    const staging = join(scratch, 'staging');
    const [erased, kept] = [ref(), ref()];
    const keys = new SqlitePersonalKeyStore(join(staging, 'secrets/personal-keys.db'));
    await keys.keyFor(erased);
    await keys.keyFor(kept);
    await keys.close();
    const store = openSqliteEventStore(join(staging, 'events.db'));
    const id = randomUUID();
    await store.append(
      personalDataStream(erased),
      [
        {
          id,
          type: PERSONAL_DATA_ERASED,
          schemaVersion: 1,
          data: { personRef: erased, reason: 'a lawful request, file 21/BVDL' },
          metadata: {
            occurredAt: '2026-03-02T09:00:00+07:00',
            actor: { officer: 'quan-tri-01', agency: 'UBND-BAC-AI', role: 'admin' },
            orgUnit: 'NT-BAC-AI',
            commandId: id,
            correlationId: id,
            causationId: id,
            evidence: [],
          },
        },
      ],
      'no_stream',
    );
    await store.close();

    const onRecord = erasedOnRecord(staging);
    expect([...onRecord]).toEqual([erased]);
    expect(await deleteKeys(staging, 'secrets/personal-keys.db', onRecord)).toBe(1);
    expect(await deleteKeys(staging, 'secrets/personal-keys.db', onRecord)).toBe(0);
    const after = new SqlitePersonalKeyStore(join(staging, 'secrets/personal-keys.db'));
    expect(await after.find(erased)).toBeNull();
    expect(await after.find(kept)).not.toBeNull();
    await after.close();
  });

  it('accepts an absent or empty data directory and refuses one holding anything', () => {
    expect(() => checkRestoreTarget(join(scratch, 'absent'))).not.toThrow();
    mkdirSync(join(scratch, 'empty'));
    expect(() => checkRestoreTarget(join(scratch, 'empty'))).not.toThrow();
    mkdirSync(join(scratch, 'used'));
    writeFileSync(join(scratch, 'used', 'events.db'), '');
    expect(() => checkRestoreTarget(join(scratch, 'used'))).toThrow(RestoreRefusedError);
  });
});

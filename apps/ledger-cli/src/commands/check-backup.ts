// The offline check of a backup folder, without restoring it and without the ledger: the manifest and every
// file's size and sha256; the event store copy's hashes, chains, positions and head; the Merkle tree
// recomputed from its events against every signed head in the backup; and, given the passphrase (or private key), that the
// secrets file opens and its signing key is the one the heads were signed with.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore, verifyEventStore, type EventStore } from '@ledger/event-store';
import {
  auditLog,
  checkBackupFiles,
  openSecrets,
  readBackupTreeHeads,
  SECRETS_FILE,
  SecretsFileError,
  type AuditedEvent,
  type BackupManifest,
  type SecretFile,
  type SecretsOpener,
} from '@ledger/ledger';
import { publicKeyPemOf } from '@ledger/verifiable-log';
import { createPrivateKey } from 'node:crypto';

export interface BackupCheck {
  manifest: BackupManifest;
  problems: string[];
  /** The opened secrets, when a passphrase or private key was given and it opened them. */
  secrets: SecretFile[] | null;
}

export async function* storeEvents(store: EventStore): AsyncIterable<AuditedEvent> {
  for (let from = 1; ;) {
    const page = await store.readAll({ fromPosition: from, maxCount: 1000 });
    if (page.length === 0) return;
    for (const event of page) yield { id: event.id, position: event.position, hash: event.hash };
    from = page[page.length - 1].position + 1;
  }
}

/** Throws BackupInvalidError when the files do not match the manifest; else lists what else is wrong. */
export async function checkBackup(
  dir: string,
  opener: SecretsOpener | null,
  publicKey: string | null,
  say: (line: string) => void,
  /** Absent: the events are not checked here (restore runs the whole verify on what it restored). */
  onEvents?: (checked: number, head: number) => void,
): Promise<BackupCheck> {
  const manifest = await checkBackupFiles(dir, (name) => say(`checking ${name}`));
  say(`every file matches its size and sha256 in the manifest (${manifest.files.length} files)`);
  const problems: string[] = [];
  const heads = readBackupTreeHeads(dir);
  const latest = heads[heads.length - 1] ?? null;
  if (JSON.stringify(latest) !== JSON.stringify(manifest.signedTreeHeads.latest))
    problems.push('the latest signed head in the backup is not the one the manifest names');

  let secrets: SecretFile[] | null = null;
  if (opener !== null) {
    try {
      secrets = openSecrets(readFileSync(join(dir, SECRETS_FILE)), opener);
    } catch (error) {
      if (!(error instanceof SecretsFileError) || !error.message.startsWith('the passphrase')) throw error;
      throw new SecretsFileError(
        `wrong passphrase: ${SECRETS_FILE} is intact (it matches its sha256 in the manifest) but this passphrase does not open it`,
      );
    }
    say(`${SECRETS_FILE} opens: ${secrets.map((s) => s.path).join(', ') || 'no secret files'}`);
    const signing = secrets.find((s) => s.path.endsWith('log-signing-key.pem'));
    if (
      signing &&
      manifest.logPublicKey &&
      publicKeyPemOf(createPrivateKey(signing.data)) !== manifest.logPublicKey
    )
      problems.push('the signing key in the secrets file is not the one whose public key the manifest names');
  } else say(`${SECRETS_FILE}: not opened (no passphrase or private key given)`);
  if (!onEvents) return { manifest, problems, secrets };
  const scratch = mkdtempSync(join(tmpdir(), 'ledger-backup-check-'));
  try {
    copyFileSync(join(dir, 'events.db'), join(scratch, 'events.db'));
    const store = openSqliteEventStore(join(scratch, 'events.db'));
    try {
      const report = await verifyEventStore(store, {
        onProgress: ({ eventsChecked, headPosition }) => onEvents(eventsChecked, headPosition),
      });
      for (const p of report.problems.slice(0, 20))
        problems.push(`${p.kind} at position ${p.position} (event ${p.eventId}): ${p.detail}`);
      if (report.headPosition !== manifest.eventStore.headPosition)
        problems.push(
          `the event store's head is ${report.headPosition}, the manifest says ${manifest.eventStore.headPosition}`,
        );
      say(
        `event store: ${report.eventsChecked} events in ${report.streams} streams, head ${report.headPosition}`,
      );
      const key = publicKey ?? manifest.logPublicKey;
      if (heads.length > 0 && key) {
        const audit = await auditLog({ events: storeEvents(store), heads, publicKey: key });
        for (const p of audit.problems.slice(0, 20))
          problems.push(`${p.kind} (head ${p.head ?? 'none'}, position ${p.position ?? '?'}): ${p.detail}`);
        say(`Merkle tree of ${audit.leaves} events against ${audit.headsChecked} signed heads`);
      } else say(`signed heads: ${heads.length}, none checked (${key ? 'no heads' : 'no public key'})`);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }

  return { manifest, problems, secrets };
}

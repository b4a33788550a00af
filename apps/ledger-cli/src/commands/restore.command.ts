// restore --from DIR: a backup into an empty data directory. Everything happens in a staging folder beside
// it, which takes the data directory's place only once the backup checked out, the erased persons' keys are
// gone, the projections are rebuilt and verify passed: a refused or failed restore leaves nothing behind.
import { randomUUID } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import type { PlanSeed } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import type { ProjectionRunner } from '@ledger/projections';
import { READ_STORE_WRITER, type ReadStoreWriter } from '@ledger/read-store';
import {
  BackupInvalidError,
  checkRestoreTarget,
  checkStagedHead,
  DATA_DIR_STORES,
  deleteKeys,
  erasedOnRecord,
  ErasePersonCommand,
  importTreeHeads,
  loadConfig,
  moveIntoPlace,
  PERSONAL_KEYS_FILE,
  PersonalDataModule,
  PLAN_SEED,
  PROJECTION_RUNNER,
  readBackupTreeHeads,
  readErasureLog,
  ResourceNotFoundError,
  RestoreRefusedError,
  SecretsFileError,
  stageFiles,
  stagingDirFor,
  type BackupManifest,
  type ErasureLogEntry,
  type LedgerConfig,
} from '@ledger/ledger';
import { parseArgs, UsageError, type CliCommand } from '../args';
import { rebuildWithProgress, withLedger } from '../ledger-context';
import { readOpener } from '../secrets-key';
import { checkBackup } from './check-backup';
import { verify } from './verifiable-log.command';

const HELP = `Usage: npm run cli -- restore --from DIR [--passphrase-file FILE | --identity FILE] [--erasures FILE] [--rebuild]

Restores a backup (npm run cli -- backup --out DIR) into LEDGER_DATA_DIR, which must be empty or absent:
checks the backup (every file against its manifest, every event, the Merkle tree against every signed head),
opens the secrets with the passphrase (or the private key), restores, deletes the personal-data key of every person whose erasure
is on the record or in the erasure log, brings the projections to the head (rebuilt from position 0, or
caught up from the backup's read store when it has one), runs verify, and only then moves the
restored ledger into place. Says what it restored: the head, the signed heads, the time of the backup.
Stop the api first; start it again afterwards.

The passphrase comes from LEDGER_BACKUP_PASSPHRASE, --passphrase-file FILE, or is asked at the terminal.
  --identity FILE  the private key (PEM, from backup-key) when the backup's secrets were sealed to its public
                   key (backup --recipient); the manifest's secrets.sealedTo names that key's fingerprint
  --erasures FILE  the erasure log kept outside the data directory (default: LEDGER_ERASURE_LOG): persons
                   erased after the backup are erased again, and their erasure put back on the record
  --rebuild        rebuild every projection from position 0 even when the backup holds the read store`;

const OPERATOR = { officer: 'ledger-cli', role: 'admin' as const };

/** Erasures in the log that the restored record lacks: erased again through the ordinary command. */
async function reRecordErasures(
  config: LedgerConfig,
  entries: ErasureLogEntry[],
  onRecord: Set<string>,
): Promise<{ reRecorded: number; unknown: number }> {
  const missing = [
    ...new Map(entries.filter((e) => !onRecord.has(e.personRef)).map((e) => [e.personRef, e])).values(),
  ];
  let reRecorded = 0;
  let unknown = 0;
  if (missing.length === 0) return { reRecorded, unknown };
  await withLedger({ runProjections: false, config, features: [PersonalDataModule] }, async (app) => {
    const seed = app.get<PlanSeed>(PLAN_SEED);
    for (const entry of missing) {
      const reason = `erased ${entry.erasedAt}, after the backup restored here: ${entry.reason}`.slice(
        0,
        500,
      );
      try {
        await app.get(CommandBus).execute(
          new ErasePersonCommand(
            { personRef: entry.personRef, reason },
            {
              actor: { ...OPERATOR, agency: seed.plan.reportingAgency },
              authority: { operator: 'ledger-cli restore (erasure log)' },
              correlationId: randomUUID(),
              evidence: [],
              receivedAt: new Date(),
            },
          ),
        );
        reRecorded += 1;
      } catch (error) {
        // A person the backup never saw: no key of theirs was restored, nothing to erase.
        if (error instanceof ResourceNotFoundError) unknown += 1;
        else throw error;
      }
    }
  });
  return { reRecorded, unknown };
}

/**
 * Rebuilds every projection from position 0; or, when the backup holds the read store and no rebuild is asked
 * for, lets each catch up from its checkpoint there (the read store was copied before the events, so no
 * checkpoint is past them). Returns how the projections were brought to the head.
 */
async function bringProjectionsToHead(
  config: LedgerConfig,
  manifest: BackupManifest,
  backupDir: string,
  forceRebuild: boolean,
): Promise<'rebuilt' | 'caught up'> {
  return withLedger({ runProjections: false, config, features: [] }, async (app) => {
    const runner = app.get<ProjectionRunner>(PROJECTION_RUNNER);
    const started = Date.now();
    if (manifest.readStoreIncluded && !forceRebuild) {
      await runner.start();
      try {
        await runner.waitFor(await app.get<EventStore>(EVENT_STORE).headPosition(), {
          timeoutMs: 24 * 3600_000,
        });
      } finally {
        await runner.stop();
      }
      console.log(
        `restore: ${runner.projectionNames.length} projections caught up from the backup's read store in ${((Date.now() - started) / 1000).toFixed(1)}s`,
      );
      return 'caught up';
    }
    if (!manifest.readStoreIncluded)
      await importTreeHeads(app.get<ReadStoreWriter>(READ_STORE_WRITER), readBackupTreeHeads(backupDir));
    const results = await rebuildWithProgress(runner, 'restore: rebuilding projections (events)', 100_000);
    console.log(
      `restore: ${results.length} projections rebuilt from position 0 in ${((Date.now() - started) / 1000).toFixed(1)}s`,
    );
    return 'rebuilt';
  });
}

async function restore(
  backupDir: string,
  passphraseFile: string | undefined,
  identityFile: string | undefined,
  erasuresFile: string | undefined,
  forceRebuild: boolean,
): Promise<number> {
  const config = loadConfig();
  if (config.eventStore !== 'sqlite' || config.readStore !== 'sqlite')
    throw new UsageError('restore: restores the embedded ledger only (see README, "Operating the ledger")');
  const started = Date.now();
  checkRestoreTarget(config.dataDir);
  if (erasuresFile !== undefined && !existsSync(erasuresFile))
    throw new UsageError(`restore: --erasures ${erasuresFile}: no such file`);
  const opener = (await readOpener('restore', identityFile, passphraseFile, { optional: false }))!;
  const { manifest, problems, secrets } = await checkBackup(backupDir, opener, null, (line) =>
    console.log(`restore: ${line}`),
  );
  if (problems.length > 0) throw new BackupInvalidError(problems);

  const staging = stagingDirFor(config.dataDir);
  let projections: 'rebuilt' | 'caught up';
  // The restore's own appends (erasures put back on the record) are not logged again.
  const staged: LedgerConfig = { ...config, dataDir: staging, seedOnStart: false, erasureLog: undefined };
  try {
    stageFiles(backupDir, manifest, secrets!, staging);
    for (const secret of secrets!) secret.data.fill(0);
    checkStagedHead(staging, manifest);
    const keysPath = DATA_DIR_STORES.find((s) => s.path.endsWith(PERSONAL_KEYS_FILE))!.path;
    const onRecord = erasedOnRecord(staging);
    const deleted = await deleteKeys(staging, keysPath, onRecord);
    console.log(
      `restore: ${onRecord.size} erasures on the record; ${deleted} keys of erased persons found in the backup and deleted`,
    );
    const logFile = erasuresFile ?? config.erasureLog;
    const logged = logFile ? readErasureLog(logFile) : [];
    if (logFile) {
      const { reRecorded, unknown } = await reRecordErasures(staged, logged, onRecord);
      console.log(
        `restore: erasure log ${logFile}: ${logged.length} entries, ${reRecorded} erasures made after the backup erased again and put on the record` +
          (unknown > 0 ? `, ${unknown} of persons the backup never saw` : ''),
      );
    } else
      console.log(
        'restore: no erasure log (LEDGER_ERASURE_LOG or --erasures): erasures after the backup are not known',
      );
    projections = await bringProjectionsToHead(staged, manifest, backupDir, forceRebuild);
    if ((await verify([], staged)) !== 0)
      throw new RestoreRefusedError('verify failed on the restored ledger: nothing was moved into place');
    moveIntoPlace(staging, config.dataDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
  const head = manifest.signedTreeHeads.latest;
  console.log(`restore: restored the backup taken ${manifest.takenAt} into ${config.dataDir}`);
  console.log(
    `restore: event store head ${manifest.eventStore.headPosition} (${manifest.eventStore.headHash ?? 'empty'}), ${manifest.eventStore.streams} streams`,
  );
  console.log(
    `restore: ${manifest.signedTreeHeads.count} signed tree heads` +
      (head ? `, latest #${head.sequence} over ${head.treeSize} events signed ${head.timestamp}` : ''),
  );
  console.log(
    `restore: secrets: ${manifest.secrets.paths.join(', ') || 'none'}; read store ${manifest.readStoreIncluded ? 'restored' : 'rebuilt from the events'}, projections ${projections}`,
  );
  console.log(`restore: done in ${((Date.now() - started) / 1000).toFixed(1)}s; start the api on it`);
  return 0;
}

export const restoreCommand: CliCommand = {
  name: 'restore',
  summary: 'Restore a backup into an empty data directory (checked, verified, projections rebuilt).',
  help: HELP,
  async run(args) {
    const { options, flags } = parseArgs('restore', args, {
      options: ['--from', '--passphrase-file', '--identity', '--erasures'],
      flags: ['--rebuild'],
    });
    const from = options['--from'];
    if (from === undefined) throw new UsageError('restore: --from DIR is required');
    try {
      return await restore(
        resolve(from),
        options['--passphrase-file'],
        options['--identity'],
        options['--erasures'],
        flags.has('--rebuild'),
      );
    } catch (error) {
      if (
        error instanceof BackupInvalidError ||
        error instanceof SecretsFileError ||
        error instanceof RestoreRefusedError
      ) {
        console.error(`restore: refused: ${error.message}`);
        console.error('restore: nothing was restored');
        return 1;
      }
      throw error;
    }
  },
};

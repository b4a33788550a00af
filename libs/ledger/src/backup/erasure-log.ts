// The erasure log: one JSON line per erasure, appended and fsynced before the erasure is acknowledged, in a
// file kept outside the data directory (LEDGER_ERASURE_LOG, beside the backups). An erasure made after the
// last backup is in no backup's events; after a lost disk, restore reads this log and erases those persons
// again, so nobody erased comes back from an older backup.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { PERSON_REF_PATTERN } from '@ledger/domain';

export interface ErasureLogEntry {
  personRef: string;
  /** When the key was deleted (UTC). */
  erasedAt: string;
  reason: string;
}

export function appendErasure(file: string, entry: ErasureLogEntry): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, JSON.stringify(entry) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Every well-formed entry; a line cut short by a crash is skipped (its erasure was never acknowledged). */
export function readErasureLog(file: string): ErasureLogEntry[] {
  if (!existsSync(file)) return [];
  const entries: ErasureLogEntry[] = [];
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    try {
      const entry = JSON.parse(line) as ErasureLogEntry;
      if (typeof entry.personRef === 'string' && PERSON_REF_PATTERN.test(entry.personRef))
        entries.push(entry);
    } catch {
      // a torn last line
    }
  }
  return entries;
}

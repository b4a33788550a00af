// The one place that turns configuration into an EventStore adapter: the api, the projector and the cli
// all open their store here, so they cannot disagree about files, URLs or timeouts.
import { join } from 'node:path';
import { openEventStoreDb, openSqliteEventStore, type EventStore } from '@ledger/event-store';
import type { LedgerConfig } from '../config/ledger-config';

/** Our own deadline for every EventStoreDB call: its client may wait forever on a silent server. */
const EVENTSTOREDB_TIMEOUT_MS = 5000;

export function eventStoreLocation(config: LedgerConfig): string {
  return config.eventStore === 'sqlite'
    ? join(config.dataDir, 'events.db')
    : redact(config.eventStoreUrl ?? '');
}

export function openEventStore(config: LedgerConfig): EventStore {
  switch (config.eventStore) {
    case 'sqlite':
      return openSqliteEventStore(join(config.dataDir, 'events.db'));
    case 'eventstoredb':
      return openEventStoreDb(config.eventStoreUrl!, { timeoutMs: EVENTSTOREDB_TIMEOUT_MS });
  }
}

/** Global positions are contiguous only in the embedded store; EventStoreDB's commit positions have gaps. */
export function positionsAreContiguous(config: LedgerConfig): boolean {
  return config.eventStore === 'sqlite';
}

function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

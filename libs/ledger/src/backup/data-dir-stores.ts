// Every file the embedded ledger keeps in its data directory, in one list: `backup` copies exactly these
// (and refuses a data directory holding a file no entry names), `restore` puts them back. A new store adds
// its entry here. Secret entries go only into the passphrase-encrypted secrets file, never in clear.
import { SQLITE_READ_STORE_FILE } from '@ledger/read-store';
import { CREDENTIALS_FILE } from '../accounts/sqlite-credential-store';
import { TOKEN_KEYS_FILE } from '../auth/token-key-ring';
import { PERSONAL_KEYS_FILE } from '../personal-data/sqlite-personal-key-store';

export interface DataDirStore {
  /** Path inside the data directory, with `/` separators. */
  path: string;
  /** sqlite: copied through SQLite's online backup (or serialized, for a secret); file: read as it is. */
  kind: 'sqlite' | 'file';
  /** Goes into the encrypted secrets file only. */
  secret: boolean;
  /** Left out unless asked for: restore rebuilds it from the events. */
  rebuildable: boolean;
  /** What it holds, for people reading a manifest or the restore's summary. */
  holds: string;
}

export const EVENT_STORE_FILE = 'events.db';

export const DATA_DIR_STORES: readonly DataDirStore[] = [
  { path: EVENT_STORE_FILE, kind: 'sqlite', secret: false, rebuildable: false, holds: 'the event store' },
  {
    path: SQLITE_READ_STORE_FILE,
    kind: 'sqlite',
    secret: false,
    rebuildable: true,
    holds: 'the read store (projections, Merkle tree, signed tree heads)',
  },
  {
    path: 'secrets/pseudonym.key',
    kind: 'file',
    secret: true,
    rebuildable: false,
    holds: 'the pseudonym key (HMAC of citizen ids)',
  },
  {
    path: `secrets/${TOKEN_KEYS_FILE}`,
    kind: 'file',
    secret: true,
    rebuildable: false,
    holds: 'the access-token key ring',
  },
  {
    path: 'secrets/token.key',
    kind: 'file',
    secret: true,
    rebuildable: false,
    holds: 'the token key of earlier versions (no longer read; kept so nothing of a data directory is lost)',
  },
  {
    path: 'secrets/log-signing-key.pem',
    kind: 'file',
    secret: true,
    rebuildable: false,
    holds: 'the tree-head signing key',
  },
  {
    path: `secrets/${PERSONAL_KEYS_FILE}`,
    kind: 'sqlite',
    secret: true,
    rebuildable: false,
    holds: 'the personal-data keys',
  },
  {
    path: `secrets/${CREDENTIALS_FILE}`,
    kind: 'sqlite',
    secret: true,
    rebuildable: false,
    holds: 'the credential store (password hashes, sessions, failed sign-ins)',
  },
];

/**
 * Transient files beside a store, never copied: SQLite's companions of a database file (the online backup
 * reads through them) and a file being replaced (`<file>.<pid>.tmp`, renamed over it a moment later).
 */
export const TRANSIENT_FILE = /(-wal|-shm|-journal|\.\d+\.tmp)$/;

export function storeAt(path: string): DataDirStore | undefined {
  return DATA_DIR_STORES.find((store) => store.path === path);
}

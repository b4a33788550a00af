// The keys that sign access tokens, each with its id (the token header's kid) and the time it was made.
// The newest signs; an older one still verifies the tokens it signed for a grace period after the next key
// was made, then is refused. In embedded mode the ring lives in <dataDir>/secrets/token-keys.json (0600)
// and `cli token-key rotate` adds a key to it; a running api reads the file again when it changes.
// LEDGER_TOKEN_SECRET instead configures one key (its id derived from it), for deployments that keep
// secrets out of the data directory.
import { createHmac, randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';
import { secretFile } from '../secrets/data-dir-secret';
import { TokenError } from './token-claims';

export interface TokenKey {
  kid: string;
  createdAt: Date;
  secret: Buffer;
  /** A configured previous key: verifies while it is configured, with no grace period of its own. */
  untilRemoved?: boolean;
}

/** The keys, oldest first. */
export interface TokenKeyRing {
  keys(): readonly TokenKey[];
}

export const TOKEN_KEYS_FILE = 'token-keys.json';

export const tokenKeysFile = (dataDir: string): string => secretFile(dataDir, TOKEN_KEYS_FILE);

/** The id of the configured key: derived from it (so a new secret is a new id) and revealing nothing of it. */
export function configuredKeyId(secret: string): string {
  return `cfg-${createHmac('sha256', Buffer.from(secret, 'utf8')).update('ledger access token key id').digest('hex').slice(0, 16)}`;
}

/**
 * LEDGER_TOKEN_SECRET as the key that signs, and LEDGER_TOKEN_PREVIOUS_SECRET, when set, as one that still
 * verifies the tokens it signed until the operator removes it (after the longest lifetime of a token).
 */
export function configuredKeyRing(secret: string, previous?: string): TokenKeyRing {
  const key = (text: string, createdAt: Date) => ({
    kid: configuredKeyId(text),
    createdAt,
    secret: Buffer.from(text, 'utf8'),
  });
  const keys: TokenKey[] = [
    ...(previous ? [{ ...key(previous, new Date(0)), untilRemoved: true }] : []),
    key(secret, new Date(1)),
  ];
  return { keys: () => keys };
}

function newKey(now: Date): TokenKey {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  return { kid: `${day}-${randomBytes(6).toString('hex')}`, createdAt: now, secret: randomBytes(32) };
}

interface KeyFileEntry {
  kid: string;
  createdAt: string;
  secret: string;
}

function serialize(keys: readonly TokenKey[]): string {
  const entries: KeyFileEntry[] = keys.map((k) => ({
    kid: k.kid,
    createdAt: k.createdAt.toISOString(),
    secret: k.secret.toString('hex'),
  }));
  return `${JSON.stringify({ keys: entries }, null, 2)}\n`;
}

function parse(file: string, text: string): TokenKey[] {
  let entries: unknown;
  try {
    entries = (JSON.parse(text) as { keys?: unknown }).keys;
  } catch {
    throw new Error(`${file} is not JSON`);
  }
  if (!Array.isArray(entries) || entries.length === 0) throw new Error(`${file} holds no keys`);
  const keys = entries.map((entry: Partial<KeyFileEntry>, i) => {
    const createdAt = new Date(entry.createdAt ?? '');
    if (
      typeof entry.kid !== 'string' ||
      !/^[A-Za-z0-9._-]{1,64}$/.test(entry.kid) ||
      Number.isNaN(createdAt.getTime()) ||
      typeof entry.secret !== 'string' ||
      !/^[0-9a-f]{64,}$/i.test(entry.secret)
    )
      throw new Error(`${file}: key ${i + 1} needs a kid, a createdAt time and a hex secret of 32+ bytes`);
    return { kid: entry.kid, createdAt, secret: Buffer.from(entry.secret, 'hex') };
  });
  return keys.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}

/** The ring in `file`, made with one key on first use, read again whenever the file changes. */
export function fileKeyRing(file: string, now: () => Date = () => new Date()): TokenKeyRing {
  let stamp = '';
  let keys: TokenKey[] = [];
  return {
    keys() {
      if (!existsSync(file)) createRing(file, now());
      const stat = statSync(file);
      const current = `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
      if (current !== stamp) {
        keys = parse(file, readFileSync(file, 'utf8'));
        stamp = current;
      }
      return keys;
    },
  };
}

/** A text written whole beside `file` (0600), for a rename or link into place. */
function writeBeside(file: string, text: string): string {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const next = `${file}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(next, text, { mode: 0o600, flag: 'wx' });
  chmodSync(next, 0o600);
  return next;
}

/** The ring's first key; when another process made the ring meanwhile, theirs stays (link never overwrites). */
function createRing(file: string, now: Date): void {
  const next = writeBeside(file, serialize([newKey(now)]));
  try {
    linkSync(next, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(next);
  }
}

/**
 * Adds a new key (it signs from now on) and drops the keys whose grace has ended; returns the new key.
 * The file is replaced whole (written beside it, then renamed), so a reader never sees half of it.
 */
export function rotateKeyRing(file: string, graceSeconds: number, now = new Date()): TokenKey {
  const keys = [...fileKeyRing(file, () => now).keys()];
  const added = newKey(now);
  const kept = keys.filter((_, i) => {
    const retiredAt = (keys[i + 1] ?? added).createdAt.getTime();
    return retiredAt + graceSeconds * 1000 > now.getTime();
  });
  renameSync(writeBeside(file, serialize([...kept, added])), file);
  return added;
}

/** The key that signs new tokens: the newest. */
export function signingKey(ring: TokenKeyRing): TokenKey {
  const keys = ring.keys();
  return keys[keys.length - 1];
}

/**
 * The key named `kid` when it may verify a token at `now`: the newest key, or an older one until
 * `graceSeconds` after the next key was made (`retiredAt`: a token it signed after then is refused too).
 */
export function verifyingKey(
  ring: TokenKeyRing,
  kid: unknown,
  now: Date,
  graceSeconds: number,
): { key: TokenKey; retiredAt?: Date } {
  const keys = ring.keys();
  const index = keys.findIndex((key) => key.kid === kid);
  if (typeof kid !== 'string' || index < 0) throw new TokenError('token key (kid) is not known here');
  const next = keys[index + 1];
  if (!next || keys[index].untilRemoved) return { key: keys[index] };
  if (now.getTime() > next.createdAt.getTime() + graceSeconds * 1000)
    throw new TokenError(`token key ${kid} was replaced and its grace period has ended`);
  return { key: keys[index], retiredAt: next.createdAt };
}

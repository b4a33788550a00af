// Secrets that the embedded mode generates on first use into `<dataDir>/secrets/` (directory 0700, files
// 0600), kept apart from the stores: the pseudonym key, the token key, the log signing key. Back them up
// separately; in production they come from configuration instead.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';

export function secretFile(dataDir: string, name: string): string {
  return join(dataDir, 'secrets', name);
}

/** The file's text, or `create()` written to it (refusing to overwrite one that appeared meanwhile). */
export function readOrCreateSecret(file: string, create: () => string): string {
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const text = create();
  writeFileSync(file, text, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return text;
}

/** A random key of 32 bytes kept as hex in the file; an existing file must hold 32+ bytes of hex. */
export function readOrCreateHexKey(file: string): Buffer {
  const hex = readOrCreateSecret(file, () => randomBytes(32).toString('hex') + '\n').trim();
  if (!/^[0-9a-f]{64,}$/i.test(hex)) throw new Error(`${file} does not hold a hex key of 32+ bytes`);
  return Buffer.from(hex, 'hex');
}

/**
 * Makes an (empty) file 0600 in a 0700 directory before a store opens it, so that SQLite's -wal and -shm files
 * take the same mode. ':memory:' is left alone.
 */
export function createSecretFile(path: string): void {
  if (path === ':memory:') return;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

// Turns what the MongoDB driver throws into the port's typed errors, so that no driver type leaves the adapter.
// Errors are recognized by shape (name, code, labels), not instanceof: the same reason as sqlite-errors.ts
// (jest loads modules once per test file), and it keeps this file pure and testable without a server.
import { ReadStoreError, ReadStoreUnavailableError } from '../read-store.errors';

/** Driver errors meaning "the server cannot be used right now": no server selected, network, closed client. */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoTopologyClosedError',
  'MongoClientClosedError',
  'MongoNotConnectedError',
  'MongoOperationTimeoutError',
  'MongoServerClosedError',
  'MongoStalePrimaryError',
  'MongoPoolClearedError',
  'MongoWriteConcernError',
]);

/**
 * Server error codes with the same meaning: hosts unreachable, shutting down, primary stepped down or not
 * primary, time limits, write conflicts and aborted transactions left after retries, lock timeouts, and
 * refused credentials (an operator's problem, not the caller's).
 */
const UNAVAILABLE_CODES = new Set([
  6, // HostUnreachable
  7, // HostNotFound
  13, // Unauthorized
  18, // AuthenticationFailed
  24, // LockTimeout
  46, // LockBusy
  50, // MaxTimeMSExpired
  64, // WriteConcernFailed
  89, // NetworkTimeout
  91, // ShutdownInProgress
  112, // WriteConflict
  189, // PrimarySteppedDown
  251, // NoSuchTransaction
  262, // ExceededTimeLimit
  9001, // SocketException
  10107, // NotWritablePrimary
  11600, // InterruptedAtShutdown
  11602, // InterruptedDueToReplStateChange
  13435, // NotPrimaryNoSecondaryOk
  13436, // NotPrimaryOrSecondary
]);

const UNAVAILABLE_LABELS = [
  'TransientTransactionError',
  'UnknownTransactionCommitResult',
  'RetryableWriteError',
];

/** A standalone mongod refuses sessions with transaction numbers (code 20, IllegalOperation) with this text. */
const NO_TRANSACTIONS = /Transaction numbers are only allowed on a replica set member or mongos/i;

export const REPLICA_SET_REQUIRED =
  'the MongoDB read store needs transactions, so a replica set (a one-node one is enough: ' +
  '`mongod --replSet rs0` then `rs.initiate()`) or a sharded cluster; this server is a standalone mongod';

interface DriverError {
  name: string;
  message: string;
  code?: unknown;
  labels: string[];
}

function asDriverError(error: unknown): DriverError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { name, message, code } = error as { name?: unknown; message?: unknown; code?: unknown };
  if (typeof message !== 'string' || typeof name !== 'string' || !name.startsWith('Mongo')) return null;
  const raw = (error as { errorLabels?: unknown }).errorLabels;
  const labels = Array.isArray(raw) ? raw.filter((l): l is string => typeof l === 'string') : [];
  return { name, message, code, labels };
}

/**
 * Maps anything thrown while doing `action`. Our own errors pass through. Driver errors that a retry later may
 * cure become ReadStoreUnavailableError (503); a standalone server says a replica set is needed; the rest (a
 * duplicate key, a malformed command) are bugs and become a plain Error with the driver error as its cause.
 */
export function toReadStoreError(error: unknown, action: string): Error {
  if (error instanceof ReadStoreError) return error;
  const driver = asDriverError(error);
  if (!driver) {
    return error instanceof Error ? error : new Error(`read store failed during ${action}: ${String(error)}`);
  }
  const codeText =
    typeof driver.code === 'number' || typeof driver.code === 'string' ? ` (${driver.code})` : '';
  const message = `MongoDB read store failed during ${action}: ${driver.name}${codeText}: ${driver.message}`;
  if (NO_TRANSACTIONS.test(driver.message)) {
    return new ReadStoreUnavailableError(`${REPLICA_SET_REQUIRED} (${action})`, error);
  }
  if (
    UNAVAILABLE_NAMES.has(driver.name) ||
    (typeof driver.code === 'number' && UNAVAILABLE_CODES.has(driver.code)) ||
    driver.labels.some((label) => UNAVAILABLE_LABELS.includes(label))
  ) {
    return new ReadStoreUnavailableError(message, error);
  }
  return new Error(message, { cause: error });
}

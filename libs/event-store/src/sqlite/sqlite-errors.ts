// Turns better-sqlite3 errors into the port's typed errors, so that no driver type leaves the adapter.
import Database from 'better-sqlite3';
import { EventStoreError, StoreUnavailableError, type StoreUnavailableReason } from '../event-store.errors';

/** Result codes (primary and extended) that mean "the file cannot be used right now", not "your request is wrong". */
const UNAVAILABLE_CODES = [
  /^SQLITE_BUSY/,
  /^SQLITE_LOCKED/,
  /^SQLITE_IOERR/,
  /^SQLITE_FULL$/,
  /^SQLITE_CANTOPEN/,
  /^SQLITE_READONLY/,
  /^SQLITE_CORRUPT/,
  /^SQLITE_NOTADB$/,
  /^SQLITE_PROTOCOL$/,
  /^SQLITE_NOLFS$/,
];

/**
 * Recognised by its name and `code`, not by instanceof: under jest each test file runs in its own realm and
 * loads the driver's JavaScript anew, while the native part that creates the errors is loaded once per
 * process, so neither `instanceof SqliteError` nor even `instanceof Error` can be trusted there.
 */
function isSqliteError(error: unknown): error is Error & { code: string } {
  if (typeof error !== 'object' || error === null) return false;
  const { name, code } = error as { name?: unknown; code?: unknown };
  return (error instanceof Database.SqliteError || name === 'SqliteError') && typeof code === 'string';
}

function unavailableReason(code: string): StoreUnavailableReason {
  if (code === 'SQLITE_FULL' || code === 'SQLITE_IOERR_WRITE_FULL') return 'disk_full';
  if (code.startsWith('SQLITE_READONLY')) return 'read_only';
  return 'unavailable';
}

function isClosedConnectionError(error: unknown): boolean {
  return error instanceof TypeError && /database connection is not open/i.test(error.message);
}

/**
 * Maps anything thrown by the driver while doing `action`. Our own errors pass through. Errors that are
 * neither I/O-ish nor ours (a constraint or trigger failure, SQL that does not compile) become a plain
 * Error: they are bugs or tampering, and are not worth a retry the way a 503 is.
 */
export function toEventStoreError(error: unknown, action: string): Error {
  if (error instanceof EventStoreError) return error;
  if (isClosedConnectionError(error))
    return new StoreUnavailableError(`event store is closed (${action})`, error);
  if (isSqliteError(error)) {
    if (UNAVAILABLE_CODES.some((pattern) => pattern.test(error.code))) {
      return new StoreUnavailableError(
        `event store unavailable during ${action}: ${error.code}: ${error.message}`,
        error,
        unavailableReason(error.code),
      );
    }
    return new Error(`event store failed during ${action}: ${error.code}: ${error.message}`, {
      cause: error,
    });
  }
  if (error instanceof Error) return error;
  return new Error(`event store failed during ${action}: ${String(error)}`);
}

// Turns better-sqlite3 errors into the port's typed errors, so that no driver type leaves the adapter.
import { ReadStoreError, ReadStoreUnavailableError } from '../read-store.errors';

/** Result codes (primary and extended) that mean "the file cannot be used right now", not "your call is wrong". */
const UNAVAILABLE_CODES =
  /^(SQLITE_BUSY|SQLITE_LOCKED|SQLITE_IOERR|SQLITE_CANTOPEN|SQLITE_READONLY|SQLITE_CORRUPT)|^(SQLITE_FULL|SQLITE_NOTADB|SQLITE_PROTOCOL|SQLITE_NOLFS)$/;

interface DriverError {
  message: string;
  code?: unknown;
}

/**
 * Recognized by shape, not `instanceof Database.SqliteError`: the native addon keeps the error class of the
 * first copy of the driver that loaded it, so where modules are loaded more than once in one process
 * (jest gives each test file its own registry and realm) instanceof says no to a genuine SqliteError.
 */
function asDriverError(error: unknown): DriverError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { message } = error as { message?: unknown };
  return typeof message === 'string' ? (error as DriverError) : null;
}

/**
 * Maps anything thrown by the driver while doing `action`. Our own errors pass through. Other sqlite errors
 * (a constraint, SQL that does not compile) become a plain Error: they are bugs, not worth a retry.
 */
export function toReadStoreError(error: unknown, action: string): Error {
  if (error instanceof ReadStoreError) return error;
  const driver = asDriverError(error);
  if (!driver) return new Error(`read store failed during ${action}: ${String(error)}`);
  if (/database connection is not open/i.test(driver.message)) {
    return new ReadStoreUnavailableError(`read store is closed (${action})`, error);
  }
  if (typeof driver.code === 'string' && driver.code.startsWith('SQLITE_')) {
    const message = `read store failed during ${action}: ${driver.code}: ${driver.message}`;
    return UNAVAILABLE_CODES.test(driver.code)
      ? new ReadStoreUnavailableError(message, error)
      : new Error(message, { cause: error });
  }
  return error instanceof Error ? error : new Error(`read store failed during ${action}: ${driver.message}`);
}

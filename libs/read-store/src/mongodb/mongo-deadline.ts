// Our own deadline around every call to MongoDB. The driver's own timeouts cover server selection and
// connecting, but not a server that accepts a command and never answers, nor the driver's transaction retries
// (withTransaction retries transient errors for up to two minutes).
import { ReadStoreUnavailableError } from '../read-store.errors';

export const DEFAULT_MONGO_TIMEOUT_MS = 5000;

/**
 * Settles like `work`, or rejects with ReadStoreUnavailableError after `ms`, calling `onTimeout` first (to stop
 * retries). A late rejection of `work` is swallowed, never left unhandled.
 */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      if (settled) return;
      settled = true;
      try {
        onTimeout?.();
      } finally {
        reject(new ReadStoreUnavailableError(`MongoDB did not answer ${what} within ${ms} ms`));
      }
    }, ms);
    work.then(
      (value) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

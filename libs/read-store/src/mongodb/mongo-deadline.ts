// Our own deadline around every call to MongoDB. The driver's own timeouts cover server selection and
// connecting, but not a server that accepts a command and never answers, nor the driver's transaction retries
// (withTransaction retries transient errors for up to two minutes).
import { withDeadline as deadline } from '@ledger/store-support';
import { ReadStoreUnavailableError } from '../read-store.errors';

export const DEFAULT_MONGO_TIMEOUT_MS = 5000;

/** Settles like `work`, or rejects with ReadStoreUnavailableError after `ms`, calling `onTimeout` first (to stop retries). */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return deadline(
    work,
    ms,
    () => new ReadStoreUnavailableError(`MongoDB did not answer ${what} within ${ms} ms`),
    onTimeout,
  );
}

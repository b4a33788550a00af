// Our own deadline around calls to EventStoreDB. The client sets a gRPC deadline on unary calls only, and a
// server that accepts the connection but never answers leaves a read or a subscription waiting forever.
import { withDeadline as deadline } from '@ledger/store-support';
import { StoreUnavailableError } from '../event-store.errors';

/** Settles like `work`, or rejects with StoreUnavailableError after `ms`, calling `onTimeout` (to cancel the call). */
export function withDeadline<T>(
  work: Promise<T>,
  ms: number,
  what: string,
  onTimeout?: () => void,
): Promise<T> {
  return deadline(
    work,
    ms,
    () => new StoreUnavailableError(`EventStoreDB did not answer ${what} within ${ms} ms`),
    onTimeout,
  );
}

export const ABORTED = Symbol('aborted');

/** Settles like `work`, or resolves to ABORTED as soon as `signal` aborts (a late rejection of `work` is swallowed). */
export function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T | typeof ABORTED> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => resolve(ABORTED);
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Wait before reconnection try number `failures` (1, 2, ...): doubling from `initialMs`, capped at `maxMs`. */
export function backoffDelay(failures: number, initialMs: number, maxMs: number): number {
  const exponent = Math.min(Math.max(failures - 1, 0), 30);
  return Math.min(maxMs, initialMs * 2 ** exponent);
}

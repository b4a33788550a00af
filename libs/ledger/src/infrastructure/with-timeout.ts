import { StoreUnavailableError } from '@ledger/event-store';
import { withDeadline } from '@ledger/store-support';

/** Our own deadline around a store call: some clients ignore theirs when the server never answers. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return withDeadline(promise, ms, () => new StoreUnavailableError(`${what}: no answer within ${ms} ms`));
}

// Options of the EventStoreDB adapter, checked once when the store is opened.
import { EventStoreArgumentError } from '../event-store.validation';

export const DEFAULT_EVENTSTOREDB_NAMESPACE = 'ledger';

export interface EventStoreDbOptions {
  /**
   * Every stream of this store lives under this prefix on the server (`<namespace>.<stream>`), and reads see
   * nothing else: system streams, other applications and other namespaces on the same server are invisible.
   * Letters, digits, `_` and `-`. Default 'ledger'. Changing it later hides every event written before.
   */
  namespace?: string;
  /**
   * Our own deadline on every call to the server: an append, each event of a read, the confirmation of a
   * subscription. The client ignores its own deadline when a server accepts the connection and never answers.
   * Default 5000.
   */
  timeoutMs?: number;
  /** Source of recordedAt. Default `() => new Date()`. */
  clock?: () => Date;
  /**
   * Tries of one append when the stream moves between reading its last event and writing after it (only
   * 'any' and 'stream_exists' can move on; an exact revision gives a WrongExpectedRevisionError at once).
   * Default 10.
   */
  maxAppendAttempts?: number;
  /** Events fetched from $all per request while reading or looking for the head. Default 500. */
  readPageSize?: number;
  /** First wait before a lost subscription connects again; doubled on every failure up to the max. Default 100. */
  reconnectInitialDelayMs?: number;
  /** Longest wait between two reconnection tries of a subscription. Default 5000. */
  reconnectMaxDelayMs?: number;
}

export type ResolvedEventStoreDbOptions = Required<EventStoreDbOptions>;

const NAMESPACE = /^[A-Za-z0-9_-]+$/;

export function resolveOptions(options: EventStoreDbOptions = {}): ResolvedEventStoreDbOptions {
  const namespace = options.namespace ?? DEFAULT_EVENTSTOREDB_NAMESPACE;
  // No '.': it separates the namespace from the stream, so that one namespace's prefix never matches another's.
  if (typeof namespace !== 'string' || !NAMESPACE.test(namespace)) {
    throw new EventStoreArgumentError(
      'namespace',
      `must be letters, digits, '_' or '-', got ${JSON.stringify(namespace)}`,
    );
  }
  return {
    namespace,
    timeoutMs: positiveInteger(options.timeoutMs, 5000, 'timeoutMs'),
    clock: options.clock ?? (() => new Date()),
    maxAppendAttempts: positiveInteger(options.maxAppendAttempts, 10, 'maxAppendAttempts'),
    // At least 2: a page re-reads the last event of the page before (see readAll), so 1 would never advance.
    readPageSize: Math.max(2, positiveInteger(options.readPageSize, 500, 'readPageSize')),
    reconnectInitialDelayMs: positiveInteger(options.reconnectInitialDelayMs, 100, 'reconnectInitialDelayMs'),
    reconnectMaxDelayMs: positiveInteger(options.reconnectMaxDelayMs, 5000, 'reconnectMaxDelayMs'),
  };
}

function positiveInteger(value: number | undefined, fallback: number, argument: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new EventStoreArgumentError(argument, `must be an integer >= 1, got ${String(value)}`);
  }
  return value;
}

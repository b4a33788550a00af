// Turns what the EventStoreDB client throws into the port's typed errors, so that no client type leaves the
// adapter: a conflict is WrongExpectedRevisionError, a missing stream StreamNotFoundError, and a server that
// cannot be reached or does not answer (or refuses our credentials) StoreUnavailableError (503).
import {
  AccessDeniedError,
  CancelledError,
  DeadlineExceededError,
  isCommandError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError,
  StreamNotFoundError as ClientStreamNotFoundError,
  TimeoutError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreError,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '../event-store.errors';
import type { ExpectedRevision } from '../event-store.port';
import { EventStoreArgumentError } from '../event-store.validation';
import { fromClientCurrentRevision, fromClientExpectedRevision } from './esdb-revision';

export interface EsdbErrorContext {
  /** What the adapter was doing, for the message: 'append', 'readStream', ... */
  action: string;
  /** The port's stream name, when the call was about one stream. */
  stream?: string;
  /** The expectation the caller gave, when the call was an append. */
  expected?: ExpectedRevision;
}

/** The error classes of the client meaning "the server is not usable right now"; a retry later may work. */
const UNAVAILABLE = [
  UnavailableError,
  DeadlineExceededError,
  TimeoutError,
  CancelledError,
  NotLeaderError,
  AccessDeniedError,
] as const;

/** Without a gossip seed answering, the client's discovery throws a plain Error with this message. */
const DISCOVERY_FAILED = /^Failed to discover after \d+ attempts/;

export function toEventStoreError(error: unknown, context: EsdbErrorContext): Error {
  const { action } = context;
  if (error instanceof EventStoreError) return error;
  if (error instanceof WrongExpectedVersionError) {
    return new WrongExpectedRevisionError(
      context.stream ?? error.streamName,
      context.expected ?? fromClientExpectedRevision(error.expectedVersion),
      fromClientCurrentRevision(error.actualVersion),
    );
  }
  if (error instanceof ClientStreamNotFoundError) {
    return new StreamNotFoundError(context.stream ?? error.streamName);
  }
  if (UNAVAILABLE.some((kind) => error instanceof kind)) {
    const { type, message } = error as InstanceType<(typeof UNAVAILABLE)[number]>;
    return new StoreUnavailableError(
      `EventStoreDB unavailable during ${action}: ${type}${message ? `: ${message}` : ''}`,
      error,
    );
  }
  if (error instanceof Error && DISCOVERY_FAILED.test(error.message)) {
    return new StoreUnavailableError(`EventStoreDB unavailable during ${action}: ${error.message}`, error);
  }
  if (error instanceof MaxAppendSizeExceededError) {
    return new EventStoreArgumentError(
      'events',
      `together exceed the server's maximum append size (${error.maxAppendSize} bytes)`,
    );
  }
  if (error instanceof StreamDeletedError) {
    // The ledger never deletes; someone did it on the server. Not a 404 the caller could act on.
    return new Error(
      `EventStoreDB stream ${error.streamName} was deleted on the server during ${action}; ledger streams are never deleted`,
      { cause: error },
    );
  }
  if (isCommandError(error as Error)) {
    const { type, message } = error as Error & { type: string };
    return new Error(`EventStoreDB failed during ${action}: ${type}${message ? `: ${message}` : ''}`, {
      cause: error,
    });
  }
  if (error instanceof Error) return error;
  // The client throws strings in a few "impossible" cases.
  return new Error(`EventStoreDB failed during ${action}: ${String(error)}`);
}

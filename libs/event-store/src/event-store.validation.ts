// Argument checks shared by every adapter, so that all stores refuse the same malformed calls the same way.
// These are programming errors of the caller (a handler), not user input: DTOs and deciders check that.
import type { NewEvent, RecordedEvent } from '@ledger/domain';
import { EventStoreError } from './event-store.errors';
import type { ExpectedRevision, ReadAllOptions } from './event-store.port';
import { canonicalJson, CanonicalJsonError, canonicalMetadata, payloadDigestOfParts } from './hash';

export class EventStoreArgumentError extends EventStoreError {
  readonly code = 'EVENT_STORE_INVALID_ARGUMENT';
  /** A handler called the store wrongly: requests are checked before they get here. */
  readonly kind = 'internal';
  constructor(
    /** Which argument, e.g. `events[2].data.amount`. */
    readonly argument: string,
    reason: string,
  ) {
    super(`invalid ${argument}: ${reason}`);
  }
}

export const DEFAULT_READ_ALL_MAX_COUNT = 1000;

/**
 * An event checked and serialized once, when append is called: a snapshot, so that a caller mutating its
 * objects afterwards cannot change what is stored or hashed.
 */
export interface PreparedEvent {
  id: string;
  type: string;
  schemaVersion: number;
  /** Canonical JSON of data and metadata: what a store keeps, so that a read gives back exactly the hashed value. */
  dataJson: string;
  metadataJson: string;
  /** payloadDigest(stream, event). */
  digest: string;
}

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

export function checkStream(stream: unknown): asserts stream is string {
  if (!isNonEmptyString(stream)) throw new EventStoreArgumentError('stream', 'must be a non-empty string');
}

/** Normalizes -1 (the "actual" of WrongExpectedRevisionError for a missing stream) to 'no_stream'. */
export function checkExpectedRevision(expected: unknown): ExpectedRevision {
  if (expected === 'no_stream' || expected === 'any' || expected === 'stream_exists') return expected;
  if (expected === -1) return 'no_stream';
  if (typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0) return expected;
  throw new EventStoreArgumentError(
    'expectedRevision',
    `must be 'no_stream', 'any', 'stream_exists' or a revision >= 0, got ${String(expected)}`,
  );
}

export function prepareEvents(stream: string, events: unknown): PreparedEvent[] {
  if (!Array.isArray(events)) throw new EventStoreArgumentError('events', 'must be an array');
  const seen = new Set<string>();
  return events.map((candidate: unknown, i): PreparedEvent => {
    const at = `events[${i}]`;
    if (typeof candidate !== 'object' || candidate === null)
      throw new EventStoreArgumentError(at, 'must be an object');
    const event = candidate as NewEvent;
    if (!isNonEmptyString(event.id))
      throw new EventStoreArgumentError(`${at}.id`, 'must be a non-empty string');
    if (seen.has(event.id))
      throw new EventStoreArgumentError(`${at}.id`, `${event.id} appears twice in one append`);
    seen.add(event.id);
    if (!isNonEmptyString(event.type))
      throw new EventStoreArgumentError(`${at}.type`, 'must be a non-empty string');
    if (!Number.isSafeInteger(event.schemaVersion) || event.schemaVersion < 1) {
      throw new EventStoreArgumentError(`${at}.schemaVersion`, 'must be an integer >= 1');
    }
    if (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata)) {
      throw new EventStoreArgumentError(`${at}.metadata`, 'must be an object');
    }
    if (event.data === undefined) throw new EventStoreArgumentError(`${at}.data`, 'is missing');
    // The canonical JSON of data and metadata is made once each: stored as is, and digested as parts.
    const dataJson = canonical(() => canonicalJson(event.data), `${at}.data`);
    const metadata = canonical(() => canonicalMetadata(event.metadata), `${at}.metadata`);
    return {
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      dataJson,
      metadataJson: metadata.json,
      digest: payloadDigestOfParts(stream, event.type, event.schemaVersion, dataJson, metadata.digested),
    };
  });
}

function canonical<T>(make: () => T, argument: string): T {
  try {
    return make();
  } catch (error) {
    if (error instanceof CanonicalJsonError) {
      throw new EventStoreArgumentError(
        argument + error.path.slice(1),
        error.message.slice(error.path.length + 2),
      );
    }
    throw error;
  }
}

/** Checks a position argument; 0 is accepted and means "from the first event" (positions start at 1). */
export function checkPosition(position: unknown, argument: string): number {
  if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 0) {
    throw new EventStoreArgumentError(argument, `must be an integer >= 0, got ${String(position)}`);
  }
  return Math.max(position, 1);
}

export function checkReadAllOptions(options: ReadAllOptions | undefined): {
  fromPosition: number;
  maxCount: number;
} {
  const fromPosition = checkPosition(options?.fromPosition ?? 1, 'fromPosition');
  const maxCount = options?.maxCount ?? DEFAULT_READ_ALL_MAX_COUNT;
  if (!Number.isSafeInteger(maxCount) || maxCount < 1) {
    throw new EventStoreArgumentError('maxCount', `must be an integer >= 1, got ${String(maxCount)}`);
  }
  return { fromPosition, maxCount };
}

/** The most positions one readByPositions call takes (a page of a read side, with room to spare). */
export const MAX_POSITIONS_READ = 1000;

/** Checks the positions of readByPositions: safe integers >= 1, at most MAX_POSITIONS_READ of them. */
export function checkPositions(positions: unknown): asserts positions is readonly number[] {
  if (!Array.isArray(positions)) throw new EventStoreArgumentError('positions', 'must be an array');
  if (positions.length > MAX_POSITIONS_READ) {
    throw new EventStoreArgumentError(
      'positions',
      `must hold at most ${MAX_POSITIONS_READ}, got ${positions.length}`,
    );
  }
  for (const position of positions as unknown[]) {
    if (typeof position !== 'number' || !Number.isSafeInteger(position) || position < 1) {
      throw new EventStoreArgumentError('positions', `must be integers >= 1, got ${String(position)}`);
    }
  }
}

/** The events found, in the order of the positions asked (each once per time asked); missing ones left out. */
export function inOrderAsked(positions: readonly number[], found: readonly RecordedEvent[]): RecordedEvent[] {
  const byPosition = new Map(found.map((event) => [event.position, event]));
  const out: RecordedEvent[] = [];
  for (const position of positions) {
    const event = byPosition.get(position);
    if (event) out.push(event);
  }
  return out;
}

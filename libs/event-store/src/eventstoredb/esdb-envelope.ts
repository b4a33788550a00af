// The envelope of an event on EventStoreDB, both ways. The server keeps id, type, stream, revision, position
// and the JSON data itself; the rest of the port's envelope (schemaVersion, recordedAt, the chain's prevHash
// and hash, the payload digest) travels in the event's custom metadata next to the port's metadata:
//
//   metadata = { "envelope": { format, schemaVersion, recordedAt, prevHash, hash, payloadDigest },
//                "metadata": <the port's EventMetadata> }
//
// The hash is computed exactly as the sqlite adapter does (hashEventParts over the same fields, the stream
// being the port's stream name, not the server's prefixed one), so an event hashes the same on both stores
// and verifyEventStore recomputes it from a read without knowing which store it came from.
import type { JSONEventData, JSONType } from '@eventstore/db-client';
import type { EventMetadata, RecordedEvent } from '@ledger/domain';
import type { PreparedEvent } from '../event-store.validation';
import { hashEventParts } from '../hash';
import { toPortPosition, type LogPosition } from './esdb-position';
import { toRevisionNumber } from './esdb-revision';
import type { StreamNames } from './esdb-stream-names';

export const ENVELOPE_FORMAT = 1;

/** Old servers report 2^64 - 1 for "no position"; no real log gets near 2^63 bytes. */
const NO_POSITION = 2n ** 63n;

export type StoredEnvelope = {
  format: typeof ENVELOPE_FORMAT;
  schemaVersion: number;
  recordedAt: string;
  prevHash: string | null;
  hash: string;
  payloadDigest: string;
};

/** The custom metadata of a ledger event on the server. */
export type StoredMetadata = { envelope: StoredEnvelope; metadata: EventMetadata };

/** An event as the client reads it back (its RecordedEvent), reduced to what the adapter looks at. */
export interface ClientStoredEvent {
  streamId: string;
  id: string;
  revision: bigint;
  type: string;
  isJson: boolean;
  data: unknown;
  metadata: unknown;
  /** Missing on servers older than 22.6 for reads of one stream. */
  position?: LogPosition;
}

/** A ledger event read back, with the digest that tells a retry from a conflicting reuse of its id. */
export interface StoredEvent {
  event: RecordedEvent;
  payloadDigest: string;
}

/** The last event of a stream, which the next append chains to; revision -1 and hash null when there is none. */
export interface StreamTip {
  revision: number;
  hash: string | null;
}

export const EMPTY_STREAM: StreamTip = { revision: -1, hash: null };

/** One event ready for appendToStream, with what the append computed for it. */
export interface ChainedEvent {
  id: string;
  revision: number;
  hash: string;
  payload: JSONEventData;
}

/** A stored event that the adapter cannot read as a ledger event (written by something else, or damaged). */
export class NotALedgerEventError extends Error {
  constructor(raw: Pick<ClientStoredEvent, 'id' | 'streamId' | 'revision'>, reason: string) {
    super(`EventStoreDB event ${raw.id} (${raw.streamId}@${raw.revision}) is not a ledger event: ${reason}`);
    this.name = 'NotALedgerEventError';
  }
}

/**
 * Numbers and hashes the events of one append after `tip`, all with the same recordedAt, the way the sqlite
 * adapter does it for one append in a batch.
 */
export function chainEvents(
  stream: string,
  events: PreparedEvent[],
  tip: StreamTip,
  recordedAt: string,
): ChainedEvent[] {
  let prevHash = tip.hash;
  return events.map((event, i) => {
    const revision = tip.revision + 1 + i;
    const { id, type, schemaVersion, dataJson, metadataJson } = event;
    const hash = hashEventParts({
      id,
      type,
      schemaVersion,
      stream,
      revision,
      recordedAt,
      prevHash,
      dataJson,
      metadataJson,
    });
    const envelope: StoredEnvelope = {
      format: ENVELOPE_FORMAT,
      schemaVersion,
      recordedAt,
      prevHash,
      hash,
      payloadDigest: event.digest,
    };
    prevHash = hash;
    return { id, revision, hash, payload: toClientEvent(event, envelope) };
  });
}

/** The client's shape of one event to append. Data and metadata are parsed from the prepared snapshot. */
export function toClientEvent(event: PreparedEvent, envelope: StoredEnvelope): JSONEventData {
  const metadata: StoredMetadata = {
    envelope,
    metadata: JSON.parse(event.metadataJson) as EventMetadata,
  };
  return {
    id: event.id,
    contentType: 'application/json',
    type: event.type,
    // Any JSON value; the client sends JSON.stringify(data), so a number or null round-trips as well.
    data: JSON.parse(event.dataJson) as JSONType,
    metadata,
  };
}

/** A ledger event of this namespace read back through the client. Throws NotALedgerEventError otherwise. */
export function fromClientEvent(names: StreamNames, raw: ClientStoredEvent): StoredEvent {
  const stream = names.portStream(raw.streamId);
  if (stream === null) throw new NotALedgerEventError(raw, `stream is outside namespace ${names.namespace}`);
  if (!raw.isJson) throw new NotALedgerEventError(raw, 'its content type is not JSON');
  // Servers before 22.6 give no $all position on reads of one stream (nothing, 0, or 2^64 - 1); position 0 is
  // never an event's (the log starts with the server's own records).
  if (!raw.position || raw.position.commit <= 0n || raw.position.commit >= NO_POSITION) {
    throw new NotALedgerEventError(
      raw,
      'the server gave no $all position (EventStoreDB 22.6 or later is needed)',
    );
  }
  const { envelope, metadata } = parseStoredMetadata(raw);
  return {
    event: {
      id: raw.id,
      type: raw.type,
      schemaVersion: envelope.schemaVersion,
      stream,
      revision: toRevisionNumber(raw.revision),
      position: toPortPosition(raw.position.commit),
      recordedAt: envelope.recordedAt,
      metadata,
      data: raw.data,
      prevHash: envelope.prevHash,
      hash: envelope.hash,
    },
    payloadDigest: envelope.payloadDigest,
  };
}

/** The tip an append chains to, from the stream's last event. */
export function toStreamTip(stored: StoredEvent | null): StreamTip {
  return stored ? { revision: stored.event.revision, hash: stored.event.hash } : EMPTY_STREAM;
}

function parseStoredMetadata(raw: ClientStoredEvent): StoredMetadata {
  const fail = (reason: string): never => {
    throw new NotALedgerEventError(raw, reason);
  };
  if (!isPlainObject(raw.metadata)) return fail('its metadata is not a JSON object');
  const { envelope, metadata } = raw.metadata;
  if (!isPlainObject(envelope)) return fail('its metadata has no envelope');
  if (envelope.format !== ENVELOPE_FORMAT)
    return fail(`envelope format ${String(envelope.format)} is unknown`);
  if (!isPlainObject(metadata)) return fail('its metadata has no ledger metadata');
  const { schemaVersion, recordedAt, prevHash, hash, payloadDigest } = envelope;
  if (typeof schemaVersion !== 'number' || !Number.isSafeInteger(schemaVersion))
    return fail('envelope.schemaVersion is not an integer');
  if (typeof recordedAt !== 'string') return fail('envelope.recordedAt is not a string');
  if (prevHash !== null && typeof prevHash !== 'string')
    return fail('envelope.prevHash is not a string or null');
  if (typeof hash !== 'string') return fail('envelope.hash is not a string');
  if (typeof payloadDigest !== 'string') return fail('envelope.payloadDigest is not a string');
  return {
    envelope: { format: ENVELOPE_FORMAT, schemaVersion, recordedAt, prevHash, hash, payloadDigest },
    metadata: metadata as unknown as EventMetadata,
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array)
  );
}

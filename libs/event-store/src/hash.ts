// Canonical JSON and the two digests of the event store: the per-event hash of the per-stream chain,
// and the payload digest that decides whether a re-sent event id is a retry or a conflict.
// Both are computed by the library, never by a store, so every adapter hashes an event the same way.
import * as crypto from 'node:crypto';
import type { EventMetadata, NewEvent, RecordedEvent } from '@ledger/domain';

/** A value that canonical JSON cannot represent (non-finite number, bigint, function, Date, class instance, ...). */
export class CanonicalJsonError extends TypeError {
  constructor(
    /** JSON path of the offending value, e.g. `$.data.items[2].amount`. */
    readonly path: string,
    reason: string,
  ) {
    super(`${path}: ${reason}`);
    this.name = 'CanonicalJsonError';
  }
}

/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, as RFC 8785), recursively, no whitespace,
 * properties whose value is undefined omitted. Only plain objects, arrays, strings, finite numbers,
 * booleans and null are accepted; anything else throws, so that what is hashed is exactly what
 * `JSON.parse` gives back after a round trip through any store.
 */
export function canonicalJson(value: unknown): string {
  try {
    return write(value);
  } catch (error) {
    if (error instanceof Unrepresentable)
      throw new CanonicalJsonError(`$${error.segments.join('')}`, error.reason);
    throw error;
  }
}

/**
 * JSON that is already canonical, embedded as is. Lets an adapter hash the exact text it stores without
 * parsing it back. Internal to the library (not exported from the package index).
 */
export class CanonicalFragment {
  constructor(readonly json: string) {}
}

/** Thrown inside write(); each level adds its path segment on the way out, so the happy path builds no paths. */
class Unrepresentable {
  readonly segments: string[] = [];
  constructor(readonly reason: string) {}
}

function write(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new Unrepresentable(`non-finite number ${String(value)}`);
      return JSON.stringify(value);
    case 'object':
      if (value === null) return 'null';
      return Array.isArray(value) ? writeArray(value) : writeObject(value);
    default:
      throw new Unrepresentable(`${typeof value} is not JSON`);
  }
}

function writeArray(array: unknown[]): string {
  let out = '[';
  for (let i = 0; i < array.length; i++) {
    const item: unknown = array[i];
    // JSON.stringify would turn these into null, which would not round-trip to the same value.
    if (item === undefined) throw withSegment(new Unrepresentable('undefined in an array'), `[${i}]`);
    if (i > 0) out += ',';
    out += writeItem(item, i);
  }
  return out + ']';
}

function writeObject(value: object): string {
  if (value instanceof CanonicalFragment) return value.json;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: string } }).constructor?.name ?? 'unknown';
    throw new Unrepresentable(`${name} instance is not a plain object`);
  }
  const record = value as Record<string, unknown>;
  let out = '{';
  let first = true;
  for (const key of Object.keys(record).sort()) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${first ? '' : ','}${JSON.stringify(key)}:${writeItem(item, key)}`;
    first = false;
  }
  return out + '}';
}

function writeItem(item: unknown, at: string | number): string {
  try {
    return write(item);
  } catch (error) {
    throw error instanceof Unrepresentable
      ? withSegment(error, typeof at === 'number' ? `[${at}]` : `.${at}`)
      : error;
  }
}

function withSegment(error: Unrepresentable, segment: string): Unrepresentable {
  error.segments.unshift(segment);
  return error;
}

/** Node's one-shot digest (20.12 and later): the same bytes as a Hash object, without making one per call. */
const oneShot = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

export function sha256Hex(text: string): string {
  return oneShot
    ? oneShot('sha256', text, 'hex')
    : crypto.createHash('sha256').update(text, 'utf8').digest('hex');
}

/** What the event hash covers. Not `position`: an adapter may learn it only after commit. Not `hash` itself. */
export type HashedEventFields = Pick<
  RecordedEvent,
  'id' | 'type' | 'schemaVersion' | 'stream' | 'revision' | 'recordedAt' | 'metadata' | 'data' | 'prevHash'
>;

/** Lowercase hex sha256 of the canonical JSON of the event's hashed fields. Extra fields (position, hash) are ignored. */
export function hashEvent(event: HashedEventFields): string {
  return sha256Hex(
    canonicalJson({
      id: event.id,
      type: event.type,
      schemaVersion: event.schemaVersion,
      stream: event.stream,
      revision: event.revision,
      recordedAt: event.recordedAt,
      metadata: event.metadata,
      data: event.data,
      prevHash: event.prevHash,
    }),
  );
}

/** hashEvent over data and metadata given as their canonical JSON (what a store keeps), with the same result. */
export function hashEventParts(
  event: Omit<HashedEventFields, 'data' | 'metadata'> & { dataJson: string; metadataJson: string },
): string {
  // The canonical JSON of hashEvent's object written out directly (keys in sorted order), so that the append
  // path, which hashes every event it stores, sorts and walks nothing; hash.unit.spec checks both agree.
  const { id, type, schemaVersion, stream, revision, recordedAt, prevHash, dataJson, metadataJson } = event;
  if (prevHash === undefined) {
    // Not from a store (they give null for a stream's first event): the general path omits it, as it would.
    return hashEvent({
      ...event,
      data: new CanonicalFragment(dataJson),
      metadata: new CanonicalFragment(metadataJson) as unknown as EventMetadata,
    });
  }
  checkScalar('schemaVersion', schemaVersion);
  checkScalar('revision', revision);
  return sha256Hex(
    `{"data":${dataJson},"id":${JSON.stringify(id)},"metadata":${metadataJson},` +
      `"prevHash":${prevHash === null ? 'null' : JSON.stringify(prevHash)},` +
      `"recordedAt":${JSON.stringify(recordedAt)},"revision":${revision},` +
      `"schemaVersion":${schemaVersion},"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`,
  );
}

/** What canonicalJson would refuse among the numbers written by hand above. */
function checkScalar(field: string, value: number): void {
  if (!Number.isFinite(value))
    throw new CanonicalJsonError(`$.${field}`, `non-finite number ${String(value)}`);
}

/** Metadata fields that may differ between a command and its retry; they do not make a payload different. */
const PER_ATTEMPT_METADATA = ['commandId', 'correlationId', 'causationId'] as const;

/**
 * The canonical JSON of an event's metadata, and of the same metadata without the per-attempt fields (what
 * payloadDigest covers), from one walk: `json` is canonicalJson(metadata), `digested` canonicalJson of the
 * metadata without commandId, correlationId and causationId. Throws CanonicalJsonError as canonicalJson does.
 */
export function canonicalMetadata(metadata: object): { json: string; digested: string } {
  try {
    const proto: unknown = Object.getPrototypeOf(metadata);
    if (Array.isArray(metadata) || (proto !== Object.prototype && proto !== null)) {
      const json = write(metadata);
      return { json, digested: json };
    }
    const record = metadata as Record<string, unknown>;
    let json = '{';
    let digested = '{';
    for (const key of Object.keys(record).sort()) {
      const item = record[key];
      if (item === undefined) continue;
      const member = `${JSON.stringify(key)}:${writeItem(item, key)}`;
      json += json.length > 1 ? `,${member}` : member;
      if (!(PER_ATTEMPT_METADATA as readonly string[]).includes(key))
        digested += digested.length > 1 ? `,${member}` : member;
    }
    return { json: json + '}', digested: digested + '}' };
  } catch (error) {
    if (error instanceof Unrepresentable)
      throw new CanonicalJsonError(`$${error.segments.join('')}`, error.reason);
    throw error;
  }
}

/**
 * payloadDigest from the parts a store has already made: the data's canonical JSON, and the metadata's
 * without its per-attempt fields (canonicalMetadata's `digested`); for a type that is a string and a
 * schemaVersion that is an integer, as the store's argument checks require. The same digest, written out
 * with its keys in canonical order; hash.unit.spec checks both agree.
 */
export function payloadDigestOfParts(
  stream: string,
  type: string,
  schemaVersion: number,
  dataJson: string,
  digestedMetadataJson: string,
): string {
  checkScalar('schemaVersion', schemaVersion);
  return sha256Hex(
    `{"data":${dataJson},"metadata":${digestedMetadataJson},"schemaVersion":${schemaVersion},` +
      `"stream":${JSON.stringify(stream)},"type":${JSON.stringify(type)}}`,
  );
}

/**
 * Digest of what makes an event the same fact: stream, type, schemaVersion, data and metadata without
 * commandId/correlationId/causationId. A re-sent event id with the same digest is a retry (replayed);
 * with another digest it is a conflict (DuplicateEventIdError).
 */
export function payloadDigest(stream: string, event: NewEvent): string {
  return payloadDigestOfData(stream, event, canonicalJson(event.data));
}

/** payloadDigest with the data given as its canonical JSON (an adapter has it already), with the same result. */
export function payloadDigestOfData(
  stream: string,
  event: Pick<NewEvent, 'type' | 'schemaVersion' | 'metadata'>,
  dataJson: string,
): string {
  const metadata: Record<string, unknown> = { ...event.metadata };
  for (const key of PER_ATTEMPT_METADATA) delete metadata[key];
  return sha256Hex(
    canonicalJson({
      stream,
      type: event.type,
      schemaVersion: event.schemaVersion,
      data: new CanonicalFragment(dataJson),
      metadata,
    }),
  );
}

import type { NewEvent, RecordedEvent } from '@ledger/domain';
import { prepareEvents } from '../event-store.validation';
import { hashEvent, hashEventParts } from '../hash';
import { toRecordedEvent, type EventRow } from '../sqlite/sqlite-statements';
import {
  chainEvents,
  EMPTY_STREAM,
  fromClientEvent,
  NotALedgerEventError,
  toStreamTip,
  type ChainedEvent,
  type ClientStoredEvent,
} from './esdb-envelope';
import { StreamNames } from './esdb-stream-names';

const names = new StreamNames('ledger');

const metadata = {
  occurredAt: '2025-03-01T08:00:00.000Z',
  actor: { officer: 'officer-1', agency: 'LDTBXH-BAC-AI', role: 'officer' },
  orgUnit: 'PHUOC-DAI',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  evidence: [{ ref: 'QĐ-12/UBND', sha256: 'a'.repeat(64) }],
};

/** The golden event of hash.unit.spec.ts: its hash is fixed for every adapter. */
const golden: NewEvent = {
  id: '6f1c2b9e-0c1a-4f43-9d1e-2a7f3c4b5d6e',
  type: 'HouseCompleted',
  schemaVersion: 1,
  metadata,
  data: { household: 'hh-ref', note: 'Nhà đại đoàn kết, xã Phước Đại', area: 36.5 },
};
const GOLDEN_HASH = 'afef9f1d5688ab19ff13016284d54e6a1591c54d8d4f2f956cf7804d886c70b2';
const tip = { revision: 0, hash: 'b'.repeat(64) };
const recordedAt = '2025-03-02T09:30:00.000Z';

/** What the client does to an appended event on its way to the server and back (JSON both ways). */
function throughTheClient(chained: ChainedEvent, commit: bigint): ClientStoredEvent {
  const { payload } = chained;
  return {
    streamId: names.data('housing-case-1'),
    id: payload.id,
    revision: BigInt(chained.revision),
    type: payload.type,
    isJson: true,
    data: JSON.parse(JSON.stringify(payload.data)) as unknown,
    metadata: JSON.parse(JSON.stringify(payload.metadata)) as unknown,
    position: { commit, prepare: commit },
  };
}

describe('chainEvents', () => {
  it('numbers and links the events after the tip, all with one recordedAt', () => {
    const prepared = prepareEvents('s', [golden, { ...golden, id: 'b2b2b2b2-0000-4000-8000-000000000000' }]);
    const chained = chainEvents('s', prepared, tip, recordedAt);
    expect(chained.map((e) => e.revision)).toEqual([1, 2]);
    const envelopes = chained.map((e) => (e.payload.metadata as { envelope: { prevHash: string } }).envelope);
    expect(envelopes[0]).toMatchObject({ format: 1, prevHash: tip.hash, recordedAt, schemaVersion: 1 });
    expect(envelopes[1]).toMatchObject({ prevHash: chained[0].hash, recordedAt });
    expect(envelopes[0]).toMatchObject({ hash: chained[0].hash, payloadDigest: prepared[0].digest });
  });

  it('starts a new stream at revision 0 with prevHash null', () => {
    const [first] = chainEvents('s', prepareEvents('s', [golden]), EMPTY_STREAM, recordedAt);
    expect(first.revision).toBe(0);
    expect((first.payload.metadata as { envelope: { prevHash: null } }).envelope.prevHash).toBeNull();
  });

  it('gives the client a JSON event with our id and type, and the data and metadata as sent', () => {
    const [{ payload }] = chainEvents('s', prepareEvents('s', [golden]), tip, recordedAt);
    expect(payload).toMatchObject({ id: golden.id, type: golden.type, contentType: 'application/json' });
    expect(payload.data).toEqual(golden.data);
    expect((payload.metadata as { metadata: unknown }).metadata).toEqual(golden.metadata);
  });
});

describe('an event through the client and back', () => {
  const [chained] = chainEvents('housing-case-1', prepareEvents('housing-case-1', [golden]), tip, recordedAt);
  const { event, payloadDigest } = fromClientEvent(names, throughTheClient(chained, 21n));

  it('hashes to the golden hash, the one the sqlite store computes for the same event', () => {
    expect(chained.hash).toBe(GOLDEN_HASH);
    expect(event.hash).toBe(GOLDEN_HASH);
    expect(hashEvent(event)).toBe(GOLDEN_HASH);
  });

  it('reads back as the identical RecordedEvent the sqlite store gives for the same row', () => {
    const [prepared] = prepareEvents('housing-case-1', [golden]);
    const prevHash = tip.hash;
    const row: EventRow = {
      position: 42,
      id: golden.id,
      stream: 'housing-case-1',
      revision: 1,
      type: golden.type,
      schema_version: 1,
      recorded_at: recordedAt,
      metadata: prepared.metadataJson,
      data: prepared.dataJson,
      prev_hash: prevHash,
      hash: hashEventParts({ ...prepared, stream: 'housing-case-1', revision: 1, recordedAt, prevHash }),
      payload_digest: prepared.digest,
    };
    const fromSqlite: RecordedEvent = toRecordedEvent(row);
    expect(event).toEqual(fromSqlite);
    expect(payloadDigest).toBe(row.payload_digest);
  });

  it('takes position from the commit position (doubled) and stream without the namespace', () => {
    expect(event.position).toBe(42);
    expect(event.stream).toBe('housing-case-1');
    expect(toStreamTip({ event, payloadDigest })).toEqual({ revision: 1, hash: GOLDEN_HASH });
    expect(toStreamTip(null)).toEqual(EMPTY_STREAM);
  });

  it('keeps data that is not an object (a number, null, a string)', () => {
    for (const data of [7, null, 'text', [1, 'a']]) {
      const [c] = chainEvents('s', prepareEvents('s', [{ ...golden, data }]), EMPTY_STREAM, recordedAt);
      const back = fromClientEvent(names, { ...throughTheClient(c, 99n), streamId: names.data('s') }).event;
      expect(back.data).toEqual(data);
      expect(hashEvent(back)).toBe(c.hash);
    }
  });
});

describe('fromClientEvent refuses what is not a ledger event of the namespace', () => {
  const [chained] = chainEvents('housing-case-1', prepareEvents('housing-case-1', [golden]), tip, recordedAt);
  const good = throughTheClient(chained, 21n);
  const envelope = (good.metadata as { envelope: object }).envelope;

  it.each([
    ['another namespace', { streamId: 'other.housing-case-1' }, /outside namespace ledger/],
    ['a system stream', { streamId: '$stats-1' }, /outside namespace/],
    ['binary content', { isJson: false }, /not JSON/],
    ['no position (server before 22.6)', { position: undefined }, /22\.6/],
    ['position 0', { position: { commit: 0n, prepare: 0n } }, /22\.6/],
    ['position 2^64 - 1', { position: { commit: 2n ** 64n - 1n, prepare: 0n } }, /22\.6/],
    ['no metadata', { metadata: undefined }, /not a JSON object/],
    ['no envelope', { metadata: { metadata } }, /no envelope/],
    ['an unknown format', { metadata: { envelope: { ...envelope, format: 2 }, metadata } }, /format 2/],
    ['no hash', { metadata: { envelope: { ...envelope, hash: 1 }, metadata } }, /hash/],
    ['no ledger metadata', { metadata: { envelope } }, /no ledger metadata/],
  ])('%s', (_label, change, message) => {
    const raw = { ...good, ...change } as ClientStoredEvent;
    expect(() => fromClientEvent(names, raw)).toThrow(NotALedgerEventError);
    expect(() => fromClientEvent(names, raw)).toThrow(message);
  });
});

import { createHash } from 'node:crypto';
import type { NewEvent, RecordedEvent } from '@ledger/domain';
import {
  canonicalJson,
  CanonicalJsonError,
  hashEvent,
  canonicalMetadata,
  hashEventParts,
  payloadDigest,
  payloadDigestOfParts,
  payloadDigestOfData,
  sha256Hex,
} from './hash';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

const metadata = {
  occurredAt: '2025-03-01T08:00:00.000Z',
  actor: { officer: 'officer-1', agency: 'LDTBXH-BAC-AI', role: 'officer' },
  orgUnit: 'PHUOC-DAI',
  commandId: 'cmd-1',
  correlationId: 'corr-1',
  causationId: 'cause-1',
  evidence: [{ ref: 'QĐ-12/UBND', sha256: 'a'.repeat(64) }],
};

const event: RecordedEvent = {
  id: '6f1c2b9e-0c1a-4f43-9d1e-2a7f3c4b5d6e',
  type: 'HouseCompleted',
  schemaVersion: 1,
  stream: 'housing-case-1',
  revision: 1,
  position: 42,
  recordedAt: '2025-03-02T09:30:00.000Z',
  metadata,
  data: { household: 'hh-ref', note: 'Nhà đại đoàn kết, xã Phước Đại', area: 36.5 },
  prevHash: 'b'.repeat(64),
  hash: 'ignored',
};

describe('canonicalJson', () => {
  it('sorts keys recursively and leaves no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: true, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[3,{"y":null,"z":true}]},"b":1}',
    );
  });

  it('omits undefined properties and keeps Unicode as is', () => {
    expect(canonicalJson({ a: undefined, b: 'Bác Ái' })).toBe('{"b":"Bác Ái"}');
  });

  it('is stable across a JSON round trip', () => {
    const value = { n: -0, big: 1e21, small: 5e-7, s: 'a"\\\n\u2028', list: [[], {}] };
    const once = canonicalJson(value);
    expect(canonicalJson(JSON.parse(once))).toBe(once);
  });

  it.each([
    ['NaN', { a: NaN }, '$.a'],
    ['Infinity', { a: [1, Infinity] }, '$.a[1]'],
    ['bigint', { a: 1n }, '$.a'],
    ['a function', { a: () => 1 }, '$.a'],
    ['a Date', { a: new Date(0) }, '$.a'],
    ['undefined in an array', [1, undefined], '$[1]'],
    ['undefined at the top', undefined, '$'],
  ])('throws on %s, naming the path', (_label, value, path) => {
    expect(() => canonicalJson(value)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson(value)).toThrow(path);
  });
});

describe('hashEvent', () => {
  it('is the sha256 of the canonical JSON of the hashed fields (golden vector, fixed for every adapter)', () => {
    const expectedCanonical =
      '{"data":{"area":36.5,"household":"hh-ref","note":"Nhà đại đoàn kết, xã Phước Đại"},' +
      '"id":"6f1c2b9e-0c1a-4f43-9d1e-2a7f3c4b5d6e",' +
      '"metadata":{"actor":{"agency":"LDTBXH-BAC-AI","officer":"officer-1","role":"officer"},' +
      '"causationId":"cause-1","commandId":"cmd-1","correlationId":"corr-1",' +
      `"evidence":[{"ref":"QĐ-12/UBND","sha256":"${'a'.repeat(64)}"}],` +
      '"occurredAt":"2025-03-01T08:00:00.000Z","orgUnit":"PHUOC-DAI"},' +
      `"prevHash":"${'b'.repeat(64)}","recordedAt":"2025-03-02T09:30:00.000Z","revision":1,` +
      '"schemaVersion":1,"stream":"housing-case-1","type":"HouseCompleted"}';
    expect(hashEvent(event)).toBe(sha256(expectedCanonical));
    // Computed independently (Python hashlib over the literal above); changing it breaks every stored chain.
    expect(hashEvent(event)).toBe('afef9f1d5688ab19ff13016284d54e6a1591c54d8d4f2f956cf7804d886c70b2');
  });

  it('ignores position and the stored hash, and covers every other field', () => {
    expect(hashEvent({ ...event, position: 7, hash: 'x' } as RecordedEvent)).toBe(hashEvent(event));
    const variants: Partial<RecordedEvent>[] = [
      { id: 'other' },
      { type: 'Other' },
      { schemaVersion: 2 },
      { stream: 'other' },
      { revision: 2 },
      { recordedAt: '2025-03-02T09:30:00.001Z' },
      { metadata: { ...metadata, orgUnit: 'OTHER' } },
      { data: { ...(event.data as object), area: 36.6 } },
      { prevHash: null },
    ];
    for (const change of variants) expect(hashEvent({ ...event, ...change })).not.toBe(hashEvent(event));
  });

  it('gives the same hash from the stored canonical parts', () => {
    expect(
      hashEventParts({
        ...event,
        dataJson: canonicalJson(event.data),
        metadataJson: canonicalJson(event.metadata),
      }),
    ).toBe(hashEvent(event));
  });

  it("gives the same hash from the parts for a stream's first event, and refuses what canonical JSON refuses", () => {
    const first = { ...event, revision: 0, prevHash: null, stream: 'dòng "sự kiện"\n' };
    const parts = { dataJson: canonicalJson(first.data), metadataJson: canonicalJson(first.metadata) };
    expect(hashEventParts({ ...first, ...parts })).toBe(hashEvent(first));
    expect(() => hashEventParts({ ...first, ...parts, revision: Number.NaN })).toThrow(CanonicalJsonError);
    expect(() => hashEvent({ ...first, revision: Number.NaN })).toThrow(CanonicalJsonError);
  });
});

describe('payloadDigest', () => {
  const newEvent: NewEvent = { id: event.id, type: event.type, schemaVersion: 1, data: event.data, metadata };

  it('ignores the per-attempt ids of the metadata', () => {
    const retry = {
      ...newEvent,
      metadata: { ...metadata, commandId: 'c2', correlationId: 'r2', causationId: 'k2' },
    };
    expect(payloadDigest('s', retry)).toBe(payloadDigest('s', newEvent));
  });

  it('changes with the stream, the data and the rest of the metadata', () => {
    const base = payloadDigest('s', newEvent);
    expect(payloadDigest('t', newEvent)).not.toBe(base);
    expect(payloadDigest('s', { ...newEvent, data: { other: 1 } })).not.toBe(base);
    expect(
      payloadDigest('s', { ...newEvent, metadata: { ...metadata, occurredAt: '2025-03-01T08:00:01.000Z' } }),
    ).not.toBe(base);
    expect(payloadDigest('s', { ...newEvent, metadata: { ...metadata, evidence: [] } })).not.toBe(base);
  });

  it('is the sha256 of the canonical JSON of stream, type, version, data and metadata, the data given as JSON or not', () => {
    const retry = { ...newEvent, metadata: { ...metadata, commandId: 'c2', correlationId: 'r2' } };
    const { commandId: _c, correlationId: _r, causationId: _k, ...kept } = retry.metadata;
    const expected = sha256Hex(
      canonicalJson({ stream: 's', type: event.type, schemaVersion: 1, data: event.data, metadata: kept }),
    );
    expect(payloadDigest('s', retry)).toBe(expected);
    expect(payloadDigestOfData('s', retry, canonicalJson(event.data))).toBe(expected);
  });

  it('is the same from the parts a store makes (one walk of the metadata), whatever the per-attempt ids', () => {
    const variants = [
      newEvent,
      { ...newEvent, metadata: { ...metadata, commandId: 'c2', correlationId: 'r2', causationId: 'k2' } },
      { ...newEvent, type: 'Loại "mới"\n', schemaVersion: 3 },
      { ...newEvent, metadata: { ...metadata, evidence: [], extra: undefined } },
    ];
    for (const variant of variants) {
      const parts = canonicalMetadata(variant.metadata);
      expect(parts.json).toBe(canonicalJson(variant.metadata));
      const dataJson = canonicalJson(variant.data);
      for (const stream of ['s', 'dòng "sự kiện"']) {
        expect(
          payloadDigestOfParts(stream, variant.type, variant.schemaVersion, dataJson, parts.digested),
        ).toBe(payloadDigest(stream, variant));
      }
    }
  });

  it('refuses from the parts what canonical JSON refuses, naming the same path', () => {
    const bad = { ...metadata, evidence: [{ sha256: Number.NaN }] } as unknown as object;
    expect(() => canonicalMetadata(bad)).toThrow(CanonicalJsonError);
    const paths = [canonicalMetadata, canonicalJson].map((make) => {
      try {
        make(bad);
        return 'accepted';
      } catch (error) {
        return (error as CanonicalJsonError).path;
      }
    });
    expect(paths).toEqual(['$.evidence[0].sha256', '$.evidence[0].sha256']);
    expect(() => payloadDigestOfParts('s', 'T', Number.NaN, '{}', '{}')).toThrow(CanonicalJsonError);
  });
});

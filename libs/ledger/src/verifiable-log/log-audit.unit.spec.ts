import {
  generateLogKeyPair,
  rootOfLeafHashes,
  eventLeafHash,
  signTreeHead,
  treeHead,
} from '@ledger/verifiable-log';
import { auditLog, type AuditedEvent, type RecordedLeaf } from './log-audit';

const key = generateLogKeyPair();
const hashOf = (n: number): string => (n * 7919).toString(16).padStart(64, 'a');
const log = (n: number): AuditedEvent[] =>
  Array.from({ length: n }, (_, i) => ({ id: `e-${i + 1}`, position: i + 1, hash: hashOf(i + 1) }));
const leavesOf = (events: AuditedEvent[]): RecordedLeaf[] =>
  events.map((e, leafIndex) => ({ eventId: e.id, position: e.position, leafIndex, eventHash: e.hash }));
const headOver = (events: AuditedEvent[], size: number) =>
  signTreeHead(
    treeHead(
      size,
      rootOfLeafHashes(events.slice(0, size).map((e) => eventLeafHash(e.hash))).toString('hex'),
      new Date('2026-05-01T00:00:00.000Z'),
    ),
    key.privateKeyPem,
  );

describe('auditLog (the Merkle half of ledger-cli verify)', () => {
  const original = log(12);
  const heads = [headOver(original, 5), headOver(original, 9)];
  const recordedLeaves = leavesOf(original);

  it('passes an untouched log, heads, events appended after them included', async () => {
    const report = await auditLog({ events: original, heads, publicKey: key.publicKeyPem, recordedLeaves });
    expect(report).toMatchObject({
      ok: true,
      leaves: 12,
      headsChecked: 2,
      problems: [],
      firstBadPosition: null,
    });
  });

  it('names the first edited event', async () => {
    const events = original.map((e) => (e.position === 7 ? { ...e, hash: hashOf(99) } : e));
    const report = await auditLog({ events, heads, publicKey: key.publicKeyPem, recordedLeaves });
    expect(report.ok).toBe(false);
    expect(report.firstBadPosition).toBe(7);
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'head_root_mismatch', head: 2, position: 7 }),
    ]);
  });

  it('names a removed event', async () => {
    const events = original.filter((e) => e.position !== 3);
    const report = await auditLog({ events, heads, publicKey: key.publicKeyPem, recordedLeaves });
    expect(report.firstBadPosition).toBe(3);
    expect(report.problems.map((p) => p.head)).toEqual([1, 2]);
  });

  it('names the first of two reordered events', async () => {
    const events = original.map((e) =>
      e.position === 4
        ? { ...original[7], position: 4 }
        : e.position === 8
          ? { ...original[3], position: 8 }
          : e,
    );
    const report = await auditLog({ events, heads, publicKey: key.publicKeyPem, recordedLeaves });
    expect(report.firstBadPosition).toBe(4);
  });

  it('names the first missing event when the newest ones were cut off', async () => {
    const report = await auditLog({
      events: original.slice(0, 7),
      heads,
      publicKey: key.publicKeyPem,
      recordedLeaves,
    });
    expect(report.problems).toEqual([
      expect.objectContaining({ kind: 'events_missing', head: 2, position: 8 }),
    ]);
  });

  it('without the recorded leaves, points after the last head that holds', async () => {
    const events = original.map((e) => (e.position === 7 ? { ...e, hash: hashOf(99) } : e));
    const report = await auditLog({ events, heads, publicKey: key.publicKeyPem });
    expect(report.firstBadPosition).toBe(6);
  });

  it('does not trust recorded leaves that were rebuilt from the tampered events', async () => {
    const events = original.map((e) => (e.position === 7 ? { ...e, hash: hashOf(99) } : e));
    const report = await auditLog({
      events,
      heads,
      publicKey: key.publicKeyPem,
      recordedLeaves: leavesOf(events),
    });
    expect(report.firstBadPosition).toBe(6);
  });

  it('reports a head whose signature fails', async () => {
    const forged = { ...heads[0], treeSize: 4 };
    const report = await auditLog({
      events: original,
      heads: [forged, heads[1]],
      publicKey: key.publicKeyPem,
    });
    expect(report.problems).toEqual([expect.objectContaining({ kind: 'head_signature', head: 1 })]);
  });
});

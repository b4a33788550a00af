import { createPrivateKey } from 'node:crypto';
import type { RecordedEvent } from '@ledger/domain';
import { hashEvent } from '@ledger/event-store';
import {
  appendLeafHash,
  EMPTY_FRONTIER,
  eventLeafHash,
  frontierRoot,
  generateLogKeyPair,
  InMemoryNodeStore,
  signTreeHead,
  treeHead,
  type SignedTreeHead,
  type TreeFrontier,
} from '@ledger/verifiable-log';
import { collectEvidence } from './collect-evidence';
import { checkEvidenceBundle, type EvidenceBundle } from './evidence-bundle';
import type { RecordedLeaf } from './log-audit';
import type { MerkleLogReader } from './merkle-log.reader';

const pair = generateLogKeyPair();
const key = {
  privateKey: createPrivateKey(pair.privateKeyPem),
  publicKeyPem: pair.publicKeyPem,
  keyId: pair.keyId,
};

function recorded(position: number, agency: string, day: string): RecordedEvent {
  const base = {
    id: `00000000-0000-4000-8000-${String(position).padStart(12, '0')}`,
    type: 'HousingCaseRegistered',
    schemaVersion: 1,
    stream: `housing-${position}`,
    revision: 0,
    recordedAt: `2026-05-0${position}T00:00:00.000Z`,
    prevHash: null,
    data: { n: position },
    metadata: {
      occurredAt: `${day}T09:00:00+07:00`,
      actor: { officer: 'can-bo-01', agency, role: 'officer' },
      orgUnit: 'PHUOC-DAI',
      commandId: 'c',
      correlationId: 'c',
      causationId: 'c',
      evidence: [],
    },
  };
  return { ...base, position, hash: hashEvent(base as unknown as RecordedEvent) } as RecordedEvent;
}

const events = [
  recorded(1, 'A', '2026-03-01'),
  recorded(2, 'B', '2026-03-02'),
  recorded(3, 'A', '2026-03-05'),
  recorded(4, 'A', '2026-04-01'),
  recorded(5, 'A', '2026-03-03'),
];

async function bundle(): Promise<EvidenceBundle> {
  const store = new InMemoryNodeStore();
  const leaves = new Map<number, RecordedLeaf>();
  let frontier: TreeFrontier = EMPTY_FRONTIER;
  const heads: SignedTreeHead[] = [];
  for (const e of events) {
    leaves.set(e.position, {
      eventId: e.id,
      position: e.position,
      leafIndex: frontier.size,
      eventHash: e.hash,
    });
    const next = appendLeafHash(frontier, eventLeafHash(e.hash));
    store.put(next.writes);
    frontier = next.frontier;
    if (frontier.size === 3 || frontier.size === 5)
      heads.push(
        signTreeHead(
          treeHead(frontier.size, frontierRoot(frontier), new Date(Date.UTC(2026, 4, frontier.size))),
          key.privateKey,
        ),
      );
  }
  const tree = Object.assign(store, {
    leafAt: (position: number) => Promise.resolve(leaves.get(position) ?? null),
  });
  return collectEvidence({
    events: (async function* () {
      yield* events;
    })(),
    selection: { from: '2026-03-01', to: '2026-03-31', agency: 'A' },
    tree: tree as unknown as MerkleLogReader,
    heads,
    key,
    projectionVersions: { 'merkle-log': 1, indicators: 3 },
    now: new Date('2026-06-01T00:00:00.000Z'),
  });
}

/** Every path to a string, number or boolean in the bundle. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) =>
      leaves(v, [...path, Array.isArray(value) ? Number(k) : k]),
    );
  return [path];
}

function edited(original: EvidenceBundle, path: (string | number)[]): unknown {
  const copy = JSON.parse(JSON.stringify(original)) as Record<string | number, unknown>;
  let at = copy;
  for (const step of path.slice(0, -1)) at = at[step] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  const value = at[last];
  at[last] =
    typeof value === 'number'
      ? value + 1
      : typeof value === 'boolean'
        ? !value
        : typeof value === 'string'
          ? value.length > 0
            ? (value[0] === 'a' ? 'b' : 'a') + value.slice(1)
            : 'x'
          : 'x';
  return copy;
}

describe('evidence bundles', () => {
  it('carry the selected events with proofs, heads, key and versions, and check with nothing else', async () => {
    const b = await bundle();
    expect(b.events.map((e) => e.event.position)).toEqual([1, 3, 5]);
    expect(b.heads.map((h) => h.treeSize)).toEqual([3, 5]);
    expect(b.projectionVersions).toEqual({ 'merkle-log': 1, indicators: 3 });
    expect(checkEvidenceBundle(JSON.parse(JSON.stringify(b)))).toMatchObject({
      ok: true,
      problems: [],
      events: 3,
      heads: 2,
    });
    expect(checkEvidenceBundle(b, pair.publicKeyPem).ok).toBe(true);
  });

  it('fails when edited anywhere', async () => {
    const b = await bundle();
    const paths = leaves(b);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const result = checkEvidenceBundle(edited(b, path));
      if (result.ok) throw new Error(`an edit at ${path.join('.')} went unnoticed`);
    }
  });

  it('fails when an event, a head or a proof is removed or the events reordered', async () => {
    const b = await bundle();
    expect(checkEvidenceBundle({ ...b, events: b.events.slice(1) }).ok).toBe(false);
    expect(checkEvidenceBundle({ ...b, events: [b.events[1], b.events[0], b.events[2]] }).ok).toBe(false);
    expect(checkEvidenceBundle({ ...b, heads: b.heads.slice(1), proofHead: 0 }).ok).toBe(false);
    expect(checkEvidenceBundle({ ...b, consistency: [] }).ok).toBe(false);
  });

  it('fails against another trusted key', async () => {
    const b = await bundle();
    const check = checkEvidenceBundle(b, generateLogKeyPair().publicKeyPem);
    expect(check.ok).toBe(false);
  });
});

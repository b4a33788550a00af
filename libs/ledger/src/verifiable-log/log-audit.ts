// The Merkle half of `ledger-cli verify`: recomputes the tree from the stored events and checks it against
// every signed head, so that an event edited, removed or reordered after a head was signed is found, and
// named. Streams in, O(log n) memory.
//
// Naming the first bad position: a head only says "some leaf below my size differs". The Merkle
// projection's leaf tiles (merkle_leaf_tiles, in leaf order) say which event each leaf was when it was
// projected; when they still reproduce a signed head, they are the log as signed, and the first leaf where
// the events and they disagree is the first bad position. When they do not (the read store was rebuilt
// from the tampered events, or lost), the report falls back to the first leaf after the last head that
// still holds, which is where the damage can start.
//
// The leaves are also checked on their own, head or no head: an event the projection recorded as a leaf
// that the store now holds with another hash, id or position is named (leaf_mismatch), even when it is newer
// than every signed head and was edited with its stream's chain recomputed.
import {
  appendLeafHash,
  EMPTY_FRONTIER,
  eventLeafHash,
  frontierRoot,
  verifyTreeHead,
  type SignedTreeHead,
  type TreeFrontier,
} from '@ledger/verifiable-log';

export interface AuditedEvent {
  id: string;
  position: number;
  hash: string;
}

/** What the Merkle projection recorded for a leaf (in its tile of merkle_leaf_tiles). */
export interface RecordedLeaf {
  eventId: string;
  position: number;
  leafIndex: number;
  eventHash: string;
}

export type LogAuditProblemKind =
  'head_signature' | 'head_root_mismatch' | 'events_missing' | 'leaf_mismatch';

export interface LogAuditProblem {
  kind: LogAuditProblemKind;
  /** Head sequence (1-based, signing order) the problem was found against; null for a leaf no head covers. */
  head: number | null;
  /** The first bad position when it can be named (see the file header), else null. */
  position: number | null;
  detail: string;
}

export interface LogAuditReport {
  ok: boolean;
  leaves: number;
  headsChecked: number;
  problems: LogAuditProblem[];
  /** Smallest position named by a problem; null when ok or when none could be named. */
  firstBadPosition: number | null;
}

interface HeadCheck {
  sequence: number;
  head: SignedTreeHead;
  eventsRoot?: string;
  leavesRoot?: string;
}

export async function auditLog(input: {
  events: AsyncIterable<AuditedEvent> | Iterable<AuditedEvent>;
  /** The signed heads, in signing order. */
  heads: readonly SignedTreeHead[];
  publicKey: string;
  /** The Merkle projection's leaves in leaf order; absent when the read store is not at hand. */
  recordedLeaves?: AsyncIterable<RecordedLeaf> | Iterable<RecordedLeaf>;
}): Promise<LogAuditReport> {
  const problems: LogAuditProblem[] = [];
  const checks: HeadCheck[] = [];
  input.heads.forEach((head, i) => {
    const signature = verifyTreeHead(head, input.publicKey);
    if (!signature.ok)
      problems.push({ kind: 'head_signature', head: i + 1, position: null, detail: signature.reason });
    else checks.push({ sequence: i + 1, head });
  });
  const bySize = new Map<number, HeadCheck[]>();
  for (const check of checks)
    bySize.set(check.head.treeSize, [...(bySize.get(check.head.treeSize) ?? []), check]);

  // Walk events and recorded leaves side by side, leaf by leaf.
  const events = iterate(input.events);
  const leaves = input.recordedLeaves ? iterate(input.recordedLeaves) : undefined;
  let eventTree: TreeFrontier = EMPTY_FRONTIER;
  let leafTree: TreeFrontier = EMPTY_FRONTIER;
  let firstDisagreement: { index: number; position: number; detail: string } | undefined;
  const recordedPositionAt = new Map<number, number>();
  // Leaf index -> position, kept only at head boundaries (and 0): where damage after a good head starts.
  const boundaryPosition = new Map<number, number>();
  const wanted = new Set([0, ...checks.map((c) => c.head.treeSize)]);
  let lastEventPosition = 0;
  for (let index = 0; ; index++) {
    const [event, leaf] = await Promise.all([events.next(), leaves?.next()]);
    const e = event.done ? undefined : event.value;
    const l = leaf === undefined || leaf.done ? undefined : leaf.value;
    if (!e && !l) break;
    if (e) {
      eventTree = appendLeafHash(eventTree, eventLeafHash(e.hash)).frontier;
      lastEventPosition = e.position;
      if (wanted.has(index)) boundaryPosition.set(index, e.position);
    }
    if (l) {
      leafTree = appendLeafHash(leafTree, eventLeafHash(l.eventHash)).frontier;
      if (wanted.has(index)) recordedPositionAt.set(index, l.position);
    }
    if (
      !firstDisagreement &&
      e &&
      l &&
      (e.hash !== l.eventHash || e.id !== l.eventId || e.position !== l.position)
    ) {
      firstDisagreement = {
        index,
        position: Math.min(e.position, l.position),
        detail:
          `leaf ${index} was event ${l.eventId} at position ${l.position} (hash ${l.eventHash.slice(0, 12)}…); ` +
          `the store now has event ${e.id} at position ${e.position} (hash ${e.hash.slice(0, 12)}…)`,
      };
    }
    if (!firstDisagreement && !e && l) {
      firstDisagreement = {
        index,
        position: l.position,
        detail: `leaf ${index} was event ${l.eventId} at position ${l.position}; the store has no event there any more`,
      };
    }
    for (const check of bySize.get(index + 1) ?? []) {
      if (e) check.eventsRoot = frontierRoot(eventTree);
      if (l) check.leavesRoot = frontierRoot(leafTree);
    }
  }
  for (const check of bySize.get(0) ?? []) {
    check.eventsRoot = frontierRoot(EMPTY_FRONTIER);
    check.leavesRoot = frontierRoot(EMPTY_FRONTIER);
  }

  // Judge every head, in size order, remembering the largest one that still holds.
  let lastGoodSize = 0;
  for (const check of [...checks].sort((a, b) => a.head.treeSize - b.head.treeSize)) {
    const { head, sequence } = check;
    if (check.eventsRoot === head.rootHash) {
      lastGoodSize = Math.max(lastGoodSize, head.treeSize);
      continue;
    }
    const recordedIsAuthentic = check.leavesRoot === head.rootHash;
    const named =
      recordedIsAuthentic && firstDisagreement && firstDisagreement.index < head.treeSize
        ? firstDisagreement
        : undefined;
    const fallback =
      boundaryPosition.get(lastGoodSize) ?? recordedPositionAt.get(lastGoodSize) ?? lastEventPosition + 1;
    if (check.eventsRoot === undefined) {
      problems.push({
        kind: 'events_missing',
        head: sequence,
        position: named?.position ?? fallback,
        detail:
          `head ${sequence} was signed over ${head.treeSize} events; the store has ${eventTree.size}` +
          (named ? `: ${named.detail}` : ''),
      });
      continue;
    }
    problems.push({
      kind: 'head_root_mismatch',
      head: sequence,
      position: named?.position ?? fallback,
      detail:
        `the first ${head.treeSize} events do not give the root of head ${sequence}` +
        (named
          ? `: ${named.detail}`
          : `; the damage lies after leaf ${lastGoodSize} (the last head that holds), from position ${fallback}`),
    });
  }
  // The recorded leaves disagree with the store where no head said so (or where a head found nothing): named.
  if (firstDisagreement && !problems.some((p) => p.kind !== 'head_signature')) {
    problems.push({
      kind: 'leaf_mismatch',
      head: null,
      position: firstDisagreement.position,
      detail: firstDisagreement.detail,
    });
  }
  const positions = problems.map((p) => p.position).filter((p): p is number => p !== null);
  return {
    ok: problems.length === 0,
    leaves: eventTree.size,
    headsChecked: input.heads.length,
    problems,
    firstBadPosition: positions.length > 0 ? Math.min(...positions) : null,
  };
}

function iterate<T>(source: AsyncIterable<T> | Iterable<T>): AsyncIterator<T> | Iterator<T> {
  return Symbol.asyncIterator in source
    ? (source as AsyncIterable<T>)[Symbol.asyncIterator]()
    : (source as Iterable<T>)[Symbol.iterator]();
}

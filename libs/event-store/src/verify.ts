// Checks a whole store through the port, so it works on every adapter: every event's hash, every stream's
// hash chain and revision sequence, and (where the adapter guarantees it) that no position is missing.
// What it cannot see alone: the newest event of a stream edited with its hash recomputed, or the newest
// events removed; the signed Merkle tree heads cover those.
import type { RecordedEvent } from '@ledger/domain';
import type { EventStore } from './event-store.port';
import { CanonicalJsonError, hashEvent } from './hash';

export type VerifyProblemKind = 'hash_mismatch' | 'broken_chain' | 'revision_gap' | 'position_gap';

export interface VerifyProblem {
  position: number;
  eventId: string;
  stream: string;
  kind: VerifyProblemKind;
  detail: string;
}

export interface VerifyProgress {
  eventsChecked: number;
  /** Position of the last event checked. */
  position: number;
  headPosition: number;
}

export interface VerifyOptions {
  /** Positions must run 1, 2, 3, ... with no gap. Default true (the sqlite adapter guarantees it); turn off for
   * an adapter whose positions are increasing but not contiguous. */
  checkPositionGaps?: boolean;
  /** Events per readAll. Default 1000. */
  pageSize?: number;
  /** Called after every page. */
  onProgress?: (progress: VerifyProgress) => void;
  /** Problems kept in the report; counting goes on past it (problemCount). Default 10000. */
  maxProblems?: number;
}

export interface VerifyReport {
  eventsChecked: number;
  /** Distinct streams seen. */
  streams: number;
  /** The head when verification started; events appended later are not checked. */
  headPosition: number;
  ok: boolean;
  problems: VerifyProblem[];
  /** Total problems found, including those past maxProblems. */
  problemCount: number;
  firstProblem: VerifyProblem | null;
}

interface StreamTip {
  revision: number;
  hash: string;
}

export async function verifyEventStore(
  store: EventStore,
  options: VerifyOptions = {},
): Promise<VerifyReport> {
  const checkPositionGaps = options.checkPositionGaps ?? true;
  const pageSize = options.pageSize ?? 1000;
  const maxProblems = options.maxProblems ?? 10_000;
  const headPosition = await store.headPosition();
  const tips = new Map<string, StreamTip>();
  const problems: VerifyProblem[] = [];
  let problemCount = 0;
  let eventsChecked = 0;
  let lastPosition = 0;

  const report = (event: RecordedEvent, kind: VerifyProblemKind, detail: string): void => {
    problemCount += 1;
    if (problems.length < maxProblems) {
      problems.push({ position: event.position, eventId: event.id, stream: event.stream, kind, detail });
    }
  };

  const check = (event: RecordedEvent): void => {
    if (event.position <= lastPosition) {
      report(
        event,
        'position_gap',
        `position ${event.position} follows ${lastPosition}: positions must increase`,
      );
    } else if (checkPositionGaps && event.position !== lastPosition + 1) {
      const missing = event.position - lastPosition - 1;
      report(
        event,
        'position_gap',
        `positions ${lastPosition + 1}..${event.position - 1} are missing (${missing})`,
      );
    }
    lastPosition = Math.max(lastPosition, event.position);

    const recomputed = recompute(event);
    if (recomputed !== event.hash)
      report(event, 'hash_mismatch', `stored hash ${event.hash}, content hashes to ${recomputed}`);

    const tip = tips.get(event.stream);
    const expectedRevision = tip ? tip.revision + 1 : 0;
    if (event.revision !== expectedRevision) {
      report(event, 'revision_gap', `revision ${event.revision} where ${expectedRevision} was expected`);
    }
    const expectedPrev = tip ? tip.hash : null;
    if (event.prevHash !== expectedPrev) {
      report(
        event,
        'broken_chain',
        `prevHash ${event.prevHash ?? 'null'} but the stream's previous stored event hashes ${expectedPrev ?? 'to nothing (first event)'}`,
      );
    }
    tips.set(event.stream, { revision: event.revision, hash: event.hash });
    eventsChecked += 1;
  };

  let from = 1;
  while (from <= headPosition) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    const inScope = page.filter((event) => event.position <= headPosition);
    inScope.forEach(check);
    if (inScope.length > 0) options.onProgress?.({ eventsChecked, position: lastPosition, headPosition });
    if (inScope.length < page.length || page.length === 0) break;
    from = page[page.length - 1].position + 1;
  }
  if (checkPositionGaps && lastPosition < headPosition) {
    // Only reachable through a misbehaving adapter: the head names a position that readAll never returned.
    problemCount += 1;
    const problem: VerifyProblem = {
      position: headPosition,
      eventId: '',
      stream: '',
      kind: 'position_gap',
      detail: `head is ${headPosition} but the last event read is at ${lastPosition}`,
    };
    if (problems.length < maxProblems) problems.push(problem);
  }

  return {
    eventsChecked,
    streams: tips.size,
    headPosition,
    ok: problemCount === 0,
    problems,
    problemCount,
    firstProblem: problems[0] ?? null,
  };
}

function recompute(event: RecordedEvent): string {
  try {
    return hashEvent(event);
  } catch (error) {
    // A stored value that is not canonical JSON (e.g. edited to NaN by hand) cannot match any hash.
    if (error instanceof CanonicalJsonError) return `unhashable (${error.message})`;
    throw error;
  }
}

// Small projections for the runner's tests: counts per stream and per type (two documents per event),
// open cases (documents created and deleted), and one that throws on a poison event.
import type { RecordedEvent } from '@ledger/domain';
import type { Projection } from '@ledger/projections';

export interface CountDoc {
  key: string;
  count: number;
  firstPosition: number;
  lastPosition: number;
  /** Only from version 2 on: tells a rebuilt generation from the one before it. */
  builtBy?: number;
}

export function eventCounts(version = 1): Projection<CountDoc> {
  return {
    name: 'event-counts',
    version,
    collections: ['stream-counts', 'type-counts'],
    indexes: { 'stream-counts': [['count']] },
    keys: (event) => [
      { collection: 'stream-counts', id: event.stream },
      { collection: 'type-counts', id: event.type },
      // The same document twice: the runner must reduce it once.
      { collection: 'type-counts', id: event.type },
    ],
    reduce: (doc, event, key) => ({
      key: key.id,
      count: (doc?.count ?? 0) + 1,
      firstPosition: doc?.firstPosition ?? event.position,
      lastPosition: event.position,
      ...(version >= 2 ? { builtBy: version } : {}),
    }),
  };
}

export interface OpenCaseDoc {
  stream: string;
  openedAt: number;
}

/** A case stream is open from its CaseOpened to its CaseClosed: exercises deletes. */
export const openCases: Projection<OpenCaseDoc> = {
  name: 'open-cases',
  version: 1,
  collections: ['open-cases'],
  eventTypes: ['CaseOpened', 'CaseClosed'],
  keys: (event) => [{ collection: 'open-cases', id: event.stream }],
  reduce: (_doc, event) =>
    event.type === 'CaseOpened' ? { stream: event.stream, openedAt: event.position } : null,
};

/** Counts what it sees and throws on the event type 'Poison' (unless `cured`). */
export function poisoned(cured = false): Projection<{ seen: number }> {
  return {
    name: 'poisoned',
    version: cured ? 2 : 1,
    collections: ['poison-seen'],
    keys: () => [{ collection: 'poison-seen', id: 'all' }],
    reduce: (doc, event) => {
      if (event.type === 'Poison' && !cured) throw new Error(`cannot digest ${event.id}`);
      return { seen: (doc?.seen ?? 0) + 1 };
    },
  };
}

/** What eventCounts must hold after these events: computed here without the runner. */
export function expectedCounts(
  events: readonly RecordedEvent[],
  version = 1,
): Record<string, Record<string, CountDoc>> {
  const out: Record<string, Record<string, CountDoc>> = { 'stream-counts': {}, 'type-counts': {} };
  const add = (collection: string, id: string, event: RecordedEvent): void => {
    const doc = out[collection][id];
    out[collection][id] = {
      key: id,
      count: (doc?.count ?? 0) + 1,
      firstPosition: doc?.firstPosition ?? event.position,
      lastPosition: event.position,
      ...(version >= 2 ? { builtBy: version } : {}),
    };
  };
  for (const event of events) {
    add('stream-counts', event.stream, event);
    add('type-counts', event.type, event);
  }
  return out;
}

// Given/when/then for projections (STYLE.md practices 3 and 10): given these recorded events, when these
// events, then these documents. Events are made by an EventLog that numbers positions and revisions like a
// store, and writes corrections as decideCorrection does (carrying the original as it stood). No test
// framework inside, so the helpers can live in libs/.
import type {
  CorrectionKind,
  CorrectedOriginal,
  EventCorrectedData,
  EvidenceRef,
  RecordedEvent,
} from '@ledger/domain';
import type { CountDoc, DocumentKey, Projection } from '../../projection';
import { addCountChanges, changedCount, countsOf, type CountChanges } from '../../running-counts';

export interface EventOptions {
  id?: string;
  occurredAt?: string;
  recordedAt?: string;
  orgUnit?: string;
  officer?: string;
  agency?: string;
  role?: string;
  evidence?: EvidenceRef[];
  correlationId?: string;
}

export type EventDefaults = Required<
  Pick<EventOptions, 'orgUnit' | 'officer' | 'agency' | 'role' | 'occurredAt'>
>;

const DEFAULTS: EventDefaults = {
  orgUnit: 'BA-PHUOC-DAI',
  officer: 'cb-01',
  agency: 'LDTBXH-BAC-AI',
  role: 'officer',
  occurredAt: '2024-03-01',
};

/** Appends events as a store would: positions 1, 2, ... and revisions per stream from 0. */
export class EventLog {
  private position = 0;
  private readonly revisions = new Map<string, number>();
  /** The data of each event as it stands after the amendments so far. */
  private readonly standing = new Map<string, RecordedEvent>();
  readonly events: RecordedEvent[] = [];
  private readonly defaults: EventDefaults;

  constructor(defaults: Partial<EventDefaults> = {}) {
    this.defaults = { ...DEFAULTS, ...defaults };
  }

  record(stream: string, type: string, data: unknown, options: EventOptions = {}): RecordedEvent {
    this.position += 1;
    const revision = this.revisions.get(stream) ?? 0;
    this.revisions.set(stream, revision + 1);
    const occurredAt = options.occurredAt ?? this.defaults.occurredAt;
    const id = options.id ?? `ev-${String(this.position).padStart(4, '0')}`;
    const event: RecordedEvent = {
      id,
      type,
      schemaVersion: 1,
      stream,
      revision,
      position: this.position,
      recordedAt: options.recordedAt ?? `${occurredAt.slice(0, 10)}T10:00:00.000Z`,
      prevHash: null,
      hash: `hash-${id}`,
      data,
      metadata: {
        occurredAt,
        orgUnit: options.orgUnit ?? this.defaults.orgUnit,
        actor: {
          officer: options.officer ?? this.defaults.officer,
          agency: options.agency ?? this.defaults.agency,
          role: options.role ?? this.defaults.role,
        },
        commandId: `cmd-${id}`,
        correlationId: options.correlationId ?? `corr-${id}`,
        causationId: `cmd-${id}`,
        evidence: options.evidence ?? [],
      },
    };
    this.events.push(event);
    this.standing.set(id, event);
    return event;
  }

  /** An EventCorrected in the target's stream and org unit, carrying the target as it stands. */
  correct(
    target: RecordedEvent,
    kind: CorrectionKind,
    reason: string,
    changes: Record<string, unknown> | null = null,
    options: EventOptions = {},
  ): RecordedEvent {
    const standing = this.standing.get(target.id) ?? target;
    const original: CorrectedOriginal = {
      type: standing.type,
      data: standing.data,
      orgUnit: standing.metadata.orgUnit,
      occurredAt: standing.metadata.occurredAt,
      actor: { ...standing.metadata.actor },
    };
    const data: EventCorrectedData = {
      correctsEventId: target.id,
      correctedType: target.type,
      kind,
      reason,
      changes: kind === 'amendment' ? (changes ?? {}) : null,
      original,
    };
    const event = this.record(target.stream, 'EventCorrected', data, {
      orgUnit: target.metadata.orgUnit,
      ...options,
    });
    if (kind === 'amendment') {
      this.standing.set(target.id, {
        ...standing,
        data: { ...(standing.data as object), ...(changes ?? {}) },
      });
    }
    return event;
  }
}

/** The documents a projection wrote, by collection and id. */
export class ProjectedDocuments {
  private readonly docs = new Map<string, Map<string, object>>();

  get<T extends object = Record<string, unknown>>(collection: string, id: string): T | null {
    return (this.docs.get(collection)?.get(id) as T | undefined) ?? null;
  }

  all<T extends object = Record<string, unknown>>(collection: string): T[] {
    const docs = this.docs.get(collection);
    if (!docs) return [];
    return [...docs.keys()].sort().map((id) => docs.get(id) as T);
  }

  ids(collection: string): string[] {
    return [...(this.docs.get(collection)?.keys() ?? [])].sort();
  }

  put(key: DocumentKey, doc: object | null): void {
    const docs = this.docs.get(key.collection) ?? new Map<string, object>();
    if (doc === null) docs.delete(key.id);
    else docs.set(key.id, doc);
    this.docs.set(key.collection, docs);
  }

  /** A deep copy, to compare before and after. */
  snapshot(): Record<string, Record<string, object>> {
    return JSON.parse(
      JSON.stringify(Object.fromEntries([...this.docs].map(([c, m]) => [c, Object.fromEntries(m)]))),
    ) as Record<string, Record<string, object>>;
  }
}

/**
 * Applies events one by one as the runner does: keys, then reduce once per key, in order; the projection's
 * running counts after each document it changes.
 */
export function project<D extends object>(
  projection: Projection<D>,
  events: readonly RecordedEvent[],
  into: ProjectedDocuments = new ProjectedDocuments(),
): ProjectedDocuments {
  for (const event of events) {
    if (projection.eventTypes && !projection.eventTypes.includes(event.type)) continue;
    for (const key of projection.keys(event)) {
      if (!projection.collections.includes(key.collection)) {
        throw new Error(`${projection.name}: key in unknown collection ${key.collection}`);
      }
      const before = into.get<D>(key.collection, key.id);
      const after = projection.reduce(before, event, key);
      into.put(key, after);
      const changes: CountChanges = new Map();
      for (const count of countsOf(projection as Projection, key.collection)) {
        addCountChanges(changes, count, before, after);
      }
      for (const { key: countKey, buckets } of changes.values()) {
        into.put(countKey, changedCount(into.get<CountDoc>(countKey.collection, countKey.id), buckets));
      }
    }
  }
  return into;
}

export function projectionSpec<D extends object>(projection: Projection<D>) {
  return {
    given: (...given: RecordedEvent[]) => ({
      when: (...when: RecordedEvent[]): ProjectedDocuments => project(projection, [...given, ...when]),
    }),
  };
}

// Corrections never touch the original event: they are applied when a stream is read.
import type { DomainEvent } from '../shared/envelope';
import type { AggregateDefinition, StreamEvent } from './aggregate-definition';
import { LedgerError } from '../shared/ledger-error';
import { isEventCorrected, type EventCorrectedData } from './correction.event';

/** The stream holds an event type that this definition does not know: a bug or a foreign event. */
export class UnknownEventTypeError extends LedgerError {
  readonly code = 'UNKNOWN_EVENT_TYPE';
  readonly kind = 'internal';
  constructor(
    readonly aggregate: string,
    readonly eventType: string,
    readonly eventId: string,
  ) {
    super(`event ${eventId}: type ${eventType} does not belong to aggregate ${aggregate}`);
  }
}

/**
 * The stream as it should have been: corrections removed, retracted events removed, amended events
 * carrying their amended data. Order, ids and metadata of the remaining events are kept.
 */
export function effectiveEvents<T extends StreamEvent>(
  definition: Pick<AggregateDefinition<never, DomainEvent, unknown>, 'name' | 'eventTypes'>,
  events: readonly T[],
): T[] {
  const retracted = new Set<string>();
  const amendments = new Map<string, Record<string, unknown>>();
  for (const event of events) {
    if (!definition.eventTypes.includes(event.type)) {
      throw new UnknownEventTypeError(definition.name, event.type, event.id);
    }
    if (!isEventCorrected(event)) continue;
    const correction = event.data as EventCorrectedData;
    if (correction.kind === 'retraction') {
      retracted.add(correction.correctsEventId);
    } else {
      // Applied as a merge of already validated values rather than by re-running the amend function, so
      // that tightening a rule later never makes an old stream unreadable.
      const earlier = amendments.get(correction.correctsEventId) ?? {};
      amendments.set(correction.correctsEventId, { ...earlier, ...(correction.changes ?? {}) });
    }
  }
  return events
    .filter((event) => !isEventCorrected(event) && !retracted.has(event.id))
    .map((event) => {
      const changes = amendments.get(event.id);
      return changes ? { ...event, data: { ...(event.data as object), ...changes } } : event;
    });
}

/** The aggregate's state after the stream; evolve never sees an EventCorrected. */
export function foldStream<C, E extends DomainEvent, S>(
  definition: AggregateDefinition<C, E, S>,
  events: readonly StreamEvent[],
): S {
  const { decider } = definition;
  return effectiveEvents(definition, events).reduce(
    (state, event) => decider.evolve(state, asDomainEvent<E>(event)),
    decider.initialState,
  );
}

/** The event as evolve and dependsOn see it: type, data, and the date it happened when known. */
export function asDomainEvent<E extends DomainEvent>(event: StreamEvent): E {
  const occurredAt = event.metadata?.occurredAt;
  const domainEvent =
    occurredAt === undefined
      ? { type: event.type, data: event.data }
      : { type: event.type, data: event.data, metadata: { occurredAt } };
  return domainEvent as E;
}

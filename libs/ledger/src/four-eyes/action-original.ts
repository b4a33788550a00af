// The recorded action a verification, dispute or correction proposal is about, read from the event store:
// the event as it stands (amendments applied), with the envelope fields the projections need.
import {
  aggregateForStream,
  effectiveEvents,
  isEventCorrected,
  planAggregates,
  type ActionOriginal,
  type RecordedEvent,
} from '@ledger/domain';
import { StreamNotFoundError, type EventStore } from '@ledger/event-store';
import { ResourceNotFoundError } from '../errors/ledger-errors';
import { upcastAll } from '../write/upcasting';
import { DomainError } from '@ledger/domain';

const planNames = new Set(planAggregates.map((a) => a.name));

export async function readStream(store: EventStore, stream: string): Promise<RecordedEvent[]> {
  try {
    return upcastAll(await store.readStream(stream));
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export async function readActionOriginal(store: EventStore, eventId: string): Promise<ActionOriginal> {
  const target = await store.getEvent(eventId);
  if (!target) throw new ResourceNotFoundError('EVENT_NOT_FOUND', `no event with id ${eventId}`);
  const aggregate = aggregateForStream(target.stream);
  if (!aggregate || planNames.has(aggregate.name) || isEventCorrected(target))
    throw new DomainError(
      'EVENT_NOT_VERIFIABLE',
      'conflict',
      `event ${eventId} (${target.type}) is not a recorded action: only actions are verified`,
    );
  const effective = effectiveEvents(aggregate, await readStream(store, target.stream));
  const current = effective.find((e) => e.id === eventId);
  if (!current)
    throw new DomainError('EVENT_RETRACTED', 'conflict', `event ${eventId} was retracted: nothing to verify`);
  const { officer, agency, role } = current.metadata.actor;
  return {
    stream: current.stream,
    type: current.type,
    data: current.data,
    orgUnit: current.metadata.orgUnit,
    occurredAt: current.metadata.occurredAt,
    actor: { officer, agency, role },
  };
}

// What the shell and the correction machinery need to know about one aggregate.
import type { Decider } from '../shared/decider';
import type { DomainEvent, EventMetadata, RecordedEvent } from '../shared/envelope';

/**
 * A stored event as far as folding and correcting go; a RecordedEvent fits. metadata brings the step date
 * along, and the org unit and actor that a correction copies into its `original`.
 */
export type StreamEvent = Pick<RecordedEvent, 'id' | 'type' | 'data'> & {
  metadata?: Pick<EventMetadata, 'occurredAt'> & Partial<Pick<EventMetadata, 'orgUnit' | 'actor'>>;
};

/**
 * (data, changes) => new data. Declared through a method so that a definition for one aggregate is
 * assignable to AnyAggregateDefinition (method parameters are bivariant, function properties are not).
 */
export type AmendFunction<D> = {
  amend(data: D, changes: Readonly<Record<string, unknown>>): D;
}['amend'];

export type AmendMap<E extends DomainEvent> = {
  [K in E['type']]?: AmendFunction<Extract<E, { type: K }>['data']>;
};

export interface AggregateDefinition<C, E extends DomainEvent, S> {
  name: string;
  /** Streams of this aggregate are named `${streamPrefix}<key>`. */
  streamPrefix: string;
  /** The stream a command goes to. */
  streamFor(command: C): string;
  decider: Decider<C, E, S>;
  /** Every type that can appear in the stream, EventCorrected included. */
  eventTypes: readonly string[];
  /** Schema version written today, per event type. */
  schemaVersions: Readonly<Record<string, number>>;
  /** True when `later` could not have happened without `earlier`: retracting `earlier` is then refused. */
  dependsOn(later: E, earlier: E): boolean;
  /** Which event types can be amended, and how; validates the changes as the command would. */
  amend: AmendMap<E>;
}

/** Any of the four definitions, when the aggregate is only known from a stream name. */
export type AnyAggregateDefinition = AggregateDefinition<never, DomainEvent, unknown>;

// The events of our aggregates as evolve sees them.
import type { DomainEvent } from './envelope';

/**
 * decide() returns only type and data: when the action happened is the command's occurredAt, which the
 * shell puts in the envelope metadata, never in data. When a stream is folded the envelope comes along,
 * so that state can keep the date of each step and the next step can be refused if it is dated earlier.
 */
export type DatedEvent<T extends string, D> = DomainEvent<T, D> & {
  metadata?: { occurredAt: string };
};

export function occurredAtOf(event: { metadata?: { occurredAt: string } }): string | undefined {
  return event.metadata?.occurredAt;
}

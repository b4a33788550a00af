import type { DomainEvent } from '../shared/envelope';
import { conflict, invalid, notFound } from '../shared/domain-error';
import { checkOccurredAt, requireOneOf, requireText } from '../shared/rules';
import type { AggregateDefinition, StreamEvent } from './aggregate-definition';
import { CORRECTION_KINDS, type CorrectEvent } from './correction.command';
import { CorrectionWouldOrphanError } from './correction.errors';
import { isEventCorrected, type CorrectedOriginal, type EventCorrected } from './correction.event';
import { asDomainEvent, effectiveEvents } from './effective-events';

export const REASON_MIN_LENGTH = 10;
export const REASON_MAX_LENGTH = 2000;

/**
 * Decides a correction of one event of the stream. The shell appends the result to that same stream, so
 * the original and its correction sit side by side in the hash chain.
 */
export function decideCorrection<C, E extends DomainEvent, S>(
  definition: AggregateDefinition<C, E, S>,
  command: CorrectEvent,
  events: readonly StreamEvent[],
): EventCorrected[] {
  checkOccurredAt(command);
  const correctsEventId = requireText(command.correctsEventId, 'correctsEventId', 100);
  const reason = requireReason(command.reason);
  const kind = requireOneOf(command.kind, CORRECTION_KINDS, 'kind');
  const requested = requireChanges(kind, command.changes);

  const target = events.find((event) => event.id === correctsEventId);
  if (!target) {
    throw notFound(
      'CORRECTED_EVENT_NOT_IN_STREAM',
      `event ${correctsEventId} is not in this ${definition.name} stream`,
    );
  }
  if (isEventCorrected(target)) {
    throw conflict(
      'CANNOT_CORRECT_A_CORRECTION',
      `event ${correctsEventId} is itself a correction; correct the original`,
    );
  }
  const effective = effectiveEvents(definition, events);
  const index = effective.findIndex((event) => event.id === correctsEventId);
  if (index < 0) throw conflict('EVENT_ALREADY_RETRACTED', `event ${correctsEventId} is already retracted`);
  const current = effective[index];

  let changes: Record<string, unknown> | null = null;
  if (kind === 'retraction') {
    const earlier = asDomainEvent<E>(current);
    const dependents = effective
      .slice(index + 1)
      .filter((later) => definition.dependsOn(asDomainEvent<E>(later), earlier))
      .map((later) => ({ id: later.id, type: later.type }));
    if (dependents.length > 0) throw new CorrectionWouldOrphanError(correctsEventId, dependents);
  } else {
    changes = amendedValues(definition, current, requested ?? {});
  }
  return [
    {
      type: 'EventCorrected',
      data: {
        correctsEventId,
        correctedType: target.type,
        kind,
        reason,
        changes,
        original: originalOf(current),
      },
    },
  ];
}

/** The target as it stands (earlier amendments applied), with only the metadata fields it carries. */
function originalOf(current: StreamEvent): CorrectedOriginal {
  const original: CorrectedOriginal = { type: current.type, data: current.data };
  const { orgUnit, occurredAt, actor } = current.metadata ?? {};
  if (orgUnit !== undefined) original.orgUnit = orgUnit;
  if (occurredAt !== undefined) original.occurredAt = occurredAt;
  if (actor !== undefined)
    original.actor = { officer: actor.officer, agency: actor.agency, role: actor.role };
  return original;
}

function requireReason(value: unknown): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length < REASON_MIN_LENGTH || reason.length > REASON_MAX_LENGTH) {
    throw invalid(
      'REASON_LENGTH_OUT_OF_RANGE',
      'reason',
      `reason must be ${REASON_MIN_LENGTH} to ${REASON_MAX_LENGTH} characters`,
    );
  }
  return reason;
}

function requireChanges(kind: CorrectEvent['kind'], value: unknown): Record<string, unknown> | null {
  const isObject = typeof value === 'object' && value !== null && !Array.isArray(value);
  const empty = value === undefined || value === null || (isObject && Object.keys(value).length === 0);
  if (kind === 'retraction') {
    if (!empty) throw invalid('CHANGES_NOT_ALLOWED', 'changes', 'a retraction carries no changes');
    return null;
  }
  if (empty) throw invalid('CHANGES_REQUIRED', 'changes', 'an amendment needs at least one changed field');
  if (!isObject)
    throw invalid('CHANGES_REQUIRED', 'changes', 'changes must be an object of field names to new values');
  return value as Record<string, unknown>;
}

/** The validated new values of the requested fields, as they will be merged over the event's data. */
function amendedValues<C, E extends DomainEvent, S>(
  definition: AggregateDefinition<C, E, S>,
  current: StreamEvent,
  requested: Record<string, unknown>,
): Record<string, unknown> {
  const amend = (
    definition.amend as Record<
      string,
      ((data: unknown, changes: Record<string, unknown>) => unknown) | undefined
    >
  )[current.type];
  if (!amend) {
    throw conflict(
      'EVENT_NOT_AMENDABLE',
      `${current.type} events cannot be amended; retract and record again`,
    );
  }
  const before = current.data as Record<string, unknown>;
  const after = amend(before, requested) as Record<string, unknown>;
  const changes = Object.fromEntries(Object.keys(requested).map((name) => [name, after[name]]));
  if (Object.keys(changes).every((name) => sameValue(before[name], changes[name]))) {
    throw invalid(
      'AMENDMENT_CHANGES_NOTHING',
      'changes',
      `the changes equal what ${current.id} already records`,
    );
  }
  return changes;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

// The one write path: load the stream, decide, append with the revision that was read. Handlers only
// say which stream and how to decide; this class owns idempotent retries and optimistic concurrency.
import { Inject, Injectable } from '@nestjs/common';
import {
  aggregateForStream,
  ContributionInputError,
  DomainError,
  indicatorsMovedBy,
  localDayOf,
  refuseNotACommune,
  refuseStreamAccess,
  refuseWrite,
  SUBJECT_REF_FIELDS,
  type ContributingEvent,
  type DomainEvent,
  type IndicatorMoved,
  type IndicatorRules,
  type WriteRefusal,
  type NewEvent,
  type RecordedEvent,
  type WritePolicyContext,
} from '@ledger/domain';
import {
  DuplicateEventIdError,
  EVENT_STORE,
  payloadDigest,
  StoreUnavailableError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
  type AppendResult,
  type EventStore,
} from '@ledger/event-store';
import { WRITE_ACCESS } from '../auth/write-access';
import {
  AccessDeniedError,
  NotInForceError,
  PreconditionFailedError,
  ValidationFailedError,
} from '../errors/ledger-errors';
import type { CommandContext, CommandResult } from './command-context';
import { derivedEventId, newEventId } from './event-ids';
import { upcastAll } from './upcasting';

/** What a handler decides from the stream's history: the new events and the org unit they belong to. */
export interface Decision {
  events: DomainEvent[];
  orgUnit: string;
}

export interface ExecuteRequest {
  stream: string;
  /** Pure: history in, decision out; throws DomainError when a rule refuses the command. */
  decide: (history: RecordedEvent[]) => Decision;
  /** Schema version of each event type as written by this version of the code. */
  schemaVersionOf: (type: string) => number;
  /** When the action happened, from the officer. */
  occurredAt: string;
  context: CommandContext;
  /** The command's field the org unit was given in: `commune` must name a commune (400 naming it). */
  orgUnitField?: 'commune';
  /** The plan's indicator rules: the answer then names the indicators the events moved. */
  indicatorRules?: readonly IndicatorRules[];
}

/** What became of one command of a batch. */
export type ExecuteOutcome = { ok: true; result: CommandResult } | { ok: false; error: unknown };

/** Re-deciding after a lost race is safe (the decision is pure and re-checked); bounded all the same. */
const MAX_ATTEMPTS = 4;

@Injectable()
export class AggregateCommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(WRITE_ACCESS) private readonly access: WritePolicyContext,
  ) {}

  async execute(request: ExecuteRequest): Promise<CommandResult> {
    const { stream, context } = request;
    if (context.eventId) {
      const replay = await this.replayIfRecorded(request, context.eventId);
      if (replay) return replay;
    }
    const commandId = context.eventId ?? newEventId();
    for (let attempt = 1; ; attempt++) {
      const { events, current } = await this.decideOn(request, commandId);
      try {
        const appended = await this.store.append(stream, events, current < 0 ? 'no_stream' : current);
        return resultOf(request, appended, events);
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        if (context.ifMatchRevision !== undefined) {
          throw new PreconditionFailedError(stream, context.ifMatchRevision, error.actual);
        }
        if (attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /**
   * Many commands, each exactly as execute() would run it (replay by event id, If-Match, the write rules
   * before and after deciding, the same events), decided in memory and appended together in one batch of
   * the store. A command on a stream that an earlier command of the batch also writes runs after the batch,
   * on its own; so does one whose stream moved on meanwhile. An outcome per command, in the order given:
   * the result, or the error execute() would have thrown. Throws only when the store fails.
   */
  async executeBatch(requests: readonly ExecuteRequest[]): Promise<ExecuteOutcome[]> {
    const outcomes: ExecuteOutcome[] = new Array<ExecuteOutcome>(requests.length);
    const decided: { index: number; events: NewEvent[]; current: number }[] = [];
    const later: number[] = [];
    const streams = new Set<string>();
    for (const [index, request] of requests.entries()) {
      if (streams.has(request.stream)) {
        later.push(index);
        continue;
      }
      streams.add(request.stream);
      try {
        const { eventId } = request.context;
        const replay = eventId ? await this.replayIfRecorded(request, eventId) : null;
        if (replay) {
          outcomes[index] = { ok: true, result: replay };
          continue;
        }
        const { events, current } = await this.decideOn(request, eventId ?? newEventId());
        decided.push({ index, events, current });
      } catch (error) {
        if (isUnavailable(error)) throw error;
        outcomes[index] = { ok: false, error };
      }
    }
    const appended = await this.store.appendBatch(
      decided.map(({ index, events, current }) => ({
        stream: requests[index].stream,
        events,
        expected: current < 0 ? 'no_stream' : current,
      })),
    );
    appended.forEach((outcome, i) => {
      const { index, events } = decided[i];
      if (outcome.ok)
        outcomes[index] = { ok: true, result: resultOf(requests[index], outcome.result, events) };
      else if (outcome.error instanceof WrongExpectedRevisionError) later.push(index);
      else outcomes[index] = { ok: false, error: outcome.error };
    });
    for (const index of later.sort((a, b) => a - b)) {
      try {
        outcomes[index] = { ok: true, result: await this.execute(requests[index]) };
      } catch (error) {
        if (isUnavailable(error)) throw error;
        outcomes[index] = { ok: false, error };
      }
    }
    return outcomes;
  }

  /** Loads the stream, checks If-Match and the write rules, decides: the events to append on `current`. */
  private async decideOn(
    request: ExecuteRequest,
    commandId: string,
  ): Promise<{ events: NewEvent[]; current: number }> {
    const { stream, context } = request;
    const history = await this.load(stream);
    const current = history.length > 0 ? history[history.length - 1].revision : -1;
    if (context.ifMatchRevision !== undefined && context.ifMatchRevision !== current) {
      throw new PreconditionFailedError(stream, context.ifMatchRevision, current);
    }
    if (history.length > 0) this.authorizeOnCase(request, history[0].metadata.orgUnit);
    const decision = request.decide(history);
    this.authorize(request, decision, history.length === 0);
    return { events: this.envelope(request, decision, commandId), current };
  }

  /** Before deciding on an existing case: refuse somebody who may not record on it at all. */
  private authorizeOnCase(request: ExecuteRequest, orgUnit: string): void {
    const { authority } = request.context;
    if (!('principal' in authority)) return;
    const aggregate = aggregateForStream(request.stream)?.name;
    this.raise(refuseStreamAccess(authority.principal, { aggregate, orgUnit }, this.access));
  }

  /** The write rules, on what was decided: a refused command appends nothing. */
  private authorize(request: ExecuteRequest, decision: Decision, newStream: boolean): void {
    if (request.orgUnitField === 'commune') {
      const notACommune = refuseNotACommune(decision.orgUnit, this.access);
      if (notACommune) throw new ValidationFailedError([{ field: 'commune', message: notACommune }]);
    }
    const { authority } = request.context;
    if (!('principal' in authority)) return;
    const refusal = refuseWrite(
      authority.principal,
      {
        stream: request.stream,
        aggregate: aggregateForStream(request.stream)?.name,
        orgUnit: decision.orgUnit,
        events: decision.events,
        occurredOn: localDayOf(request.occurredAt) ?? undefined,
        namesOrgUnit: newStream,
      },
      this.access,
    );
    this.raise(refusal);
  }

  private raise(refusal: WriteRefusal | null): void {
    if (!refusal) return;
    if (refusal.code === 'ORG_UNIT_UNKNOWN')
      throw new ValidationFailedError([{ field: 'orgUnit', message: refusal.message }]);
    if ('instead' in refusal) throw new NotInForceError(refusal.code, refusal.message, refusal.instead);
    throw new AccessDeniedError(refusal.message);
  }

  private envelope(request: ExecuteRequest, decision: Decision, commandId: string): NewEvent[] {
    const { context } = request;
    return decision.events.map((event, index) => ({
      id: derivedEventId(commandId, index),
      type: event.type,
      schemaVersion: request.schemaVersionOf(event.type),
      data: event.data,
      metadata: {
        occurredAt: request.occurredAt,
        actor: context.actor,
        orgUnit: decision.orgUnit,
        commandId,
        correlationId: context.correlationId,
        causationId: context.causationId ?? commandId,
        evidence: context.evidence,
      },
    }));
  }

  /**
   * A command whose client id is already recorded: decide it again against the stream as it was before
   * the first attempt. The same events mean a retry (answer with the first result, append nothing);
   * anything else reuses an id for a different payload, which is a conflict.
   */
  private async replayIfRecorded(request: ExecuteRequest, eventId: string): Promise<CommandResult | null> {
    const existing = await this.store.getEvent(eventId);
    if (!existing) return null;
    if (existing.stream !== request.stream) {
      throw new DuplicateEventIdError(eventId, `it belongs to stream ${existing.stream}`);
    }
    const history = await this.load(request.stream);
    const commandId = existing.metadata.commandId;
    const recorded = history.filter((e) => e.metadata.commandId === commandId);
    let again: NewEvent[];
    try {
      const decision = request.decide(history.filter((e) => e.revision < existing.revision));
      again = this.envelope(request, decision, commandId);
    } catch (error) {
      if (error instanceof DomainError) {
        throw new DuplicateEventIdError(
          eventId,
          `the command sent again is not the one recorded (${error.code})`,
        );
      }
      throw error;
    }
    const same =
      again.length === recorded.length &&
      again.every(
        (e, i) =>
          e.id === recorded[i].id &&
          payloadDigest(request.stream, e) === payloadDigest(request.stream, recorded[i]),
      );
    if (!same)
      throw new DuplicateEventIdError(eventId, 'the command sent again differs from the one recorded');
    return {
      stream: request.stream,
      eventIds: recorded.map((e) => e.id),
      positions: recorded.map((e) => e.position),
      revision: recorded[recorded.length - 1].revision,
      replayed: true,
      ...referencesOf(recorded),
      ...movedBy(request, recorded),
    };
  }

  private async load(stream: string): Promise<RecordedEvent[]> {
    try {
      return upcastAll(await this.store.readStream(stream));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }
}

function resultOf(
  request: ExecuteRequest,
  appended: AppendResult,
  events: readonly NewEvent[],
): CommandResult {
  return {
    stream: request.stream,
    eventIds: appended.events.map((e) => e.id),
    positions: appended.events.map((e) => e.position),
    revision: appended.nextExpectedRevision,
    replayed: appended.replayed,
    ...referencesOf(events),
    ...movedBy(request, events),
  };
}

/** A store that does not answer fails the whole batch, as it fails a single write. */
const isUnavailable = (error: unknown): boolean => error instanceof StoreUnavailableError;

type SubjectReferences = Pick<CommandResult, (typeof SUBJECT_REF_FIELDS)[number]>;

/** The first value of each person or household reference field the events' data carry. */
/** The indicators the events moved, when the request asks; never a refusal of what was already appended. */
function movedBy(
  request: ExecuteRequest,
  events: readonly ContributingEvent[],
): { indicators?: IndicatorMoved[] } {
  if (!request.indicatorRules) return {};
  try {
    return { indicators: indicatorsMovedBy(events, request.indicatorRules) };
  } catch (error) {
    if (error instanceof ContributionInputError) return {};
    throw error;
  }
}

function referencesOf(events: readonly { data: unknown }[]): SubjectReferences {
  const out: SubjectReferences = {};
  for (const event of events) {
    const data = event.data as Record<string, unknown> | null;
    for (const field of SUBJECT_REF_FIELDS) {
      const value = data?.[field];
      if (typeof value === 'string' && value !== '' && out[field] === undefined) out[field] = value;
    }
  }
  return out;
}

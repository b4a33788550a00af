// Builds the ExecuteRequest for a command on one aggregate: fold the stream (corrections applied), let the
// pure decider decide, and take the org unit from the command (a new case) or from the case's first event.
// The stream comes from the aggregate's own streamFor(command); the server time from the context.
import { foldStream, type AggregateDefinition, type DomainEvent, type RecordedEvent } from '@ledger/domain';
import { ResourceNotFoundError } from '../errors/ledger-errors';
import type { CommandContext } from './command-context';
import type { ExecuteRequest } from './aggregate-command-executor';

/** A domain command as the shell builds it: everything but the server time, which the context brings. */
export type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;

type Timed = { occurredAt: string; now: string };

function request<C extends Timed, E extends DomainEvent, S>(
  aggregate: AggregateDefinition<C, E, S>,
  command: WithoutNow<C>,
  context: CommandContext,
  orgUnit: string | undefined,
): ExecuteRequest {
  const full = { ...command, now: context.receivedAt.toISOString() } as C;
  const stream = aggregate.streamFor(full);
  return {
    stream,
    occurredAt: full.occurredAt,
    context,
    schemaVersionOf: (type) => aggregate.schemaVersions[type] ?? 1,
    decide: (history: RecordedEvent[]) => {
      if (orgUnit === undefined && history.length === 0) {
        throw new ResourceNotFoundError('CASE_NOT_FOUND', `no ${aggregate.name} is recorded as ${stream}`);
      }
      const state = foldStream(aggregate, history);
      return {
        events: aggregate.decider.decide(full, state),
        orgUnit: orgUnit ?? history[0].metadata.orgUnit,
      };
    },
  };
}

/**
 * A command that starts a new stream (a case, a payment, an enrolment) in the given org unit. When that is the
 * command's `commune`, it must name a commune of the plan, not the district or the province.
 */
export function openCase<C extends Timed, E extends DomainEvent, S>(
  aggregate: AggregateDefinition<C, E, S>,
  command: WithoutNow<C>,
  context: CommandContext,
  orgUnit: string,
): ExecuteRequest {
  const fromCommune = (command as { commune?: unknown }).commune === orgUnit;
  return {
    ...request(aggregate, command, context, orgUnit),
    ...(fromCommune ? { orgUnitField: 'commune' } : {}),
  };
}

/** A step on a case that must already exist (404 otherwise); it belongs to the case's org unit. */
export function stepOnCase<C extends Timed, E extends DomainEvent, S>(
  aggregate: AggregateDefinition<C, E, S>,
  command: WithoutNow<C>,
  context: CommandContext,
): ExecuteRequest {
  return request(aggregate, command, context, undefined);
}

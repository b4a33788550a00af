// Builds the ExecuteRequest for a command on one aggregate: fold the stream (corrections applied), let the
// pure decider decide, and take the org unit from the command (a new case) or from the case's first event.
import { foldStream, type AggregateDefinition, type DomainEvent, type RecordedEvent } from '@ledger/domain';
import { ResourceNotFoundError } from '../errors/ledger-errors';
import type { CommandContext } from './command-context';
import type { ExecuteRequest } from './aggregate-command-executor';

export interface AggregateCommandRequest<C extends { occurredAt: string }, E extends DomainEvent, S> {
  aggregate: AggregateDefinition<C, E, S>;
  stream: string;
  command: C;
  context: CommandContext;
  /** Org unit of a new case; a step on an existing case belongs to the case's org unit. */
  orgUnit?: string;
  /** The command is a step on a case that must already exist (404 otherwise). */
  existing: boolean;
  /** Label for the 404 message, e.g. "housing case". */
  subject: string;
}

export function aggregateCommand<C extends { occurredAt: string }, E extends DomainEvent, S>(
  request: AggregateCommandRequest<C, E, S>,
): ExecuteRequest {
  const { aggregate, command } = request;
  return {
    stream: request.stream,
    occurredAt: command.occurredAt,
    context: request.context,
    schemaVersionOf: (type) => aggregate.schemaVersions[type] ?? 1,
    decide: (history: RecordedEvent[]) => {
      if (request.existing && history.length === 0) {
        throw new ResourceNotFoundError(
          'CASE_NOT_FOUND',
          `no ${request.subject} is recorded as ${request.stream}`,
        );
      }
      const state = foldStream(aggregate, history);
      const orgUnit = request.orgUnit ?? history[0]?.metadata.orgUnit;
      if (!orgUnit) throw new Error(`${request.stream}: a new case needs its org unit`);
      return { events: aggregate.decider.decide(command, state), orgUnit };
    },
  };
}

// A correction goes into the stream of the event it corrects, so the case's own history, hash chain and
// optimistic concurrency cover it; the original event stays as it was.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { aggregateForStream, decideCorrection } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { CorrectEventCommand } from './correct-event.command';
import { isVerified, proposeCorrection } from '../../../four-eyes/propose-correction';

@CommandHandler(CorrectEventCommand)
export class CorrectEventHandler implements ICommandHandler<CorrectEventCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, context }: CorrectEventCommand): Promise<CommandResult> {
    const target = await this.store.getEvent(payload.correctsEventId);
    if (!target) {
      throw new ResourceNotFoundError(
        'CORRECTED_EVENT_NOT_FOUND',
        `no event with id ${payload.correctsEventId}`,
      );
    }
    const aggregate = aggregateForStream(target.stream);
    if (!aggregate) {
      throw new ResourceNotFoundError(
        'CORRECTED_EVENT_NOT_FOUND',
        `event ${target.id} is not in a correctable stream`,
      );
    }
    const command = { type: 'CorrectEvent' as const, ...payload, now: context.receivedAt.toISOString() };
    // Four eyes: a verified action is corrected only once a second person approves the correction.
    if (await isVerified(this.store, target.id))
      return proposeCorrection(this.executor, this.store, target, aggregate, command, context);
    return this.executor.execute({
      stream: target.stream,
      occurredAt: payload.occurredAt,
      context,
      schemaVersionOf: (type) => aggregate.schemaVersions[type] ?? 1,
      decide: (history) => ({
        events: decideCorrection(aggregate, command, history),
        orgUnit: target.metadata.orgUnit,
      }),
    });
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { verificationDecider, verificationStream } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { readActionOriginal } from '../../four-eyes/action-original';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import type { CommandResult } from '../../write/command-context';
import { foldVerification } from '../verify-action/verify-action.handler';
import { DisputeActionCommand } from './dispute-action.command';

@CommandHandler(DisputeActionCommand)
export class DisputeActionHandler implements ICommandHandler<DisputeActionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, context }: DisputeActionCommand): Promise<CommandResult> {
    const original = await readActionOriginal(this.store, payload.eventId);
    const command = {
      type: 'DisputeAction' as const,
      ...payload,
      original,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute({
      stream: verificationStream(payload.eventId),
      occurredAt: payload.occurredAt,
      context,
      schemaVersionOf: () => 1,
      decide: (history) => ({
        events: verificationDecider.decide(command, foldVerification(history)),
        orgUnit: original.orgUnit,
      }),
    });
  }
}

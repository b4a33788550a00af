import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { executeVerification } from '../../verification-command';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { DisputeActionCommand } from './dispute-action.command';

@CommandHandler(DisputeActionCommand)
export class DisputeActionHandler implements ICommandHandler<DisputeActionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ payload, context }: DisputeActionCommand): Promise<CommandResult> {
    return executeVerification(this.executor, this.store, { ...payload, context }, (original, now) => ({
      type: 'DisputeAction',
      ...payload,
      original,
      now,
    }));
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { executeVerification } from '../../verification-command';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { VerifyActionCommand } from './verify-action.command';

@CommandHandler(VerifyActionCommand)
export class VerifyActionHandler implements ICommandHandler<VerifyActionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  execute({ payload, context }: VerifyActionCommand): Promise<CommandResult> {
    return executeVerification(this.executor, this.store, { ...payload, context }, (original, now) => ({
      type: 'VerifyAction',
      ...payload,
      evidenceRefs: context.evidence.map((e) => e.ref),
      original,
      now,
    }));
  }
}

import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { targetAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import { stepOnCase } from '../../../write/aggregate-command';
import type { CommandResult } from '../../../write/command-context';
import { ReviseTargetCommand } from './revise-target.command';

/** A target changes only by a revision on the record, with its reason, next to the previous target. */
@CommandHandler(ReviseTargetCommand)
export class ReviseTargetHandler implements ICommandHandler<ReviseTargetCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: ReviseTargetCommand): Promise<CommandResult> {
    return this.executor.execute(stepOnCase(targetAggregate, { type: 'ReviseTarget', ...payload }, context));
  }
}

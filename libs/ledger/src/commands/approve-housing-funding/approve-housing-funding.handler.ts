import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate, housingCaseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { ApproveHousingFundingCommand } from './approve-housing-funding.command';

@CommandHandler(ApproveHousingFundingCommand)
export class ApproveHousingFundingHandler implements ICommandHandler<ApproveHousingFundingCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: ApproveHousingFundingCommand): Promise<CommandResult> {
    const command = {
      type: 'ApproveHousingFunding' as const,
      ...payload,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: housingCaseAggregate,
        stream: housingCaseStream(command.caseId),
        command,
        context,
        existing: true,
        subject: 'housing case',
      }),
    );
  }
}

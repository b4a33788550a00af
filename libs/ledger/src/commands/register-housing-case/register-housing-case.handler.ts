import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate, housingCaseStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RegisterHousingCaseCommand } from './register-housing-case.command';

@CommandHandler(RegisterHousingCaseCommand)
export class RegisterHousingCaseHandler implements ICommandHandler<RegisterHousingCaseCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RegisterHousingCaseCommand): Promise<CommandResult> {
    const { householdHeadCitizenId, ...rest } = payload;
    const command = {
      type: 'RegisterHousingCase' as const,
      ...rest,
      householdRef: this.pseudonyms.reference(householdHeadCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: housingCaseAggregate,
        stream: housingCaseStream(command.caseId),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'housing case',
      }),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
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
    return this.executor.execute(
      openCase(
        housingCaseAggregate,
        {
          type: 'RegisterHousingCase',
          ...rest,
          householdRef: this.pseudonyms.reference(householdHeadCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

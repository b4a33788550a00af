import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { housingCaseAggregate, requirePrintableName } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { PERSONAL_KEYS, type PersonalKeyStore } from '../../personal-data/personal-key-store.port';
import { sealPersonalData } from '../../personal-data/personal-data-seal';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RegisterHousingCaseCommand } from './register-housing-case.command';

@CommandHandler(RegisterHousingCaseCommand)
export class RegisterHousingCaseHandler implements ICommandHandler<RegisterHousingCaseCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
    @Inject(PERSONAL_KEYS) private readonly keys: PersonalKeyStore,
  ) {}

  async execute({ payload, context }: RegisterHousingCaseCommand): Promise<CommandResult> {
    const { householdHeadCitizenId, householdHeadName, contactPhone, ...rest } = payload;
    if (householdHeadName !== undefined) requirePrintableName(householdHeadName, 'householdHeadName');
    const householdRef = this.pseudonyms.reference(householdHeadCitizenId);
    // Sealed here, so that the name and phone never reach the decider, the store or a projection in clear. The
    // client's event id as salt: a retry with the same id seals to the same bytes and is recognized as a retry.
    const personal =
      householdHeadName === undefined && contactPhone === undefined
        ? undefined
        : sealPersonalData(
            { householdHeadName, contactPhone },
            householdRef,
            await this.keys.keyFor(householdRef),
            context.eventId,
          );
    return this.executor.execute(
      openCase(
        housingCaseAggregate,
        {
          type: 'RegisterHousingCase',
          ...rest,
          householdRef,
          ...(personal ? { personal } : {}),
        },
        context,
        payload.commune,
      ),
    );
  }
}

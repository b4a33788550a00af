import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { healthInsuranceEnrolmentAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordHealthInsuranceEnrolmentCommand } from './record-health-insurance-enrolment.command';

@CommandHandler(RecordHealthInsuranceEnrolmentCommand)
export class RecordHealthInsuranceEnrolmentHandler implements ICommandHandler<RecordHealthInsuranceEnrolmentCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordHealthInsuranceEnrolmentCommand): Promise<CommandResult> {
    const { beneficiaryCitizenId, ...rest } = payload;
    return this.executor.execute(
      openCase(
        healthInsuranceEnrolmentAggregate,
        {
          type: 'RecordHealthInsuranceEnrolment',
          ...rest,
          beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

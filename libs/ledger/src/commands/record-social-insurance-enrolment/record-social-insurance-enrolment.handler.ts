import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { socialInsuranceEnrolmentAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordSocialInsuranceEnrolmentCommand } from './record-social-insurance-enrolment.command';

@CommandHandler(RecordSocialInsuranceEnrolmentCommand)
export class RecordSocialInsuranceEnrolmentHandler implements ICommandHandler<RecordSocialInsuranceEnrolmentCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordSocialInsuranceEnrolmentCommand): Promise<CommandResult> {
    const { beneficiaryCitizenId, ...rest } = payload;
    return this.executor.execute(
      openCase(
        socialInsuranceEnrolmentAggregate,
        {
          type: 'RecordSocialInsuranceEnrolment',
          ...rest,
          beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

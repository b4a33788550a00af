import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { socialInsuranceEnrolmentAggregate, socialInsuranceEnrolmentStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
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
    const command = {
      type: 'RecordSocialInsuranceEnrolment' as const,
      ...rest,
      beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: socialInsuranceEnrolmentAggregate,
        stream: socialInsuranceEnrolmentStream(command.beneficiaryRef, command.year),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'social insurance enrolment',
      }),
    );
  }
}

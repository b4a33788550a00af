import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { healthInsuranceEnrolmentAggregate, healthInsuranceEnrolmentStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
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
    const command = {
      type: 'RecordHealthInsuranceEnrolment' as const,
      ...rest,
      beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: healthInsuranceEnrolmentAggregate,
        stream: healthInsuranceEnrolmentStream(command.beneficiaryRef, command.year),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'health insurance enrolment',
      }),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  unemploymentInsuranceEnrolmentAggregate,
  unemploymentInsuranceEnrolmentStream,
} from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordUnemploymentInsuranceEnrolmentCommand } from './record-unemployment-insurance-enrolment.command';

@CommandHandler(RecordUnemploymentInsuranceEnrolmentCommand)
export class RecordUnemploymentInsuranceEnrolmentHandler implements ICommandHandler<RecordUnemploymentInsuranceEnrolmentCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordUnemploymentInsuranceEnrolmentCommand): Promise<CommandResult> {
    const { beneficiaryCitizenId, ...rest } = payload;
    const command = {
      type: 'RecordUnemploymentInsuranceEnrolment' as const,
      ...rest,
      beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: unemploymentInsuranceEnrolmentAggregate,
        stream: unemploymentInsuranceEnrolmentStream(command.beneficiaryRef, command.year),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'unemployment insurance enrolment',
      }),
    );
  }
}

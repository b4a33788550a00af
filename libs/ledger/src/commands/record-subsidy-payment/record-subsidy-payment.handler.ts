import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { subsidyPaymentAggregate, subsidyPaymentStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordSubsidyPaymentCommand } from './record-subsidy-payment.command';

@CommandHandler(RecordSubsidyPaymentCommand)
export class RecordSubsidyPaymentHandler implements ICommandHandler<RecordSubsidyPaymentCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordSubsidyPaymentCommand): Promise<CommandResult> {
    const { beneficiaryCitizenId, ...rest } = payload;
    const command = {
      type: 'RecordSubsidyPayment' as const,
      ...rest,
      beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: subsidyPaymentAggregate,
        stream: subsidyPaymentStream(command.programme, command.beneficiaryRef, command.period),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'subsidy payment',
      }),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { subsidyPaymentAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
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
    return this.executor.execute(
      openCase(
        subsidyPaymentAggregate,
        {
          type: 'RecordSubsidyPayment',
          ...rest,
          beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { policyLoanAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordPolicyLoanDisbursementCommand } from './record-policy-loan-disbursement.command';

@CommandHandler(RecordPolicyLoanDisbursementCommand)
export class RecordPolicyLoanDisbursementHandler implements ICommandHandler<RecordPolicyLoanDisbursementCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordPolicyLoanDisbursementCommand): Promise<CommandResult> {
    const { borrowerCitizenId, ...rest } = payload;
    return this.executor.execute(
      openCase(
        policyLoanAggregate,
        {
          type: 'RecordPolicyLoanDisbursement',
          ...rest,
          borrowerRef: this.pseudonyms.reference(borrowerCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

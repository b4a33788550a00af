import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { policyLoanAggregate, policyLoanStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
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
    const command = {
      type: 'RecordPolicyLoanDisbursement' as const,
      ...rest,
      borrowerRef: this.pseudonyms.reference(borrowerCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: policyLoanAggregate,
        stream: policyLoanStream(command.loanId),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'policy loan',
      }),
    );
  }
}

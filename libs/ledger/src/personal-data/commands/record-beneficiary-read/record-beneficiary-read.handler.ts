import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { beneficiaryReadsStream, decideBeneficiaryRead } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { RecordBeneficiaryReadCommand } from './record-beneficiary-read.command';

@CommandHandler(RecordBeneficiaryReadCommand)
export class RecordBeneficiaryReadHandler implements ICommandHandler<RecordBeneficiaryReadCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: RecordBeneficiaryReadCommand): Promise<CommandResult> {
    const { orgUnit, ...read } = payload;
    return this.executor.execute({
      stream: beneficiaryReadsStream(read.beneficiaryRef),
      occurredAt: context.receivedAt.toISOString(),
      context,
      schemaVersionOf: () => 1,
      // Reads never conflict with one another: each appends at the end, whatever came before.
      decide: () => ({ events: decideBeneficiaryRead(read), orgUnit }),
    });
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { allowanceGrantAggregate, allowanceGrantStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordAllowanceGrantCommand } from './record-allowance-grant.command';

@CommandHandler(RecordAllowanceGrantCommand)
export class RecordAllowanceGrantHandler implements ICommandHandler<RecordAllowanceGrantCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordAllowanceGrantCommand): Promise<CommandResult> {
    const { beneficiaryCitizenId, ...rest } = payload;
    const command = {
      type: 'RecordAllowanceGrant' as const,
      ...rest,
      beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: allowanceGrantAggregate,
        stream: allowanceGrantStream(command.programme, command.beneficiaryRef),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'allowance grant',
      }),
    );
  }
}

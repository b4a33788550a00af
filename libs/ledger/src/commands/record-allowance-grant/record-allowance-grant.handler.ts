import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { allowanceGrantAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
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
    return this.executor.execute(
      openCase(
        allowanceGrantAggregate,
        {
          type: 'RecordAllowanceGrant',
          ...rest,
          beneficiaryRef: this.pseudonyms.reference(beneficiaryCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

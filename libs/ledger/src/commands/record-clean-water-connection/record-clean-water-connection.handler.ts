import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cleanWaterConnectionAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordCleanWaterConnectionCommand } from './record-clean-water-connection.command';

@CommandHandler(RecordCleanWaterConnectionCommand)
export class RecordCleanWaterConnectionHandler implements ICommandHandler<RecordCleanWaterConnectionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordCleanWaterConnectionCommand): Promise<CommandResult> {
    const { householdHeadCitizenId, ...rest } = payload;
    return this.executor.execute(
      openCase(
        cleanWaterConnectionAggregate,
        {
          type: 'RecordCleanWaterConnection',
          ...rest,
          householdRef: this.pseudonyms.reference(householdHeadCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

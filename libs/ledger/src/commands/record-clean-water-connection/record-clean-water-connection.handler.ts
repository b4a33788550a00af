import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { cleanWaterConnectionAggregate, cleanWaterConnectionStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
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
    const command = {
      type: 'RecordCleanWaterConnection' as const,
      ...rest,
      householdRef: this.pseudonyms.reference(householdHeadCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: cleanWaterConnectionAggregate,
        stream: cleanWaterConnectionStream(command.householdRef),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'clean water connection',
      }),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { jobPlacementAggregate, jobPlacementStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { RecordJobPlacementCommand } from './record-job-placement.command';

@CommandHandler(RecordJobPlacementCommand)
export class RecordJobPlacementHandler implements ICommandHandler<RecordJobPlacementCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordJobPlacementCommand): Promise<CommandResult> {
    const { workerCitizenId, ...rest } = payload;
    const command = {
      type: 'RecordJobPlacement' as const,
      ...rest,
      workerRef: this.pseudonyms.reference(workerCitizenId),
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: jobPlacementAggregate,
        stream: jobPlacementStream(command.placementId),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'job placement',
      }),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { jobPlacementAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
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
    return this.executor.execute(
      openCase(
        jobPlacementAggregate,
        {
          type: 'RecordJobPlacement',
          ...rest,
          workerRef: this.pseudonyms.reference(workerCitizenId),
        },
        context,
        payload.commune,
      ),
    );
  }
}

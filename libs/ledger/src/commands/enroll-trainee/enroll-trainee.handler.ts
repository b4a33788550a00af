import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { EnrollTraineeCommand } from './enroll-trainee.command';

@CommandHandler(EnrollTraineeCommand)
export class EnrollTraineeHandler implements ICommandHandler<EnrollTraineeCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: EnrollTraineeCommand): Promise<CommandResult> {
    const { traineeCitizenId, ...rest } = payload;
    return this.executor.execute(
      stepOnCase(
        trainingCourseAggregate,
        { type: 'EnrollTrainee', ...rest, traineeRef: this.pseudonyms.reference(traineeCitizenId) },
        context,
      ),
    );
  }
}

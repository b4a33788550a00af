import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CloseTrainingCourseCommand } from './close-training-course.command';

@CommandHandler(CloseTrainingCourseCommand)
export class CloseTrainingCourseHandler implements ICommandHandler<CloseTrainingCourseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: CloseTrainingCourseCommand): Promise<CommandResult> {
    return this.executor.execute(
      stepOnCase(trainingCourseAggregate, { type: 'CloseTrainingCourse', ...payload }, context),
    );
  }
}

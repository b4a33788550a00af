import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { OpenTrainingCourseCommand } from './open-training-course.command';

@CommandHandler(OpenTrainingCourseCommand)
export class OpenTrainingCourseHandler implements ICommandHandler<OpenTrainingCourseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: OpenTrainingCourseCommand): Promise<CommandResult> {
    return this.executor.execute(
      openCase(trainingCourseAggregate, { type: 'OpenTrainingCourse', ...payload }, context, payload.commune),
    );
  }
}

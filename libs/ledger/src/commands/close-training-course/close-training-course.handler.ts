import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate, trainingCourseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CloseTrainingCourseCommand } from './close-training-course.command';

@CommandHandler(CloseTrainingCourseCommand)
export class CloseTrainingCourseHandler implements ICommandHandler<CloseTrainingCourseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: CloseTrainingCourseCommand): Promise<CommandResult> {
    const command = {
      type: 'CloseTrainingCourse' as const,
      ...payload,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: trainingCourseAggregate,
        stream: trainingCourseStream(command.courseId),
        command,
        context,
        existing: true,
        subject: 'training course',
      }),
    );
  }
}

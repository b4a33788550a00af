import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate, trainingCourseStream } from '@ledger/domain';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { OpenTrainingCourseCommand } from './open-training-course.command';

@CommandHandler(OpenTrainingCourseCommand)
export class OpenTrainingCourseHandler implements ICommandHandler<OpenTrainingCourseCommand> {
  constructor(private readonly executor: AggregateCommandExecutor) {}

  execute({ payload, context }: OpenTrainingCourseCommand): Promise<CommandResult> {
    const command = {
      type: 'OpenTrainingCourse' as const,
      ...payload,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute(
      aggregateCommand({
        aggregate: trainingCourseAggregate,
        stream: trainingCourseStream(command.courseId),
        command,
        context,
        orgUnit: command.commune,
        existing: false,
        subject: 'training course',
      }),
    );
  }
}

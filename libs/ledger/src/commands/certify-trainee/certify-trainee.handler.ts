import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate, trainingCourseStream } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { aggregateCommand } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import { CertifyTraineeCommand } from './certify-trainee.command';

@CommandHandler(CertifyTraineeCommand)
export class CertifyTraineeHandler implements ICommandHandler<CertifyTraineeCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: CertifyTraineeCommand): Promise<CommandResult> {
    const { traineeCitizenId, ...rest } = payload;
    const command = {
      type: 'CertifyTrainee' as const,
      ...rest,
      traineeRef: this.pseudonyms.reference(traineeCitizenId),
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

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { trainingCourseAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { stepOnCase } from '../../write/aggregate-command';
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
    return this.executor.execute(
      stepOnCase(
        trainingCourseAggregate,
        { type: 'CertifyTrainee', ...rest, traineeRef: this.pseudonyms.reference(traineeCitizenId) },
        context,
      ),
    );
  }
}

import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { hygienicLatrineAggregate } from '@ledger/domain';
import { PSEUDONYMIZER, Pseudonymizer } from '../../pseudonym/pseudonymizer';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import { openCase } from '../../write/aggregate-command';
import type { CommandResult } from '../../write/command-context';
import {
  RecordHygienicLatrineCompletionCommand,
  type LatrineFacility,
} from './record-hygienic-latrine-completion.command';

@CommandHandler(RecordHygienicLatrineCompletionCommand)
export class RecordHygienicLatrineCompletionHandler implements ICommandHandler<RecordHygienicLatrineCompletionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PSEUDONYMIZER) private readonly pseudonyms: Pseudonymizer,
  ) {}

  execute({ payload, context }: RecordHygienicLatrineCompletionCommand): Promise<CommandResult> {
    const { facility, ...rest } = payload;
    return this.executor.execute(
      openCase(
        hygienicLatrineAggregate,
        {
          type: 'RecordHygienicLatrineCompletion',
          ...rest,
          facilityKind: facility.facilityKind,
          facilityRef: this.facilityRef(facility),
        },
        context,
        payload.commune,
      ),
    );
  }

  private facilityRef(facility: LatrineFacility): string {
    return facility.facilityKind === 'household'
      ? this.pseudonyms.reference(facility.householdHeadCitizenId)
      : facility.facilityCode;
  }
}

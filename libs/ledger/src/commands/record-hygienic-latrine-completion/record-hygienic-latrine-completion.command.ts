import { Command } from '@nestjs/cqrs';
import type { LatrineFacilityKind, RecordHygienicLatrineCompletion } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/**
 * Which facility got the latrine: a household is named by its head's citizen id, which the handler turns
 * into a reference; a school or health station by its code, which is stored as it is.
 */
export type LatrineFacility =
  | { facilityKind: 'household'; householdHeadCitizenId: string }
  | { facilityKind: Exclude<LatrineFacilityKind, 'household'>; facilityCode: string };

export type RecordHygienicLatrineCompletionPayload = Omit<
  RecordHygienicLatrineCompletion,
  'type' | 'now' | 'facilityKind' | 'facilityRef'
> & { facility: LatrineFacility };

export class RecordHygienicLatrineCompletionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordHygienicLatrineCompletionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

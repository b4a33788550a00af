import { Command } from '@nestjs/cqrs';
import type { RecordAllowanceGrant } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

/** As the domain command, with the citizen id that the handler turns into beneficiaryRef. */
export type RecordAllowanceGrantPayload = Omit<RecordAllowanceGrant, 'type' | 'now' | 'beneficiaryRef'> & {
  beneficiaryCitizenId: string;
};

export class RecordAllowanceGrantCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RecordAllowanceGrantPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

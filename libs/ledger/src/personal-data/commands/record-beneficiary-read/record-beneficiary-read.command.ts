import { Command } from '@nestjs/cqrs';
import type { BeneficiaryHistoryReadData } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../../write/command-context';

/** Puts an inspector's read of a beneficiary history on the record, before the history is returned. */
export class RecordBeneficiaryReadCommand extends Command<CommandResult> {
  constructor(
    readonly payload: BeneficiaryHistoryReadData & { orgUnit: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

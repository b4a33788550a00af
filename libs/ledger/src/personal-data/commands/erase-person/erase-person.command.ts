import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface ErasePersonResult extends CommandResult {
  personRef: string;
  /** True when this call deleted the key; false when it was already gone (erasing again changes nothing). */
  keyErased: boolean;
}

/** Deletes the person's key and puts the erasure on the record (the ledger's events stay as they are). */
export class ErasePersonCommand extends Command<ErasePersonResult> {
  constructor(
    readonly payload: { personRef: string; reason: string },
    readonly context: CommandContext,
  ) {
    super();
  }
}

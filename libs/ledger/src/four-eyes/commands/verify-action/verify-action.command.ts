import { Command } from '@nestjs/cqrs';
import type { VerificationMethod } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface VerifyActionPayload {
  eventId: string;
  method: VerificationMethod;
  note?: string;
  occurredAt: string;
}

/** Mark a recorded action verified (field visit or document check); the evidence comes in the context. */
export class VerifyActionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: VerifyActionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

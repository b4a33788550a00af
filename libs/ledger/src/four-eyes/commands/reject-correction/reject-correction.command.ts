import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface RejectCorrectionPayload {
  proposalId: string;
  reason: string;
  occurredAt: string;
}

/** A second person rejects a proposed correction of a verified action: the action stays as it was. */
export class RejectCorrectionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: RejectCorrectionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

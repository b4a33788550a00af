import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface ApproveCorrectionPayload {
  proposalId: string;
  note?: string;
  occurredAt: string;
}

/** A second person approves a proposed correction of a verified action: the correction takes effect. */
export class ApproveCorrectionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: ApproveCorrectionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

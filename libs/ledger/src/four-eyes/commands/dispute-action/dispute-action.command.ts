import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface DisputeActionPayload {
  eventId: string;
  reason: string;
  occurredAt: string;
}

/** Dispute a recorded action (it leaves the verified figure if it was in it). */
export class DisputeActionCommand extends Command<CommandResult> {
  constructor(
    readonly payload: DisputeActionPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

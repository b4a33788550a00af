import { Command } from '@nestjs/cqrs';
import type { CommandContext, CommandResult } from '../../../write/command-context';

export interface CorrectEventPayload {
  correctsEventId: string;
  kind: 'retraction' | 'amendment';
  reason: string;
  changes?: Record<string, unknown>;
  occurredAt: string;
}

export class CorrectEventCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CorrectEventPayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

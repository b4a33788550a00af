import { Command } from '@nestjs/cqrs';
import type { CloseTrainingCourse } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type CloseTrainingCoursePayload = Omit<CloseTrainingCourse, 'type' | 'now'>;

export class CloseTrainingCourseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: CloseTrainingCoursePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

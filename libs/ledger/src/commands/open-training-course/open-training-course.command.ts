import { Command } from '@nestjs/cqrs';
import type { OpenTrainingCourse } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../../write/command-context';

export type OpenTrainingCoursePayload = Omit<OpenTrainingCourse, 'type' | 'now'>;

export class OpenTrainingCourseCommand extends Command<CommandResult> {
  constructor(
    readonly payload: OpenTrainingCoursePayload,
    readonly context: CommandContext,
  ) {
    super();
  }
}

import { Command } from '@nestjs/cqrs';
import type { ActionCommand, AnyActionDescriptor } from '@ledger/domain';
import type { CommandContext, CommandResult } from '../write/command-context';
import type { ActionRequestBody } from './action-request.factory';

/** One command of one action, as its validated request body and the stream id it goes to. */
export class RecordActionCommand extends Command<CommandResult> {
  constructor(
    readonly action: AnyActionDescriptor,
    readonly command: ActionCommand,
    /** The id of the case (a step: from the path; a new stream: from the body, the event id or a new UUID). */
    readonly streamId: string,
    readonly body: ActionRequestBody,
    readonly context: CommandContext,
  ) {
    super();
  }
}

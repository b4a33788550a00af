// The one handler of every action command: turns the body into the domain command (citizen ids into their
// pseudonymous references, personal data sealed under the person's key, see ActionExecuteRequests), then
// loads the stream, decides and appends through the executor; a new stream belongs to the org unit its
// command names.
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { AggregateCommandExecutor } from '../write/aggregate-command-executor';
import type { CommandResult } from '../write/command-context';
import { ActionExecuteRequests } from './action-execute-request';
import { RecordActionCommand } from './record-action.command';

@CommandHandler(RecordActionCommand)
export class RecordActionHandler implements ICommandHandler<RecordActionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    private readonly requests: ActionExecuteRequests,
  ) {}

  async execute(command: RecordActionCommand): Promise<CommandResult> {
    return this.executor.execute(await this.requests.requestOf(command));
  }
}

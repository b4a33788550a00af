// Runs an account command through the one write path: the account's stream, the pure decider, the write
// rules (only an admin), append with the revision read. The org unit of account events is the plan's own.
import { Inject, Injectable } from '@nestjs/common';
import {
  accountAggregate,
  foldStream,
  type AccountCommand,
  type PlanSeed,
  type RecordedEvent,
} from '@ledger/domain';
import { ResourceNotFoundError } from '../errors/ledger-errors';
import { PLAN_SEED } from '../read/projections.providers';
import { AggregateCommandExecutor } from '../write/aggregate-command-executor';
import type { WithoutNow } from '../write/aggregate-command';
import type { CommandContext, CommandResult } from '../write/command-context';

@Injectable()
export class AccountCommands {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(PLAN_SEED) private readonly seed: PlanSeed,
  ) {}

  execute(command: WithoutNow<AccountCommand>, context: CommandContext): Promise<CommandResult> {
    const full = { ...command, now: context.receivedAt.toISOString() } as AccountCommand;
    const stream = accountAggregate.streamFor(full);
    return this.executor.execute({
      stream,
      occurredAt: full.occurredAt,
      context,
      schemaVersionOf: (type) => accountAggregate.schemaVersions[type] ?? 1,
      decide: (history: RecordedEvent[]) => {
        if (history.length === 0 && command.type !== 'CreateAccount')
          throw new ResourceNotFoundError('ACCOUNT_NOT_FOUND', `no account ${command.officer} is recorded`);
        const state = foldStream(accountAggregate, history);
        return { events: accountAggregate.decider.decide(full, state), orgUnit: this.seed.plan.orgUnit };
      },
    });
  }
}

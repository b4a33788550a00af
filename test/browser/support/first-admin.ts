// The district's first admin, made as `npm run cli -- account create --admin --officer ID --name "..." --agency
// CODE` makes it (apps/ledger-cli/src/commands/account.command.ts): the same CreateAccountCommand through the
// command bus, with the operator as actor and the agency's own org unit, on the running test ledger.
import { randomUUID } from 'node:crypto';
import { CommandBus } from '@nestjs/cqrs';
import type { PlanSeed } from '@ledger/domain';
import { CreateAccountCommand, PLAN_SEED, type AccountResult, type CommandContext } from '@ledger/ledger';
import type { TestLedger } from '../../e2e/support/test-app';

export interface FirstAdmin {
  officer: string;
  displayName: string;
  agency: string;
  password: string;
}

export async function createFirstAdmin(ledger: TestLedger, admin: FirstAdmin): Promise<AccountResult> {
  const seed = ledger.app.get<PlanSeed>(PLAN_SEED);
  const context: CommandContext = {
    actor: { officer: 'ledger-cli', agency: seed.plan.reportingAgency, role: 'admin' },
    authority: { operator: 'ledger-cli account create' },
    correlationId: randomUUID(),
    evidence: [],
    receivedAt: new Date(),
  };
  const orgUnits = [seed.agencies.find((a) => a.code === admin.agency)!.orgUnit];
  return ledger.app.get(CommandBus).execute<never, AccountResult>(
    new CreateAccountCommand(
      {
        officer: admin.officer,
        displayName: admin.displayName,
        agency: admin.agency,
        orgUnits,
        roles: ['admin'],
        password: admin.password,
      },
      context,
    ) as never,
  );
}

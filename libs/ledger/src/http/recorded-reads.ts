// A read of one person's events is a fact on the record (Decree 13/2023/ND-CP): who read whose events, when
// and why. Every route that returns one person's events (their history, a trail search for them, a stream
// named by their reference) records the read here before it answers; without a reason it answers 400.
import { Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { actorOf, type Principal } from '@ledger/domain';
import { RecordBeneficiaryReadCommand } from '..';

@Injectable()
export class RecordedReads {
  constructor(private readonly commands: CommandBus) {}

  /** Appends the read (400 naming `reason` when it is missing or too short); served only once on the record. */
  async record(principal: Principal, beneficiaryRef: string, reason: string | undefined): Promise<void> {
    await this.commands.execute(
      new RecordBeneficiaryReadCommand(
        { beneficiaryRef, reason: reason ?? '', orgUnit: principal.orgUnits[0] ?? 'unknown' },
        {
          actor: actorOf(principal),
          authority: { principal },
          correlationId: randomUUID(),
          evidence: [],
          receivedAt: new Date(),
        },
      ),
    );
  }
}

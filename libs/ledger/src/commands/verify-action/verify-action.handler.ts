// Verification goes to the action's own verification stream (verification-<eventId>), so concurrent
// verifiers of one action meet on its revision; the action's stream is not touched.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { verificationDecider, verificationStream, type VerificationEvent } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { readActionOriginal } from '../../four-eyes/action-original';
import { AggregateCommandExecutor } from '../../write/aggregate-command-executor';
import type { CommandResult } from '../../write/command-context';
import { VerifyActionCommand } from './verify-action.command';

export function foldVerification(history: readonly { type: string; data: unknown }[]) {
  return history.reduce(
    (state, event) => verificationDecider.evolve(state, event as VerificationEvent),
    verificationDecider.initialState,
  );
}

@CommandHandler(VerifyActionCommand)
export class VerifyActionHandler implements ICommandHandler<VerifyActionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, context }: VerifyActionCommand): Promise<CommandResult> {
    const original = await readActionOriginal(this.store, payload.eventId);
    const command = {
      type: 'VerifyAction' as const,
      ...payload,
      evidenceRefs: context.evidence.map((e) => e.ref),
      original,
      now: context.receivedAt.toISOString(),
    };
    return this.executor.execute({
      stream: verificationStream(payload.eventId),
      occurredAt: payload.occurredAt,
      context,
      schemaVersionOf: () => 1,
      decide: (history) => ({
        events: verificationDecider.decide(command, foldVerification(history)),
        orgUnit: original.orgUnit,
      }),
    });
  }
}

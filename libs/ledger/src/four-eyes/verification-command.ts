// Verifying and disputing an action share one path: read the action as it stands, then decide on its own
// verification stream (verification-<eventId>), so concurrent verifiers of one action meet on its revision
// and the action's stream is not touched.
import {
  verificationDecider,
  verificationStream,
  type ActionOriginal,
  type VerificationCommand,
  type VerificationEvent,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import type { AggregateCommandExecutor } from '../write/aggregate-command-executor';
import type { CommandContext, CommandResult } from '../write/command-context';
import { readActionOriginal } from './action-original';

export function foldVerification(history: readonly { type: string; data: unknown }[]) {
  return history.reduce(
    (state, event) => verificationDecider.evolve(state, event as VerificationEvent),
    verificationDecider.initialState,
  );
}

export async function executeVerification(
  executor: AggregateCommandExecutor,
  store: EventStore,
  request: { eventId: string; occurredAt: string; context: CommandContext },
  commandFor: (original: ActionOriginal, now: string) => VerificationCommand,
): Promise<CommandResult> {
  const original = await readActionOriginal(store, request.eventId);
  const command = commandFor(original, request.context.receivedAt.toISOString());
  return executor.execute({
    stream: verificationStream(request.eventId),
    occurredAt: request.occurredAt,
    context: request.context,
    schemaVersionOf: () => 1,
    decide: (history) => ({
      events: verificationDecider.decide(command, foldVerification(history)),
      orgUnit: original.orgUnit,
    }),
  });
}

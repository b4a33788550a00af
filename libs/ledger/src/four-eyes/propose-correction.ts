// A correction of a verified action does not take effect at once: it is decided as usual (so that a wrong
// correction is refused now, not at approval) and recorded as a proposal in its own stream, waiting for a
// second person (POST /corrections/{proposalId}/approvals).
import {
  correctionProposalDecider,
  correctionProposalStream,
  decideCorrection,
  foldProposal,
  verificationStream,
  type AnyAggregateDefinition,
  type CorrectEvent,
  type RecordedEvent,
} from '@ledger/domain';
import type { EventStore } from '@ledger/event-store';
import { AggregateCommandExecutor } from '../write/aggregate-command-executor';
import type { CommandContext, CommandResult } from '../write/command-context';
import { newEventId } from '../write/event-ids';
import { foldVerification } from './verification-command';
import { readStream } from './action-original';

export async function isVerified(store: EventStore, eventId: string): Promise<boolean> {
  return foldVerification(await readStream(store, verificationStream(eventId))).status === 'verified';
}

export async function proposeCorrection(
  executor: AggregateCommandExecutor,
  store: EventStore,
  target: RecordedEvent,
  aggregate: AnyAggregateDefinition,
  command: CorrectEvent,
  context: CommandContext,
): Promise<CommandResult> {
  const [corrected] = decideCorrection(aggregate, command, await readStream(store, target.stream));
  const proposalId = context.eventId ?? newEventId();
  return executor.execute({
    stream: correctionProposalStream(proposalId),
    occurredAt: command.occurredAt,
    context,
    schemaVersionOf: () => 1,
    decide: (history) => ({
      events: correctionProposalDecider.decide(
        {
          type: 'ProposeCorrection',
          proposalId,
          targetStream: target.stream,
          correction: corrected.data,
          occurredAt: command.occurredAt,
          now: command.now,
        },
        foldProposal(history),
      ),
      orgUnit: target.metadata.orgUnit,
    }),
  });
}

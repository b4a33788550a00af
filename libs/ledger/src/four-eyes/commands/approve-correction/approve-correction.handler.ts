// Approval: CorrectionApproved in the proposal's stream (its revision settles a race with a rejection), then
// the EventCorrected, marked with the approval, in the action's stream under an id derived from the
// proposal, so that approving again after a crash between the two appends applies it once.
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import {
  aggregateForStream,
  approvalOf,
  correctionProposalDecider,
  correctionProposalStream,
  decideCorrection,
  DomainError,
  foldProposal,
  type CorrectEvent,
} from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { readStream } from '../../action-original';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { eventIdFromName } from '../../../write/event-ids';
import { ApproveCorrectionCommand } from './approve-correction.command';

@CommandHandler(ApproveCorrectionCommand)
export class ApproveCorrectionHandler implements ICommandHandler<ApproveCorrectionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, context }: ApproveCorrectionCommand): Promise<CommandResult> {
    const { proposalId, occurredAt } = payload;
    const stream = correctionProposalStream(proposalId);
    const state = foldProposal(await readStream(this.store, stream));
    if (!state.proposal || !state.proposedBy)
      throw new ResourceNotFoundError(
        'CORRECTION_PROPOSAL_NOT_FOUND',
        `no correction proposal ${proposalId}`,
      );
    const { proposal, proposedBy } = state;
    const aggregate = aggregateForStream(proposal.targetStream);
    if (!aggregate)
      throw new ResourceNotFoundError(
        'CORRECTED_EVENT_NOT_FOUND',
        `stream ${proposal.targetStream} is unknown`,
      );
    const now = context.receivedAt.toISOString();
    const { correction } = proposal;
    const correct: CorrectEvent = {
      type: 'CorrectEvent',
      correctsEventId: correction.correctsEventId,
      kind: correction.kind,
      reason: correction.reason,
      ...(correction.changes ? { changes: correction.changes } : {}),
      occurredAt,
      now,
    };
    const orgUnit = correction.original.orgUnit ?? '';
    const target = await readStream(this.store, proposal.targetStream);
    const applied = target.some((e) => approvalOf(e)?.proposalId === proposalId);
    if (state.status === 'approved' && applied)
      throw new DomainError(
        'CORRECTION_ALREADY_APPROVED',
        'conflict',
        `correction proposal ${proposalId} is already approved`,
      );
    if (state.status !== 'approved') {
      // Still applicable? (the action may have been corrected otherwise meanwhile): refused before approving.
      decideCorrection(aggregate, correct, target);
      await this.executor.execute({
        stream,
        occurredAt,
        context,
        schemaVersionOf: () => 1,
        decide: (history) => ({
          events: correctionProposalDecider.decide(
            { type: 'ApproveCorrection', proposalId, note: payload.note, occurredAt, now },
            foldProposal(history),
          ),
          orgUnit,
        }),
      });
    }
    return this.executor.execute({
      stream: proposal.targetStream,
      occurredAt,
      context: { ...context, eventId: eventIdFromName(`${proposalId}:approved-correction`) },
      schemaVersionOf: (type) => aggregate.schemaVersions[type] ?? 1,
      decide: (history) => ({
        events: decideCorrection(aggregate, correct, history).map((event) => ({
          ...event,
          data: { ...event.data, approval: { proposalId, proposedBy } },
        })),
        orgUnit,
      }),
    });
  }
}

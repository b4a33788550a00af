import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { correctionProposalDecider, correctionProposalStream, foldProposal } from '@ledger/domain';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { ResourceNotFoundError } from '../../../errors/ledger-errors';
import { readStream } from '../../action-original';
import { AggregateCommandExecutor } from '../../../write/aggregate-command-executor';
import type { CommandResult } from '../../../write/command-context';
import { RejectCorrectionCommand } from './reject-correction.command';

@CommandHandler(RejectCorrectionCommand)
export class RejectCorrectionHandler implements ICommandHandler<RejectCorrectionCommand> {
  constructor(
    private readonly executor: AggregateCommandExecutor,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute({ payload, context }: RejectCorrectionCommand): Promise<CommandResult> {
    const stream = correctionProposalStream(payload.proposalId);
    const first = (await readStream(this.store, stream))[0];
    if (!first)
      throw new ResourceNotFoundError(
        'CORRECTION_PROPOSAL_NOT_FOUND',
        `no correction proposal ${payload.proposalId}`,
      );
    return this.executor.execute({
      stream,
      occurredAt: payload.occurredAt,
      context,
      schemaVersionOf: () => 1,
      decide: (history) => ({
        events: correctionProposalDecider.decide(
          { type: 'RejectCorrection', ...payload, now: context.receivedAt.toISOString() },
          foldProposal(history),
        ),
        orgUnit: first.metadata.orgUnit,
      }),
    });
  }
}

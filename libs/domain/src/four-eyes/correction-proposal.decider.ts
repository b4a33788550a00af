// A correction of a verified action takes effect only once a second person approves it: POST /corrections
// then opens a proposal stream (correction-proposal-<id>) instead of correcting at once. Approval appends
// CorrectionApproved here and then the EventCorrected (marked with the approval) in the action's stream;
// rejection appends CorrectionRejected and nothing else. Who may approve is a write rule.
import type { EventCorrectedData } from '../corrections/correction.event';
import type { Actor } from '../shared/envelope';
import { assertNever, type Decider } from '../shared/decider';
import { conflict, notFound } from '../shared/domain-error';
import { checkOccurredAt, requireText, type TimedCommand } from '../shared/rules';
import type { CorrectionProposalEvent, CorrectionProposedData } from './four-eyes.events';
import { optionalNote, requireReasonText } from './verification.decider';

export interface ProposeCorrection extends TimedCommand {
  type: 'ProposeCorrection';
  proposalId: string;
  targetStream: string;
  /** As decideCorrection decided it against the action's stream. */
  correction: EventCorrectedData;
}

export interface ApproveCorrection extends TimedCommand {
  type: 'ApproveCorrection';
  proposalId: string;
  note?: string;
}

export interface RejectCorrection extends TimedCommand {
  type: 'RejectCorrection';
  proposalId: string;
  reason: string;
}

export type CorrectionProposalCommand = ProposeCorrection | ApproveCorrection | RejectCorrection;

export interface CorrectionProposalState {
  status: 'none' | 'proposed' | 'approved' | 'rejected';
  proposal: CorrectionProposedData | null;
  proposedBy: Actor | null;
}

export const initialCorrectionProposalState: CorrectionProposalState = {
  status: 'none',
  proposal: null,
  proposedBy: null,
};

function open(state: CorrectionProposalState, proposalId: string) {
  if (state.status === 'none' || !state.proposal || !state.proposedBy)
    throw notFound('CORRECTION_PROPOSAL_NOT_FOUND', `no correction proposal ${proposalId}`);
  if (state.status === 'approved')
    throw conflict('CORRECTION_ALREADY_APPROVED', `correction proposal ${proposalId} is already approved`);
  if (state.status === 'rejected')
    throw conflict('CORRECTION_ALREADY_REJECTED', `correction proposal ${proposalId} was rejected`);
  const { proposal, proposedBy } = state;
  const recordedBy = proposal.correction.original.actor ?? { officer: '', agency: '', role: '' };
  return {
    proposalId,
    correctsEventId: proposal.correction.correctsEventId,
    proposedBy,
    recordedBy,
    orgUnit: proposal.correction.original.orgUnit ?? '',
  };
}

function decide(
  command: CorrectionProposalCommand,
  state: CorrectionProposalState,
): CorrectionProposalEvent[] {
  checkOccurredAt(command);
  const proposalId = requireText(command.proposalId, 'proposalId', 100);
  switch (command.type) {
    case 'ProposeCorrection':
      if (state.status !== 'none')
        throw conflict('CORRECTION_PROPOSAL_EXISTS', `correction proposal ${proposalId} already exists`);
      return [
        {
          type: 'CorrectionProposed',
          data: { proposalId, correction: command.correction, targetStream: command.targetStream },
        },
      ];
    case 'ApproveCorrection':
      return [
        {
          type: 'CorrectionApproved',
          data: { ...open(state, proposalId), note: optionalNote(command.note) },
        },
      ];
    case 'RejectCorrection': {
      const base = open(state, proposalId);
      return [{ type: 'CorrectionRejected', data: { ...base, reason: requireReasonText(command.reason) } }];
    }
    default:
      return assertNever(command);
  }
}

/** The proposer comes from the envelope: the shell folds with it (see foldProposal). */
function evolve(state: CorrectionProposalState, event: CorrectionProposalEvent): CorrectionProposalState {
  switch (event.type) {
    case 'CorrectionProposed':
      return { ...state, status: 'proposed', proposal: event.data };
    case 'CorrectionApproved':
      return { ...state, status: 'approved' };
    case 'CorrectionRejected':
      return { ...state, status: 'rejected' };
    default:
      return assertNever(event);
  }
}

export const correctionProposalDecider: Decider<
  CorrectionProposalCommand,
  CorrectionProposalEvent,
  CorrectionProposalState
> = { decide, evolve, initialState: initialCorrectionProposalState };

/** The state of a proposal stream; the proposer is the actor of its first event. */
export function foldProposal(
  events: readonly { type: string; data: unknown; metadata?: { actor?: Actor } }[],
): CorrectionProposalState {
  let state = initialCorrectionProposalState;
  for (const event of events) {
    state = evolve(state, event as CorrectionProposalEvent);
    if (event.type === 'CorrectionProposed' && event.metadata?.actor) {
      const { officer, agency, role } = event.metadata.actor;
      state = { ...state, proposedBy: { officer, agency, role } };
    }
  }
  return state;
}

// One verification stream per recorded action (verification-<eventId>): the action is claimed until it is
// verified (field visit or document check, with evidence) or disputed (with a reason). A disputed action is
// resolved by a second verification, or by a correction of the action. Who may verify (not the one who
// recorded it, not a supervisor of the same agency) is a write rule: four-eyes-write-rules.ts.
import { assertNever, type Decider } from '../shared/decider';
import { conflict, invalid } from '../shared/domain-error';
import { checkOccurredAt, requireOneOf, requireText, type TimedCommand } from '../shared/rules';
import {
  VERIFICATION_METHODS,
  type ActionOriginal,
  type VerificationEvent,
  type VerificationMethod,
} from './four-eyes.events';

export const FOUR_EYES_REASON_MIN = 10;
export const FOUR_EYES_REASON_MAX = 2000;

export interface VerifyAction extends TimedCommand {
  type: 'VerifyAction';
  eventId: string;
  method: VerificationMethod;
  note?: string;
  /** References of the evidence the verifier attaches (at least one). */
  evidenceRefs: readonly string[];
  /** The action as it stands, read by the shell. */
  original: ActionOriginal;
}

export interface DisputeAction extends TimedCommand {
  type: 'DisputeAction';
  eventId: string;
  reason: string;
  original: ActionOriginal;
}

export type VerificationCommand = VerifyAction | DisputeAction;

export type VerificationStatus = 'claimed' | 'verified' | 'disputed';

export interface VerificationState {
  status: VerificationStatus;
  verifications: number;
  disputes: number;
}

export const initialVerificationState: VerificationState = {
  status: 'claimed',
  verifications: 0,
  disputes: 0,
};

export function requireReasonText(value: unknown, field = 'reason'): string {
  const reason = typeof value === 'string' ? value.trim() : '';
  if (reason.length < FOUR_EYES_REASON_MIN || reason.length > FOUR_EYES_REASON_MAX) {
    throw invalid(
      'REASON_LENGTH_OUT_OF_RANGE',
      field,
      `${field} must be ${FOUR_EYES_REASON_MIN} to ${FOUR_EYES_REASON_MAX} characters`,
    );
  }
  return reason;
}

export function optionalNote(value: unknown, field = 'note'): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > FOUR_EYES_REASON_MAX)
    throw invalid(
      'NOTE_INVALID',
      field,
      `${field} must be text of at most ${FOUR_EYES_REASON_MAX} characters`,
    );
  return value.trim() === '' ? null : value.trim();
}

function decide(command: VerificationCommand, state: VerificationState): VerificationEvent[] {
  checkOccurredAt(command);
  const eventId = requireText(command.eventId, 'eventId', 100);
  switch (command.type) {
    case 'VerifyAction': {
      const method = requireOneOf(command.method, VERIFICATION_METHODS, 'method');
      const note = optionalNote(command.note);
      if (!Array.isArray(command.evidenceRefs) || command.evidenceRefs.length === 0)
        throw invalid(
          'VERIFICATION_EVIDENCE_REQUIRED',
          'evidence',
          'a verification names the evidence it rests on (field visit record, documents checked)',
        );
      if (state.status === 'verified')
        throw conflict('ACTION_ALREADY_VERIFIED', `action ${eventId} is already verified`);
      return [
        {
          type: 'ActionVerified',
          data: {
            eventId,
            method,
            note,
            evidenceRefs: [...command.evidenceRefs],
            resolvesDispute: state.status === 'disputed',
            original: command.original,
          },
        },
      ];
    }
    case 'DisputeAction': {
      const reason = requireReasonText(command.reason);
      if (state.status === 'disputed')
        throw conflict('ACTION_ALREADY_DISPUTED', `action ${eventId} is already disputed`);
      return [
        {
          type: 'ActionDisputed',
          data: {
            eventId,
            reason,
            withdrawsVerification: state.status === 'verified',
            original: command.original,
          },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function evolve(state: VerificationState, event: VerificationEvent): VerificationState {
  switch (event.type) {
    case 'ActionVerified':
      return { ...state, status: 'verified', verifications: state.verifications + 1 };
    case 'ActionDisputed':
      return { ...state, status: 'disputed', disputes: state.disputes + 1 };
    default:
      return assertNever(event);
  }
}

export const verificationDecider: Decider<VerificationCommand, VerificationEvent, VerificationState> = {
  decide,
  evolve,
  initialState: initialVerificationState,
};

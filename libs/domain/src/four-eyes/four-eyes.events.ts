// Events of the four-eyes rules: a recorded action is claimed until someone else verifies it; a
// correction of a verified action waits for a second person's approval; a period report is signed off on an
// exact snapshot. Projections are pure reducers that cannot look anything up, so each event carries what
// they need about the action it is about (its type, data as it stands, org unit, date and actor).
import type { CorrectedOriginal, EventCorrectedData } from '../corrections/correction.event';
import type { CorrectionKind } from '../corrections/correction.command';
import type { Actor, DomainEvent } from '../shared/envelope';
import type { ContributionPart } from '../plan/contribution-rules';

export const ACTION_VERIFIED = 'ActionVerified';
export const ACTION_DISPUTED = 'ActionDisputed';
export const CORRECTION_PROPOSED = 'CorrectionProposed';
export const CORRECTION_APPROVED = 'CorrectionApproved';
export const CORRECTION_REJECTED = 'CorrectionRejected';
export const REPORT_APPROVED = 'ReportApproved';

export const VERIFICATION_METHODS = ['field_visit', 'document_check'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The recorded action a verification, dispute or correction proposal is about, as it stands (amendments applied). */
export interface ActionOriginal extends CorrectedOriginal {
  /** The stream the action sits in. */
  stream: string;
  orgUnit: string;
  occurredAt: string;
  actor: Actor;
}

export interface ActionVerifiedData {
  eventId: string;
  method: VerificationMethod;
  /** What was checked, in the verifier's words; the documents are in the envelope's evidence. */
  note: string | null;
  /** References of the evidence (also in the envelope with their digests). */
  evidenceRefs: string[];
  /** True when the action had been disputed: this verification resolves the dispute. */
  resolvesDispute: boolean;
  original: ActionOriginal;
}

export interface ActionDisputedData {
  eventId: string;
  reason: string;
  /** True when the action was verified until now: its figures leave the verified figure. */
  withdrawsVerification: boolean;
  original: ActionOriginal;
}

export type ActionVerified = DomainEvent<'ActionVerified', ActionVerifiedData>;
export type ActionDisputed = DomainEvent<'ActionDisputed', ActionDisputedData>;
export type VerificationEvent = ActionVerified | ActionDisputed;

export interface CorrectionProposedData {
  proposalId: string;
  /** The correction as decideCorrection decided it against the stream when proposed. */
  correction: EventCorrectedData;
  targetStream: string;
}

export interface CorrectionApprovedData {
  proposalId: string;
  correctsEventId: string;
  /** Who proposed it: the approver is someone else. */
  proposedBy: Actor;
  /** Agency that recorded the corrected action. */
  recordedBy: Actor;
  orgUnit: string;
  note: string | null;
}

export interface CorrectionRejectedData {
  proposalId: string;
  correctsEventId: string;
  proposedBy: Actor;
  recordedBy: Actor;
  orgUnit: string;
  reason: string;
}

export type CorrectionProposed = DomainEvent<'CorrectionProposed', CorrectionProposedData>;
export type CorrectionApproved = DomainEvent<'CorrectionApproved', CorrectionApprovedData>;
export type CorrectionRejected = DomainEvent<'CorrectionRejected', CorrectionRejectedData>;
export type CorrectionProposalEvent = CorrectionProposed | CorrectionApproved | CorrectionRejected;

/** Marks an EventCorrected that a second person approved (the corrected action had been verified). */
export interface CorrectionApproval {
  proposalId: string;
  proposedBy: Actor;
}

/** EventCorrected data as the approval of a proposal writes it. */
export type ApprovedCorrectionData = EventCorrectedData & { approval: CorrectionApproval };

/** A standing measurement of an indicator month, as the indicator-progress projection keeps it and a report signs it off. */
export interface MeasurementEntry {
  measurementId: string;
  /** The unit measured: the document's own unit, or a unit below it. */
  orgUnit: string;
  period: string;
  value: number;
  numerator: number | null;
  denominator: number | null;
  definitionVersion: number;
  eventId: string;
  occurredAt: string;
  recordedAt: string;
  position: number;
}

/** One month of a figure as the report signs it off: the indicator-months document's figures. */
export interface ReportMonth {
  month: string;
  sums: Record<ContributionPart, number>;
  ownSums: Record<ContributionPart, number>;
  units: string[];
  measurements: MeasurementEntry[];
  definitionVersions: number[];
}

export interface ReportFigures {
  /** Per month of the period: what was claimed (double claims counted once) and what was verified. */
  claimed: ReportMonth[];
  verified: ReportMonth[];
  /** Sums over the period, per part (value, numerator, denominator). */
  claimedTotal: Record<ContributionPart, number>;
  verifiedTotal: Record<ContributionPart, number>;
}

export interface ReportApprovedData {
  indicatorKey: string;
  orgUnit: string;
  /** YYYY, YYYY-Qn or YYYY-MM. */
  period: string;
  /** The figures are those of every event up to this global position. */
  upToPosition: number;
  /** sha256 of the canonical JSON of the figures: what the approver saw and signed off. */
  figuresDigest: string;
  figures: ReportFigures;
  note: string | null;
}

export type ReportApproved = DomainEvent<'ReportApproved', ReportApprovedData>;

/** Streams: one per verified action, per correction proposal, per report (indicator x org unit x period). */
export const VERIFICATION_STREAM_PREFIX = 'verification-';
export const CORRECTION_PROPOSAL_STREAM_PREFIX = 'correction-proposal-';
export const REPORT_APPROVAL_STREAM_PREFIX = 'report-approval-';

export const verificationStream = (eventId: string) => `${VERIFICATION_STREAM_PREFIX}${eventId}`;
export const correctionProposalStream = (proposalId: string) =>
  `${CORRECTION_PROPOSAL_STREAM_PREFIX}${proposalId}`;
export const reportApprovalStream = (indicatorKey: string, orgUnit: string, period: string) =>
  `${REPORT_APPROVAL_STREAM_PREFIX}${indicatorKey}.${orgUnit}.${period}`;

/** The approval an EventCorrected carries, when a second person approved it; null otherwise. */
export function approvalOf(event: { type: string; data: unknown }): CorrectionApproval | null {
  if (event.type !== 'EventCorrected') return null;
  const approval = (event.data as { approval?: unknown } | null)?.approval;
  if (typeof approval !== 'object' || approval === null) return null;
  const a = approval as Partial<CorrectionApproval>;
  return typeof a.proposalId === 'string' && a.proposedBy ? (a as CorrectionApproval) : null;
}

export type { CorrectionKind };

import type { Actor, DomainEvent } from '../shared/envelope';
import type { CorrectionKind } from './correction.command';

export const EVENT_CORRECTED = 'EventCorrected';

/**
 * The corrected event as it stood just before this correction (earlier amendments applied), with the
 * envelope fields that say where and by whom it was recorded. Projections are pure reducers of (document,
 * event): to take back what the event contributed, and to credit the org unit and agency it was counted
 * for, they need it in the correction itself, since they cannot look the original up. Metadata fields
 * the original did not carry are absent here too.
 */
export interface CorrectedOriginal {
  type: string;
  data: unknown;
  /** From the original's metadata. */
  orgUnit?: string;
  occurredAt?: string;
  actor?: Actor;
}

export interface EventCorrectedData {
  correctsEventId: string;
  correctedType: string;
  kind: CorrectionKind;
  reason: string;
  /**
   * Amendment: the amended fields with their validated new values, applied over the original's data.
   * Retraction: null.
   */
  changes: Record<string, unknown> | null;
  /** What is being corrected, so that a reader of this event alone can undo or adjust its effect. */
  original: CorrectedOriginal;
}

/** Appended to the same stream as the event it corrects; the original is never touched. */
export type EventCorrected = DomainEvent<'EventCorrected', EventCorrectedData>;

export function isEventCorrected(event: { type: string }): event is EventCorrected {
  return event.type === EVENT_CORRECTED;
}

import type { DomainEvent } from '../shared/envelope';
import type { CorrectionKind } from './correction.command';

export const EVENT_CORRECTED = 'EventCorrected';

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
}

/** Appended to the same stream as the event it corrects; the original is never touched. */
export type EventCorrected = DomainEvent<'EventCorrected', EventCorrectedData>;

export function isEventCorrected(event: { type: string }): event is EventCorrected {
  return event.type === EVENT_CORRECTED;
}

import type { TimedCommand } from '../shared/rules';

export const CORRECTION_KINDS = ['retraction', 'amendment'] as const;
/** retraction: the event should never have been recorded; amendment: some of its data was wrong. */
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export interface CorrectEvent extends TimedCommand {
  type: 'CorrectEvent';
  correctsEventId: string;
  /** Why, in the officer's words: the trail shows it to inspectors next to the original. */
  reason: string;
  kind: CorrectionKind;
  /** Amendment only: the fields to replace and their right values. */
  changes?: Record<string, unknown>;
}

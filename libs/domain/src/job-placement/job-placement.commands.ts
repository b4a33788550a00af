import type { TimedCommand } from '../shared/rules';

export const JOB_PLACEMENT_KINDS = ['domestic', 'overseas_contract'] as const;
export type JobPlacementKind = (typeof JOB_PLACEMENT_KINDS)[number];

export interface RecordJobPlacement extends TimedCommand {
  type: 'RecordJobPlacement';
  /** The placing agency's own reference (contract or referral number); it keys the stream. */
  placementId: string;
  /** Pseudonymous worker reference as made by the ledger (e.g. "b-" + 32 hex digits). */
  workerRef: string;
  commune: string;
  employer: string;
  kind: JobPlacementKind;
}

export type JobPlacementCommand = RecordJobPlacement;

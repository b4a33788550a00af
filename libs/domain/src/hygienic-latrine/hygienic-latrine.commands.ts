import type { TimedCommand } from '../shared/rules';

export const LATRINE_FACILITY_KINDS = ['household', 'school', 'health_station'] as const;
export type LatrineFacilityKind = (typeof LATRINE_FACILITY_KINDS)[number];

export interface RecordHygienicLatrineCompletion extends TimedCommand {
  type: 'RecordHygienicLatrineCompletion';
  latrineId: string;
  facilityKind: LatrineFacilityKind;
  /**
   * Household: the pseudonymous reference of the household head ("b-" + hex), never a citizen id.
   * School or health station: its official code.
   */
  facilityRef: string;
  commune: string;
}

export type HygienicLatrineCommand = RecordHygienicLatrineCompletion;

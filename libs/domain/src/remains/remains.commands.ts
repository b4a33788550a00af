import type { TimedCommand } from '../shared/rules';

export const IDENTIFICATION_METHODS = ['dna', 'documents', 'witness'] as const;
export type IdentificationMethod = (typeof IDENTIFICATION_METHODS)[number];

export const REMAINS_CASE_OUTCOMES = ['reburied', 'no_remains_found'] as const;
export type RemainsCaseOutcome = (typeof REMAINS_CASE_OUTCOMES)[number];

export interface OpenRemainsCase extends TimedCommand {
  type: 'OpenRemainsCase';
  caseId: string;
  /** Where the search takes place, as the search team describes it. */
  site: string;
  commune: string;
}

export interface RecordRemainsRecovery extends TimedCommand {
  type: 'RecordRemainsRecovery';
  caseId: string;
  setsOfRemains: number;
}

export interface IdentifyRemains extends TimedCommand {
  type: 'IdentifyRemains';
  caseId: string;
  method: IdentificationMethod;
  /** Reference of the martyr's record in the merit-person registry. */
  martyrRecordRef: string;
}

export interface RecordReburial extends TimedCommand {
  type: 'RecordReburial';
  caseId: string;
  cemetery: string;
}

export interface CloseRemainsCase extends TimedCommand {
  type: 'CloseRemainsCase';
  caseId: string;
  outcome: RemainsCaseOutcome;
}

export type RemainsCaseCommand =
  OpenRemainsCase | RecordRemainsRecovery | IdentifyRemains | RecordReburial | CloseRemainsCase;

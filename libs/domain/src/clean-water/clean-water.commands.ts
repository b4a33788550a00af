import type { TimedCommand } from '../shared/rules';

export const CLEAN_WATER_SOURCES = ['piped', 'drilled_well', 'dug_well', 'rainwater_tank', 'other'] as const;
export type CleanWaterSource = (typeof CLEAN_WATER_SOURCES)[number];

export interface RecordCleanWaterConnection extends TimedCommand {
  type: 'RecordCleanWaterConnection';
  connectionId: string;
  /** Pseudonymous household reference (the household head's), never a name or citizen id. */
  householdRef: string;
  commune: string;
  source: CleanWaterSource;
}

export type CleanWaterConnectionCommand = RecordCleanWaterConnection;

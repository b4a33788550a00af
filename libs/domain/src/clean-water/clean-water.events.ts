import type { DatedEvent } from '../shared/dated-event';
import type { CleanWaterSource } from './clean-water.commands';

export interface CleanWaterConnectedData {
  connectionId: string;
  householdRef: string;
  commune: string;
  source: CleanWaterSource;
}

export type CleanWaterConnected = DatedEvent<'CleanWaterConnected', CleanWaterConnectedData>;

export type CleanWaterConnectionEvent = CleanWaterConnected;

export const CLEAN_WATER_CONNECTION_EVENT_TYPES = [
  'CleanWaterConnected',
] as const satisfies readonly CleanWaterConnectionEvent['type'][];

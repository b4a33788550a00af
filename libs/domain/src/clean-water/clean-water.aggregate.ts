import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import type { CleanWaterConnectionCommand } from './clean-water.commands';
import { cleanWaterConnectionDecider, requireCleanWaterSource } from './clean-water.decider';
import {
  CLEAN_WATER_CONNECTION_EVENT_TYPES,
  type CleanWaterConnectedData,
  type CleanWaterConnectionEvent,
} from './clean-water.events';
import type { CleanWaterConnectionState } from './clean-water.state';

export const CLEAN_WATER_CONNECTION_STREAM_PREFIX = 'clean-water-connection-';

/** One stream per household, so that connecting a household twice is a conflict on the stream. */
export function cleanWaterConnectionStream(householdRef: string): string {
  return `${CLEAN_WATER_CONNECTION_STREAM_PREFIX}${householdRef}`;
}

export const cleanWaterConnectionAggregate: AggregateDefinition<
  CleanWaterConnectionCommand,
  CleanWaterConnectionEvent,
  CleanWaterConnectionState
> = {
  name: 'clean-water-connection',
  streamPrefix: CLEAN_WATER_CONNECTION_STREAM_PREFIX,
  streamFor: (command) => cleanWaterConnectionStream(command.householdRef),
  decider: cleanWaterConnectionDecider,
  eventTypes: [...CLEAN_WATER_CONNECTION_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { CleanWaterConnected: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later connection in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  amend: {
    CleanWaterConnected: amendFields<CleanWaterConnectedData>({ source: requireCleanWaterSource }),
  },
};

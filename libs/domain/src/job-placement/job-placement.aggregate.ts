import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import type { JobPlacementCommand } from './job-placement.commands';
import { jobPlacementDecider, requireEmployer, requireJobPlacementKind } from './job-placement.decider';
import {
  JOB_PLACEMENT_EVENT_TYPES,
  type JobPlacedData,
  type JobPlacementEvent,
} from './job-placement.events';
import type { JobPlacementState } from './job-placement.state';

export const JOB_PLACEMENT_STREAM_PREFIX = 'job-placement-';

export function jobPlacementStream(placementId: string): string {
  return `${JOB_PLACEMENT_STREAM_PREFIX}${placementId}`;
}

export const jobPlacementAggregate: AggregateDefinition<
  JobPlacementCommand,
  JobPlacementEvent,
  JobPlacementState
> = {
  name: 'job-placement',
  streamPrefix: JOB_PLACEMENT_STREAM_PREFIX,
  streamFor: (command) => jobPlacementStream(command.placementId),
  decider: jobPlacementDecider,
  eventTypes: [...JOB_PLACEMENT_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { JobPlaced: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later placement in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  amend: {
    JobPlaced: amendFields<JobPlacedData>({ employer: requireEmployer, kind: requireJobPlacementKind }),
  },
};

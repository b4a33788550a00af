import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import type { HygienicLatrineCommand, LatrineFacilityKind } from './hygienic-latrine.commands';
import { hygienicLatrineDecider } from './hygienic-latrine.decider';
import { HYGIENIC_LATRINE_EVENT_TYPES, type HygienicLatrineEvent } from './hygienic-latrine.events';
import type { HygienicLatrineState } from './hygienic-latrine.state';

export const HYGIENIC_LATRINE_STREAM_PREFIX = 'hygienic-latrine-';

/**
 * One stream per facility, so that a second latrine for the same facility is a conflict on the stream.
 * The kind comes first: a school and a household never share a stream, and no kind is a prefix of another.
 */
export function hygienicLatrineStream(facilityKind: LatrineFacilityKind, facilityRef: string): string {
  return `${HYGIENIC_LATRINE_STREAM_PREFIX}${facilityKind}-${facilityRef}`;
}

export const hygienicLatrineAggregate: AggregateDefinition<
  HygienicLatrineCommand,
  HygienicLatrineEvent,
  HygienicLatrineState
> = {
  name: 'hygienic-latrine',
  streamPrefix: HYGIENIC_LATRINE_STREAM_PREFIX,
  streamFor: (command) => hygienicLatrineStream(command.facilityKind, command.facilityRef),
  decider: hygienicLatrineDecider,
  eventTypes: [...HYGIENIC_LATRINE_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: { HygienicLatrineCompleted: 1, [EVENT_CORRECTED]: 1 },
  // A one-off fact: a later latrine in the stream only exists because an earlier one was retracted.
  dependsOn: () => false,
  // The facility keys the stream: a wrong one is retracted and recorded again.
  amend: {},
};

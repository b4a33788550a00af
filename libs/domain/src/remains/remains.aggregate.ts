import type { AggregateDefinition } from '../corrections/aggregate-definition';
import { EVENT_CORRECTED } from '../corrections/correction.event';
import { amendFields } from '../shared/amend-fields';
import type { RemainsCaseCommand } from './remains.commands';
import { remainsCaseDecider, requireSetsOfRemains } from './remains.decider';
import { REMAINS_CASE_EVENT_TYPES, type RemainsCaseEvent, type RemainsRecovered } from './remains.events';
import type { RemainsCaseState } from './remains.state';

export const REMAINS_CASE_STREAM_PREFIX = 'remains-case-';

export function remainsCaseStream(caseId: string): string {
  return `${REMAINS_CASE_STREAM_PREFIX}${caseId}`;
}

const recordedAfterRecovery = (type: RemainsCaseEvent['type']) =>
  type === 'RemainsIdentified' || type === 'RemainsReburied';

export const remainsCaseAggregate: AggregateDefinition<
  RemainsCaseCommand,
  RemainsCaseEvent,
  RemainsCaseState
> = {
  name: 'remains-case',
  streamPrefix: REMAINS_CASE_STREAM_PREFIX,
  streamFor: (command) => remainsCaseStream(command.caseId),
  decider: remainsCaseDecider,
  eventTypes: [...REMAINS_CASE_EVENT_TYPES, EVENT_CORRECTED],
  schemaVersions: {
    RemainsCaseOpened: 1,
    RemainsRecovered: 1,
    RemainsIdentified: 1,
    RemainsReburied: 1,
    RemainsCaseClosed: 1,
    [EVENT_CORRECTED]: 1,
  },
  // Linear, except that identification and reburial both follow the recovery in either order and do
  // not need each other.
  dependsOn: (later, earlier) => !(recordedAfterRecovery(later.type) && recordedAfterRecovery(earlier.type)),
  amend: {
    RemainsRecovered: amendFields<RemainsRecovered['data']>({ setsOfRemains: requireSetsOfRemains }),
  },
};

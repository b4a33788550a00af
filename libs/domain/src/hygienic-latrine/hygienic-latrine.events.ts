import type { DatedEvent } from '../shared/dated-event';
import type { LatrineFacilityKind } from './hygienic-latrine.commands';

export interface HygienicLatrineCompletedData {
  latrineId: string;
  facilityKind: LatrineFacilityKind;
  facilityRef: string;
  commune: string;
}

export type HygienicLatrineCompleted = DatedEvent<'HygienicLatrineCompleted', HygienicLatrineCompletedData>;

export type HygienicLatrineEvent = HygienicLatrineCompleted;

export const HYGIENIC_LATRINE_EVENT_TYPES = [
  'HygienicLatrineCompleted',
] as const satisfies readonly HygienicLatrineEvent['type'][];

import type { DatedEvent } from '../shared/dated-event';
import type { JobPlacementKind } from './job-placement.commands';

export interface JobPlacedData {
  placementId: string;
  workerRef: string;
  commune: string;
  employer: string;
  kind: JobPlacementKind;
}

export type JobPlaced = DatedEvent<'JobPlaced', JobPlacedData>;

export type JobPlacementEvent = JobPlaced;

export const JOB_PLACEMENT_EVENT_TYPES = [
  'JobPlaced',
] as const satisfies readonly JobPlacementEvent['type'][];

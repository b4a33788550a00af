import type { JobPlacedData } from './job-placement.events';

export type JobPlacementState =
  { status: 'none' } | ({ status: 'placed'; placedAt?: string } & JobPlacedData);

export const initialJobPlacementState: JobPlacementState = { status: 'none' };

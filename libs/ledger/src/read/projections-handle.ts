// What the api asks of the projections (their names, their status, waiting for a position, start and stop),
// wherever they run: in this thread (ProjectionRunner) or in a worker thread of this process
// (ProjectionWorkerHost), which keeps the read store's commits off the thread that answers HTTP.
import type { ProjectionRunner } from '@ledger/projections';

export type ProjectionsHandle = Pick<
  ProjectionRunner,
  'projectionNames' | 'start' | 'stop' | 'status' | 'waitFor'
>;

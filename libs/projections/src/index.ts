export * from './projection';
export * from './projection-status';
export * from './projection-runner.errors';
export { ProjectionRunner, type ProjectionRunnerOptions, type WaitForOptions } from './projection-runner';
export type { ProjectionRunnerLogger } from './projection-lane';
export * from './definitions';

// The messages between the api's main thread (ProjectionWorkerHost) and the worker thread that runs the
// projections (serveProjections). Errors cross as plain objects and are made typed errors again on arrival.
import {
  ProjectionFailedError,
  ProjectionRunnerStoppedError,
  WaitForTimeoutError,
  type ProjectionStatus,
  type WaitForOptions,
} from '@ledger/projections';

export type ToWorker =
  | { kind: 'status'; id: number }
  | { kind: 'waitFor'; id: number; position: number; options: WaitForOptions }
  | { kind: 'stop' };

export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'reply'; id: number; ok: true; value?: ProjectionStatus[] }
  | { kind: 'reply'; id: number; ok: false; error: WireError }
  | { kind: 'stopped' };

export interface WireError {
  code?: string;
  message: string;
  projection?: string;
  detail?: string;
  position?: number;
  behind?: ReadonlyArray<{ name: string; checkpoint: number }>;
  timeoutMs?: number;
}

export function toWire(error: unknown, timeoutMs?: number): WireError {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & Partial<WireError>;
  return {
    message: error.message,
    ...(typeof fields.code === 'string' ? { code: fields.code } : {}),
    ...(fields.projection !== undefined ? { projection: fields.projection } : {}),
    ...(fields.detail !== undefined ? { detail: fields.detail } : {}),
    ...(fields.position !== undefined ? { position: fields.position } : {}),
    ...(fields.behind !== undefined ? { behind: fields.behind } : {}),
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  };
}

export function fromWire(error: WireError): Error {
  switch (error.code) {
    case 'PROJECTION_FAILED':
      return new ProjectionFailedError(
        error.projection ?? '?',
        error.detail ?? error.message,
        error.position,
      );
    case 'PROJECTION_WAIT_TIMEOUT':
      return new WaitForTimeoutError(error.position ?? 0, error.behind ?? [], error.timeoutMs ?? 0);
    case 'PROJECTION_RUNNER_STOPPED':
      return new ProjectionRunnerStoppedError('waitFor in the projection worker');
    default:
      return new Error(error.message);
  }
}

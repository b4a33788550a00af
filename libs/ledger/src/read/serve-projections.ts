// The worker thread's side of ProjectionWorkerHost: answers the main thread's status and waitFor requests
// from the runner it hosts, and on `stop` closes its application (the runner stops after the batch in hand,
// then its stores close) before it says `stopped`.
import type { MessagePort } from 'node:worker_threads';
import type { ProjectionRunner } from '@ledger/projections';
import { toWire, type FromWorker, type ToWorker } from './projection-worker-protocol';

export interface ServedProjections {
  runner: ProjectionRunner;
  /** Stops the runner and closes the stores (the worker's application context). */
  close(): Promise<void>;
}

/**
 * Starts answering at once; requests that arrive while `served` is still booting wait for it. Rejects
 * what `served` rejects with, so that a worker that cannot boot ends with the reason.
 */
export function serveProjections(port: MessagePort, served: Promise<ServedProjections>): Promise<void> {
  const send = (message: FromWorker): void => port.postMessage(message);
  let closing: Promise<void> | undefined;
  port.on('message', (message: ToWorker) => {
    switch (message.kind) {
      case 'status':
        served
          .then(({ runner }) => runner.status())
          .then(
            (value) => send({ kind: 'reply', id: message.id, ok: true, value }),
            (error: unknown) => send({ kind: 'reply', id: message.id, ok: false, error: toWire(error) }),
          );
        return;
      case 'waitFor':
        served
          .then(({ runner }) => runner.waitFor(message.position, message.options))
          .then(
            () => send({ kind: 'reply', id: message.id, ok: true }),
            (error: unknown) =>
              send({
                kind: 'reply',
                id: message.id,
                ok: false,
                error: toWire(error, message.options.timeoutMs ?? 10_000),
              }),
          );
        return;
      case 'stop':
        closing ??= served
          .then(({ close }) => close())
          .finally(() => {
            send({ kind: 'stopped' });
            port.close();
          });
        return;
    }
  });
  return served.then(() => send({ kind: 'ready' }));
}

// Every call the adapter makes to the EventStoreDB client, each under our own deadline, with the client's
// errors turned into the port's. Above this file nothing touches the client.
import {
  BACKWARDS,
  END,
  FORWARDS,
  START,
  streamNameFilter,
  StreamNotFoundError as ClientStreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamSubscription,
  type EventStoreDBClient,
  type JSONEventData,
  type StreamingRead,
} from '@eventstore/db-client';
import { StoreUnavailableError } from '../event-store.errors';
import { ABORTED, untilAborted, withDeadline } from './esdb-deadline';
import type { ClientStoredEvent } from './esdb-envelope';
import { toEventStoreError } from './esdb-errors';
import type { LogPosition } from './esdb-position';
import { fromClientCurrentRevision, type ClientExpectedRevision } from './esdb-revision';

/** An event read from $all: it always has its position. */
export type AllStreamEvent = ClientStoredEvent & { position: LogPosition };

export type Direction = 'forwards' | 'backwards';

export type AppendOutcome = { ok: true } | { ok: false; actual: number };

export interface StreamReadOptions {
  /** Revision to start at; default: the start (forwards) or the end (backwards). */
  fromRevision?: number;
  direction?: Direction;
  maxCount?: number;
}

export class EsdbClientIo {
  constructor(
    private readonly client: EventStoreDBClient,
    readonly timeoutMs: number,
  ) {}

  /** Events of one server stream, or null when the stream does not exist. */
  async readStream(
    name: string,
    options: StreamReadOptions,
    action: string,
  ): Promise<ClientStoredEvent[] | null> {
    const direction = options.direction ?? 'forwards';
    try {
      const read = this.client.readStream(name, {
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        fromRevision:
          options.fromRevision !== undefined
            ? BigInt(options.fromRevision)
            : direction === 'forwards'
              ? START
              : END,
        maxCount: options.maxCount,
      });
      const resolved = await this.collect(read, `${action}: read ${name}`);
      return resolved.flatMap((r) => (r.event ? [r.event] : []));
    } catch (error) {
      if (error instanceof ClientStreamNotFoundError) return null;
      throw toEventStoreError(error, { action });
    }
  }

  /** One page of $all, every stream included (the caller filters). */
  async readAll(
    from: 'start' | 'end' | LogPosition,
    maxCount: number,
    direction: Direction,
    action: string,
  ): Promise<AllStreamEvent[]> {
    try {
      const read = this.client.readAll({
        fromPosition: from === 'start' ? START : from === 'end' ? END : from,
        direction: direction === 'forwards' ? FORWARDS : BACKWARDS,
        maxCount,
      });
      const resolved = await this.collect(read, `${action}: read $all`);
      return resolved.flatMap((r) => (r.event ? [r.event] : []));
    } catch (error) {
      throw toEventStoreError(error, { action });
    }
  }

  /** Appends; a wrong expected revision is an outcome here (the caller decides again), not an error. */
  async append(
    name: string,
    events: JSONEventData[],
    expectedRevision: ClientExpectedRevision,
    action: string,
  ): Promise<AppendOutcome> {
    try {
      await withDeadline(
        this.client.appendToStream(name, events, { expectedRevision }),
        this.timeoutMs,
        `${action}: append to ${name}`,
      );
      return { ok: true };
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        return { ok: false, actual: fromClientCurrentRevision(error.actualVersion) };
      }
      throw toEventStoreError(error, { action });
    }
  }

  /**
   * Catch-up subscription to the data streams of one namespace (filtered on the server by stream prefix), from
   * just after `from`. Ends when `signal` aborts or the server ends it; throws the port's errors.
   */
  async *subscribe(
    from: 'start' | LogPosition,
    streamPrefix: string,
    signal: AbortSignal,
    action: string,
  ): AsyncGenerator<AllStreamEvent> {
    if (signal.aborted) return;
    let subscription: AllStreamSubscription | undefined;
    const stop = (): void => {
      void subscription?.unsubscribe().catch(() => undefined);
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      subscription = this.client.subscribeToAll({
        fromPosition: from === 'start' ? START : from,
        filter: streamNameFilter({ prefixes: [streamPrefix] }),
      });
      const iterator = subscription[Symbol.asyncIterator]();
      const confirmed = untilAborted(confirmation(subscription), signal);
      if ((await withDeadline(confirmed, this.timeoutMs, `${action}: subscribe to $all`, stop)) === ABORTED)
        return;
      for (;;) {
        // No deadline here: a live subscription is quiet until someone appends. A dead connection is found by
        // gRPC keepalive (the client's keepAliveInterval/keepAliveTimeout, 10 s each by default).
        const next = await untilAborted(iterator.next(), signal);
        if (next === ABORTED || next.done) return;
        if (next.value.event) yield next.value.event;
      }
    } catch (error) {
      if (signal.aborted) return;
      throw toEventStoreError(error, { action });
    } finally {
      signal.removeEventListener('abort', stop);
      stop();
      subscription?.destroy();
    }
  }

  async dispose(): Promise<void> {
    await withDeadline(this.client.dispose(), this.timeoutMs, 'dispose').catch(() => undefined);
  }

  /** Every item of a read, each one under the deadline (a long read is fine as long as it moves). */
  private async collect<T>(read: StreamingRead<T>, what: string): Promise<T[]> {
    const items: T[] = [];
    const iterator = read[Symbol.asyncIterator]();
    let finished = false;
    try {
      for (;;) {
        const next = await withDeadline(iterator.next(), this.timeoutMs, what, () => {
          void read.cancel().catch(() => undefined);
        });
        if (next.done) {
          finished = true;
          return items;
        }
        items.push(next.value);
      }
    } finally {
      if (!finished) read.destroy();
    }
  }
}

/** Resolves when the server confirms the subscription; rejects when it fails or closes first. */
function confirmation(subscription: AllStreamSubscription): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = (): void => {
      subscription.off('confirmation', onConfirmation);
      subscription.off('error', onError);
      subscription.off('close', onClose);
    };
    const onConfirmation = (): void => {
      cleanup();
      resolve();
    };
    const onError = (error: unknown): void => {
      cleanup();
      reject(error);
    };
    const onClose = (): void => {
      cleanup();
      reject(new StoreUnavailableError('EventStoreDB closed the subscription before confirming it'));
    };
    subscription.on('confirmation', onConfirmation);
    subscription.on('error', onError);
    subscription.on('close', onClose);
  });
}

// subscribe() on EventStoreDB: a catch-up subscription to $all filtered on the server to the namespace's data
// streams, that connects again (with a doubling delay) whenever the server goes away, from just after the last
// event it delivered, until the signal aborts. Errors that a retry cannot cure (a refused start position, an
// event that is not a ledger event) end it by throwing.
import type { RecordedEvent } from '@ledger/domain';
import { StoreUnavailableError } from '../event-store.errors';
import type { AllStreamEvent, EsdbClientIo } from './esdb-client-io';
import { backoffDelay, sleep } from './esdb-deadline';
import type { LogPosition, ReadFrom } from './esdb-position';

export interface SubscriptionContext {
  io: EsdbClientIo;
  dataPrefix: string;
  /** The namespace's ledger event in a raw $all event, or null for anything else. */
  toLedgerEvent(raw: AllStreamEvent): RecordedEvent | null;
  reconnectInitialDelayMs: number;
  reconnectMaxDelayMs: number;
}

export async function* subscribeFrom(
  context: SubscriptionContext,
  start: ReadFrom,
  signal: AbortSignal,
): AsyncGenerator<RecordedEvent> {
  const { io } = context;
  // A subscription delivers what comes AFTER its position. For an inclusive start at an event, that event is
  // read first, on its own.
  let after: 'start' | LogPosition = start.kind === 'start' ? 'start' : start.at;
  let first: LogPosition | null = start.kind === 'at' && start.minPosition % 2 === 0 ? start.at : null;
  let failures = 0;
  while (!signal.aborted) {
    try {
      if (first) {
        const [raw] = await io.readAll(first, 1, 'forwards', 'subscribe (first event)');
        const at = first;
        first = null;
        const event = raw && raw.position.commit === at.commit ? context.toLedgerEvent(raw) : null;
        if (event && !signal.aborted) yield event;
      }
      for await (const raw of io.subscribe(after, context.dataPrefix, signal, 'subscribe')) {
        failures = 0;
        after = raw.position;
        const event = context.toLedgerEvent(raw);
        if (event && !signal.aborted) yield event;
      }
      // Ended without an error: aborted, or the server closed the call; in the second case, connect again.
    } catch (error) {
      if (signal.aborted) return;
      if (!(error instanceof StoreUnavailableError)) throw error;
    }
    if (signal.aborted) return;
    failures += 1;
    await sleep(backoffDelay(failures, context.reconnectInitialDelayMs, context.reconnectMaxDelayMs), signal);
  }
}

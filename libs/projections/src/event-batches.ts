// Groups a stream of events into batches: up to maxEvents, collected for at most maxWaitMs, and closed
// early as soon as no further event is ready. Catching up, a store delivers events without waiting, so
// batches fill; live, a batch holds what was committed together and is applied at once, without waiting
// for a timer (a caller waiting to read its own write sees it after one commit, not after maxWaitMs).
import type { RecordedEvent } from '@ledger/domain';

export interface BatchingOptions {
  maxEvents: number;
  maxWaitMs: number;
}

const IDLE = Symbol('idle');

/** The source's next event if it is ready within this turn of the event loop, else IDLE. */
function nextOrIdle<T>(pending: Promise<T>): Promise<T | typeof IDLE> {
  let timer: NodeJS.Immediate | undefined;
  const idle = new Promise<typeof IDLE>((resolve) => {
    timer = setImmediate(() => resolve(IDLE));
  });
  return Promise.race([pending, idle]).finally(() => clearImmediate(timer));
}

export async function* eventBatches(
  source: AsyncIterable<RecordedEvent>,
  options: BatchingOptions,
): AsyncGenerator<RecordedEvent[]> {
  const iterator = source[Symbol.asyncIterator]();
  // A next() still outstanding when a batch closed on IDLE: it is the first event of the next batch.
  let pending: Promise<IteratorResult<RecordedEvent>> | undefined;
  try {
    for (;;) {
      const first = await (pending ?? iterator.next());
      pending = undefined;
      if (first.done) return;
      const batch = [first.value];
      const deadline = Date.now() + options.maxWaitMs;
      let ended = false;
      while (batch.length < options.maxEvents && Date.now() < deadline) {
        pending = iterator.next();
        const next = await nextOrIdle(pending);
        if (next === IDLE) break;
        pending = undefined;
        if (next.done) {
          ended = true;
          break;
        }
        batch.push(next.value);
      }
      yield batch;
      if (ended) return;
    }
  } finally {
    // Not awaited: the source may be waiting for live events until its signal aborts, which the consumer
    // does only after this generator has returned.
    pending?.catch(() => undefined);
    void iterator.return?.()?.catch(() => undefined);
  }
}

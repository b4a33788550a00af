import { StoreUnavailableError } from '../event-store.errors';
import { ABORTED, backoffDelay, sleep, untilAborted, withDeadline } from './esdb-deadline';

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

describe('withDeadline', () => {
  it('settles like the work when it is in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 1000, 'x')).resolves.toBe(7);
    const error = new Error('refused');
    await expect(withDeadline(Promise.reject(error), 1000, 'x')).rejects.toBe(error);
  });

  it('rejects with StoreUnavailableError when the server never answers, and cancels the call', async () => {
    const onTimeout = jest.fn();
    const error = await withDeadline(never(), 20, 'append to ledger.s', onTimeout).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreUnavailableError);
    expect((error as Error).message).toBe('EventStoreDB did not answer append to ledger.s within 20 ms');
    expect(onTimeout).toHaveBeenCalledTimes(1);
  });

  it('swallows a rejection that comes after the deadline', async () => {
    let fail: (error: Error) => void = () => undefined;
    const late = new Promise<never>((_, reject) => (fail = reject));
    await expect(withDeadline(late, 5, 'x')).rejects.toBeInstanceOf(StoreUnavailableError);
    fail(new Error('late'));
    await new Promise((resolve) => setImmediate(resolve));
  });
});

describe('untilAborted', () => {
  it('gives the value, or ABORTED as soon as the signal aborts', async () => {
    const controller = new AbortController();
    await expect(untilAborted(Promise.resolve(1), controller.signal)).resolves.toBe(1);
    const waiting = untilAborted(never(), controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBe(ABORTED);
    await expect(untilAborted(never(), controller.signal)).resolves.toBe(ABORTED);
  });
});

describe('sleep and backoffDelay', () => {
  it('sleep ends early on abort', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const sleeping = sleep(10_000, controller.signal);
    controller.abort();
    await sleeping;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('doubles from the first delay up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => backoffDelay(n, 100, 5000))).toEqual([
      100, 200, 400, 800, 1600, 3200, 5000,
    ]);
    expect(backoffDelay(1_000, 100, 5000)).toBe(5000);
  });
});

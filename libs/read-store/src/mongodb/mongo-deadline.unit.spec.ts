import { ReadStoreUnavailableError } from '../read-store.errors';
import { withDeadline } from './mongo-deadline';

describe('withDeadline', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('settles like the work when it finishes in time', async () => {
    await expect(withDeadline(Promise.resolve(7), 100, 'get')).resolves.toBe(7);
    const failure = new Error('no');
    await expect(withDeadline(Promise.reject(failure), 100, 'get')).rejects.toBe(failure);
  });

  it('rejects with ReadStoreUnavailableError once the time is up, calling onTimeout first', async () => {
    const onTimeout = jest.fn();
    let finish: (value: number) => void = () => undefined;
    const result = withDeadline(new Promise<number>((resolve) => (finish = resolve)), 100, 'find', onTimeout);
    jest.advanceTimersByTime(100);
    await expect(result).rejects.toThrow(
      new ReadStoreUnavailableError('MongoDB did not answer find within 100 ms'),
    );
    expect(onTimeout).toHaveBeenCalledTimes(1);
    finish(1);
  });

  it('swallows a late rejection of the work', async () => {
    let fail: (error: Error) => void = () => undefined;
    const result = withDeadline(new Promise<number>((_, reject) => (fail = reject)), 10, 'count');
    jest.advanceTimersByTime(10);
    await expect(result).rejects.toBeInstanceOf(ReadStoreUnavailableError);
    fail(new Error('late'));
    await Promise.resolve();
  });
});

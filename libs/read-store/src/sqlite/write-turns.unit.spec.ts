import { WriteTurns } from './write-turns';

/** A write done elsewhere that finishes when the test says so. */
function remoteWrite(log: string[], name: string): { start: () => Promise<void>; finish: () => void } {
  let finish = (): void => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    start: () => {
      log.push(`${name} started`);
      return done.then(() => void log.push(`${name} done`));
    },
    finish: () => finish(),
  };
}

describe('WriteTurns', () => {
  it('runs a write of this thread at once when nothing is in flight', () => {
    const turns = new WriteTurns();
    let ran = false;
    void turns.exclusive(() => (ran = true));
    expect(ran).toBe(true);
  });

  it('runs a write of this thread after the loads sent before it, and holds the loads sent after it', async () => {
    const turns = new WriteTurns();
    const log: string[] = [];
    const first = remoteWrite(log, 'load 1');
    const second = remoteWrite(log, 'load 2');
    const loads = [turns.shared(first.start)];
    const own = turns.exclusive(() => log.push('own write'));
    loads.push(turns.shared(second.start));
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['load 1 started']);
    first.finish();
    await own;
    await new Promise((resolve) => setImmediate(resolve));
    expect(log).toEqual(['load 1 started', 'load 1 done', 'own write', 'load 2 started']);
    second.finish();
    await Promise.all(loads);
    await turns.drained();
    expect(log[log.length - 1]).toBe('load 2 done');
  });

  it('passes on the error of a write and goes on with the next', async () => {
    const turns = new WriteTurns();
    const failing = remoteWrite([], 'load');
    const load = turns.shared(() => failing.start().then(() => Promise.reject(new Error('refused'))));
    const own = turns.exclusive(() => 'written');
    failing.finish();
    await expect(load).rejects.toThrow('refused');
    await expect(own).resolves.toBe('written');
  });
});

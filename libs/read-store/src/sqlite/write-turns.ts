// The order of the writes of one sqlite read store when some of them (the bulk loads of a rebuild) run on the
// bulk writer's thread and connection. sqlite lets one connection write at a time: a write of this thread
// while the bulk writer holds the lock would wait for it synchronously, blocking the event loop (or fail
// after the busy timeout). So writes take turns, first come first served: bulk loads may be many in flight
// together (the bulk writer runs them one after the other), and a write of this thread runs once every write
// queued before it is done, with bulk loads queued after it waiting for it.
const ignore = (): void => undefined;

export class WriteTurns {
  /** Bulk loads in flight (settled copies, which never reject). */
  private readonly inFlight = new Set<Promise<void>>();
  /** Settles when the last write of this thread queued so far has run. */
  private exclusiveTail: Promise<void> | undefined;

  /**
   * Runs `run` (a synchronous write on this thread's connection) once the writes queued before it are done.
   * With none, it runs at once, before this returns.
   */
  exclusive<T>(run: () => T): Promise<T> {
    if (this.inFlight.size === 0 && this.exclusiveTail === undefined) {
      return new Promise<T>((resolve) => resolve(run()));
    }
    const result = Promise.allSettled([...this.inFlight, this.exclusiveTail]).then(run);
    const tail = result.then(ignore, ignore);
    this.exclusiveTail = tail;
    void tail.then(() => {
      if (this.exclusiveTail === tail) this.exclusiveTail = undefined;
    });
    return result;
  }

  /** Starts `start` (a write done elsewhere) once the writes of this thread queued before it have run. */
  shared(start: () => Promise<void>): Promise<void> {
    const gate = this.exclusiveTail;
    const job = gate ? gate.then(start) : Promise.resolve().then(start);
    const settled = job.then(ignore, ignore);
    this.inFlight.add(settled);
    void settled.then(() => this.inFlight.delete(settled));
    return job;
  }

  /** Settles once every write queued so far is done. */
  async drained(): Promise<void> {
    while (this.inFlight.size > 0 || this.exclusiveTail !== undefined) {
      await Promise.allSettled([...this.inFlight, this.exclusiveTail]);
    }
  }
}

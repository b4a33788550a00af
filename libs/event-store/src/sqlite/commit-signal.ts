// Wakes live subscriptions when this process commits. Commits by other processes on the same file are
// not signalled; subscriptions find them by polling (the timeout of wait()).

export class CommitSignal {
  private generation = 0;
  private readonly waiters = new Set<() => void>();

  /** Read before querying; pass to wait() so a commit that lands in between is not slept through. */
  get current(): number {
    return this.generation;
  }

  notify(): void {
    this.generation += 1;
    for (const wake of [...this.waiters]) wake();
  }

  /** Resolves on the next commit after `seen`, after timeoutMs, or on abort, whichever comes first. */
  wait(seen: number, timeoutMs: number, signal?: AbortSignal): Promise<void> {
    if (this.generation !== seen || signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = (): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      const timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }
}

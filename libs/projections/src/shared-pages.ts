// Pages of the event log read once for several projections rebuilding together (ProjectionRunner.rebuildAll):
// each page is read from the store by the first lane that asks for it and kept until every lane still
// rebuilding has taken it. A lane more than `maxAhead` pages ahead of the slowest waits, so memory holds a
// few pages whatever the length of the log. Pages are keyed by their first position: lanes start at the same
// position and advance by whole pages, so they ask for the same pages.
import type { RecordedEvent } from '@ledger/domain';

interface Entry {
  page: Promise<RecordedEvent[]>;
  takenBy: Set<string>;
}

export class SharedPages {
  private readonly pages = new Map<number, Entry>();
  private readonly active: Set<string>;
  private waiters: Array<() => void> = [];

  constructor(
    lanes: Iterable<string>,
    private readonly read: (fromPosition: number, maxCount: number) => Promise<RecordedEvent[]>,
    private readonly maxAhead = 2,
  ) {
    this.active = new Set(lanes);
  }

  /** The page starting at `fromPosition` for `lane`, read from the store only if no other lane has. */
  async take(lane: string, fromPosition: number, maxCount: number): Promise<RecordedEvent[]> {
    let entry = this.pages.get(fromPosition);
    while (!entry && this.pages.size >= this.maxAhead) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      entry = this.pages.get(fromPosition);
    }
    if (!entry) {
      entry = { page: this.read(fromPosition, maxCount), takenBy: new Set() };
      this.pages.set(fromPosition, entry);
      // A failed read is not kept: each lane asking gets the error, and the next ask reads again.
      entry.page.catch(() => {
        this.pages.delete(fromPosition);
        this.wake();
      });
    }
    entry.takenBy.add(lane);
    this.release();
    return entry.page;
  }

  /** The lane stopped rebuilding (done, failed or aborted): pages are no longer kept for it. */
  leave(lane: string): void {
    this.active.delete(lane);
    this.release();
  }

  private release(): void {
    let freed = false;
    for (const [from, entry] of this.pages) {
      if ([...this.active].every((lane) => entry.takenBy.has(lane))) {
        this.pages.delete(from);
        freed = true;
      }
    }
    if (freed) this.wake();
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((resolve) => resolve());
  }
}

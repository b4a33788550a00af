// Answers computed from projection documents only are kept until a projection's generation or checkpoint
// moves: the same stamp means the same documents, so the same answer. The stamp is read from the store at
// each call, so a projector in another process counts too. Per api instance, in memory, bounded.
//
// A kept answer is frozen, deeply, and handed to every caller as it is: copying it for each caller cost more
// than the rest of a request (a 130 KB agency trail), and a frozen value cannot be changed by one caller
// under another's feet; code that tried would throw a TypeError (modules are strict), never change it quietly.
import type { ReadStoreReader } from '@ledger/read-store';
import { deepFreeze } from './deep-frozen';
import type { ProjectionsHandle } from './projections-handle';

export class KeptWhileProjectionsRest<T> {
  private readonly kept = new Map<string, { stamp: string; value: T }>();
  private pending: Promise<string> | null = null;

  constructor(
    private readonly store: ReadStoreReader,
    private readonly runner: Pick<ProjectionsHandle, 'projectionNames'>,
    private readonly maxKept: number,
  ) {}

  /**
   * The kept answer for `key` when no projection moved since it was computed; else computes and keeps it.
   * Either way the answer is deeply frozen: read it, or copy it to change it.
   */
  async get(key: string, compute: () => Promise<T>): Promise<T> {
    const stamp = await this.stamp();
    const kept = this.kept.get(key);
    if (kept && kept.stamp === stamp) return kept.value;
    const value = deepFreeze(await compute());
    if (this.kept.size >= this.maxKept) this.kept.clear();
    this.kept.set(key, { stamp, value });
    return value;
  }

  /**
   * Calls that overlap share one read of the stamp (a page of 50 indicators asks 50 times at once); a call
   * that starts after a read finished reads again, so a reader never sees less than what preceded it.
   */
  private stamp(): Promise<string> {
    this.pending ??= this.readStamp().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async readStamp(): Promise<string> {
    const generations = await Promise.all(
      this.runner.projectionNames.map((name) => this.store.activeGeneration(name)),
    );
    return generations.map((g) => (g ? `${g.generation}:${g.checkpoint}` : '-')).join(',');
  }
}

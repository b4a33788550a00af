// A ReadStore that passes every call to a real one and lets a test watch commits or make one fail,
// the way a crash or a full disk would: the real store is then never asked to write the batch.
import type {
  CommitBatch,
  DocumentRef,
  Filter,
  FindQuery,
  GenerationId,
  GenerationInfo,
  Page,
  ReadStore,
} from '@ledger/read-store';

export class InstrumentedReadStore implements ReadStore {
  commits = 0;
  loads = 0;
  /** Runs before a commit reaches the real store; throw to fail it. */
  beforeCommit?: (batch: CommitBatch) => void | Promise<void>;
  /** Runs once the real store committed. */
  afterCommit?: (batch: CommitBatch) => void;

  constructor(readonly inner: ReadStore) {}

  get<T extends object = Record<string, unknown>>(collection: string, id: string): Promise<T | null> {
    return this.inner.get<T>(collection, id);
  }
  find<T extends object = Record<string, unknown>>(collection: string, query?: FindQuery): Promise<Page<T>> {
    return this.inner.find<T>(collection, query);
  }
  count(collection: string, where?: Filter): Promise<number> {
    return this.inner.count(collection, where);
  }
  ensureIndexes(collection: string, indexes: readonly (readonly string[])[]): Promise<void> {
    return this.inner.ensureIndexes(collection, indexes);
  }
  activeGeneration(projection: string): Promise<GenerationInfo | null> {
    return this.inner.activeGeneration(projection);
  }
  getCheckpoint(projection: string, generation?: GenerationId): Promise<number> {
    return this.inner.getCheckpoint(projection, generation);
  }
  loadDocuments(generation: GenerationId, refs: readonly DocumentRef[]): Promise<Array<object | null>> {
    this.loads++;
    return this.inner.loadDocuments(generation, refs);
  }
  async commit(batch: CommitBatch): Promise<void> {
    await this.beforeCommit?.(batch);
    await this.inner.commit(batch);
    this.commits++;
    this.afterCommit?.(batch);
  }
  /** A rebuild's large chunk: watched and failed like a commit. */
  async bulkLoad(batch: CommitBatch): Promise<void> {
    await this.beforeCommit?.(batch);
    await this.inner.bulkLoad(batch);
    this.commits++;
    this.afterCommit?.(batch);
  }
  beginRebuild(projection: string, version: number): Promise<GenerationId> {
    return this.inner.beginRebuild(projection, version);
  }
  switchOver(projection: string, generation: GenerationId): Promise<void> {
    return this.inner.switchOver(projection, generation);
  }
  discardRebuild(projection: string, generation: GenerationId): Promise<void> {
    return this.inner.discardRebuild(projection, generation);
  }
  close(): Promise<void> {
    return this.inner.close();
  }
}

// The documents of a generation being rebuilt, kept in memory from one page of events to the next: a
// rebuild reduces each page against this buffer instead of loading every document the page touches from the
// store. A document is read from the store at most once while it stays in the buffer, and not at all when it
// was never written (WrittenKeys): most documents of a rebuild are new. After each page, flush writes what
// the page changed in one commit, then forgets the documents least recently touched down to `keepDocs`, so
// memory stays bounded whatever the length of the log.
import type { DocumentRef, DocumentWrite, GenerationId, ReadStoreWriter } from '@ledger/read-store';
import { WrittenKeys } from './written-keys';

export interface GenerationBufferOptions {
  /** Documents kept in memory after a flush, the most recently touched ones. */
  keepDocs: number;
}

interface Entry {
  ref: DocumentRef;
  doc: object | null;
  dirty: boolean;
}

const refKey = (ref: DocumentRef): string => `${ref.collection}\u0000${ref.id}`;

export class GenerationBuffer {
  /** In order of last touch (a Map keeps insertion order: a touch deletes and re-inserts). */
  private readonly entries = new Map<string, Entry>();
  private readonly dirty: string[] = [];
  /** Documents written to the generation; until the first write, none exists outside the buffer. */
  private written: WrittenKeys | undefined;

  constructor(
    private readonly readStore: ReadStoreWriter,
    private readonly generation: GenerationId,
    private readonly options: GenerationBufferOptions,
  ) {}

  /** The documents as the events applied so far left them, aligned with refs; null where there is none. */
  async load(refs: readonly DocumentRef[]): Promise<Array<object | null>> {
    const out = new Array<object | null>(refs.length);
    const missing: number[] = [];
    refs.forEach((ref, i) => {
      const key = refKey(ref);
      const entry = this.entries.get(key);
      if (entry) out[i] = entry.doc;
      else if (this.written?.mayHave(key)) missing.push(i);
      else out[i] = null;
    });
    if (missing.length > 0) {
      const loaded = await this.readStore.loadDocuments(
        this.generation,
        missing.map((i) => refs[i]),
      );
      missing.forEach((i, j) => {
        out[i] = loaded[j];
        this.entries.set(refKey(refs[i]), { ref: refs[i], doc: loaded[j], dirty: false });
      });
    }
    return out;
  }

  /** Records what a page of events changed (the writes of applyBatch, one per document). */
  put(writes: readonly DocumentWrite[]): void {
    for (const { collection, id, doc } of writes) {
      const key = refKey({ collection, id });
      const entry = this.entries.get(key);
      if (!entry) {
        this.dirty.push(key);
        this.entries.set(key, { ref: { collection, id }, doc, dirty: true });
        continue;
      }
      if (!entry.dirty) this.dirty.push(key);
      entry.doc = doc;
      entry.dirty = true;
      // Moved to the end: the most recently touched.
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
  }

  /**
   * Writes every changed document with `commit` (one call: the lane's commit of the chunk with its
   * checkpoint), then forgets the least recently touched documents down to keepDocs. A failed commit leaves
   * the buffer as it was; the rebuild is then discarded anyway.
   */
  async flush(commit: (writes: DocumentWrite[]) => Promise<void>): Promise<void> {
    const writes = this.dirty.map((key): DocumentWrite => {
      const { ref, doc } = this.entries.get(key) as Entry;
      return { collection: ref.collection, id: ref.id, doc };
    });
    await commit(writes);
    if (this.dirty.length > 0) {
      const written = (this.written ??= new WrittenKeys());
      for (const key of this.dirty) {
        (this.entries.get(key) as Entry).dirty = false;
        // A deleted document stays "maybe": one read, which finds nothing.
        written.add(key);
      }
      this.dirty.length = 0;
    }
    let excess = this.entries.size - this.options.keepDocs;
    for (const key of this.entries.keys()) {
      if (excess-- <= 0) break;
      this.entries.delete(key);
    }
  }
}

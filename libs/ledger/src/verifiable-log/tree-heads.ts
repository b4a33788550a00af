// Signed tree heads: made from the Merkle projection's current tree, signed with the log key, and kept.
//
// Heads are not derived from events (each carries the time it was signed), so they are no projection and a
// rebuild must never drop them. They are kept in the read store under a projection name of their own that
// no runner rebuilds ("signed-tree-heads"), whose checkpoint is the number of heads: each new head is
// committed with expectedCheckpoint = the count it was numbered from, so two signers never give two heads
// the same sequence number (a conflict re-reads and retries, a few times). Being in the read store, they
// are shared by every api instance over MongoDB as over the embedded store.
import {
  CheckpointConflictError,
  type GenerationId,
  type ReadStoreReader,
  type ReadStoreWriter,
} from '@ledger/read-store';
import { frontierRoot, signTreeHead, treeHead, type SignedTreeHead } from '@ledger/verifiable-log';
import type { LogSigningKey } from './log-signing-key';
import { MerkleLogReader } from './merkle-log.reader';

export const SIGNED_TREE_HEADS_PROJECTION = 'signed-tree-heads';
export const SIGNED_TREE_HEADS = 'signed_tree_heads';

export interface StoredTreeHead extends SignedTreeHead {
  /** 1, 2, ... in signing order. */
  sequence: number;
}

const MAX_ATTEMPTS = 5;
const idOf = (sequence: number): string => String(sequence).padStart(12, '0');

export class TreeHeads {
  private readonly tree: MerkleLogReader;
  private indexed = false;

  /** Reads through the reader; keeps heads through the writer, as a projection keeps its documents. */
  constructor(
    private readonly reader: ReadStoreReader,
    private readonly writer: ReadStoreWriter,
    private readonly key: LogSigningKey,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tree = new MerkleLogReader(reader);
  }

  /** Signs a head of the tree as the Merkle projection has it now, keeps it and returns it. */
  async sign(): Promise<StoredTreeHead> {
    for (let attempt = 1; ; attempt++) {
      const generation = await this.generation();
      const count = await this.writer.getCheckpoint(SIGNED_TREE_HEADS_PROJECTION, generation);
      const { frontier } = await this.tree.state();
      const signed = signTreeHead(
        treeHead(frontier.size, frontierRoot(frontier), this.clock()),
        this.key.privateKey,
      );
      const head: StoredTreeHead = { sequence: count + 1, ...signed };
      try {
        await this.writer.commit({
          projection: SIGNED_TREE_HEADS_PROJECTION,
          generation,
          expectedCheckpoint: count,
          checkpoint: count + 1,
          writes: [{ collection: SIGNED_TREE_HEADS, id: idOf(head.sequence), doc: head }],
        });
        return head;
      } catch (error) {
        if (!(error instanceof CheckpointConflictError) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  /** Signs a head only when the tree grew since the latest one (the schedule). */
  async signIfGrown(): Promise<StoredTreeHead | null> {
    const [latest, state] = await Promise.all([this.latest(), this.tree.state()]);
    if (latest && latest.treeSize >= state.frontier.size) return null;
    return this.sign();
  }

  /** Every head, oldest first. */
  all(): Promise<StoredTreeHead[]> {
    return readTreeHeads(this.reader);
  }

  async latest(): Promise<StoredTreeHead | null> {
    const page = await this.reader.find<StoredTreeHead>(SIGNED_TREE_HEADS, {
      orderBy: [{ field: 'sequence', direction: 'desc' }],
      limit: 1,
    });
    return page.items[0]?.doc ?? null;
  }

  private async generation(): Promise<GenerationId> {
    if (!this.indexed) {
      // latest() sorts on sequence; a handful of heads a day, but years of them.
      await this.writer.ensureIndexes(SIGNED_TREE_HEADS, [['sequence']]);
      this.indexed = true;
    }
    const active = await this.writer.activeGeneration(SIGNED_TREE_HEADS_PROJECTION);
    if (active) return active.generation;
    const generation = await this.writer.beginRebuild(SIGNED_TREE_HEADS_PROJECTION, 1);
    await this.writer.switchOver(SIGNED_TREE_HEADS_PROJECTION, generation);
    return generation;
  }
}

/** Every kept head, oldest first (ids are zero-padded sequence numbers, so id order is signing order). */
export async function readTreeHeads(readStore: ReadStoreReader): Promise<StoredTreeHead[]> {
  const heads: StoredTreeHead[] = [];
  let after: string | undefined;
  do {
    const page = await readStore.find<StoredTreeHead>(SIGNED_TREE_HEADS, {
      limit: 500,
      ...(after ? { after } : {}),
    });
    heads.push(...page.items.map((item) => item.doc));
    after = page.nextCursor;
  } while (after);
  return heads;
}

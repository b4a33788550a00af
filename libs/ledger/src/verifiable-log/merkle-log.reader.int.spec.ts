import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RecordedEvent } from '@ledger/domain';
import { SqliteReadStore } from '@ledger/read-store';
import {
  consistencyProof,
  eventLeafHash,
  inclusionProof,
  rootOfLeafHashes,
  TILE_WIDTH,
  verifyConsistency,
  verifyEventInclusion,
} from '@ledger/verifiable-log';
import { createMerkleLogProjection } from './merkle-log.projection';
import { MerkleLogReader, recordedLeaves } from './merkle-log.reader';

const hashOf = (n: number): string => n.toString(16).padStart(64, '0');
const event = (position: number): RecordedEvent =>
  ({ id: `e-${position}`, position, hash: hashOf(position), type: 'Any' }) as unknown as RecordedEvent;

describe('MerkleLogReader over the sqlite read store', () => {
  let dir: string;
  let store: SqliteReadStore;
  // Positions with gaps, as on EventStoreDB: leaf i is the i-th event seen, not position i + 1.
  const positions = Array.from({ length: 110 * TILE_WIDTH + 7 }, (_, i) => 3 * i + 2);
  const leafHashes = positions.map((p) => eventLeafHash(hashOf(p)));

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'merkle-reader-'));
    store = new SqliteReadStore(join(dir, 'read.db'));
    const projection = createMerkleLogProjection();
    const generation = await store.beginRebuild(projection.name, projection.version);
    await store.switchOver(projection.name, generation);
    for (const [collection, indexes] of Object.entries(projection.indexes ?? {}))
      await store.ensureIndexes(collection, indexes);
    let checkpoint = 0;
    // Batches of uneven sizes, so that tiles are filled across batches.
    for (let from = 0; from < positions.length; from += 37) {
      const applied = await projection.applyBatch(positions.slice(from, from + 37).map(event), {
        checkpoint,
        load: (refs) => store.loadDocuments(generation, refs),
      });
      await store.commit({
        projection: projection.name,
        generation,
        expectedCheckpoint: checkpoint,
        checkpoint: applied.checkpoint,
        writes: applied.writes,
      });
      checkpoint = applied.checkpoint;
    }
  });

  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('finds the leaf of an event by its position, and none for a position that is no leaf', async () => {
    const reader = new MerkleLogReader(store);
    for (const i of [0, 1, TILE_WIDTH - 1, TILE_WIDTH, 999, positions.length - 1]) {
      expect(await reader.leafAt(positions[i])).toEqual({
        eventId: `e-${positions[i]}`,
        position: positions[i],
        leafIndex: i,
        eventHash: hashOf(positions[i]),
      });
    }
    expect(await reader.leafAt(positions[5] + 1)).toBeNull();
    expect(await reader.leafAt(1)).toBeNull();
    expect(await reader.leafAt(positions.at(-1)! + 3)).toBeNull();
  });

  it('proves any leaf, in any size up to the tree, against the root computed from the events', async () => {
    const reader = new MerkleLogReader(store);
    const { frontier } = await reader.state();
    expect(frontier.size).toBe(positions.length);
    for (const [index, size] of [
      [0, 1],
      [5, 17],
      [1000, 1001],
      [1234, positions.length],
      [positions.length - 1, positions.length],
    ]) {
      const root = rootOfLeafHashes(leafHashes.slice(0, size)).toString('hex');
      const proof = await inclusionProof(reader, index, size);
      expect(verifyEventInclusion(hashOf(positions[index]), index, size, proof, root)).toEqual({ ok: true });
    }
    const older = rootOfLeafHashes(leafHashes.slice(0, 333)).toString('hex');
    const newer = rootOfLeafHashes(leafHashes).toString('hex');
    const proof = await consistencyProof(reader, 333, positions.length);
    expect(verifyConsistency(333, positions.length, older, newer, proof)).toEqual({ ok: true });
  });

  it('lists every recorded leaf in leaf order, across pages of tiles', async () => {
    const leaves = [];
    for await (const leaf of recordedLeaves(store)) leaves.push(leaf);
    expect(leaves.map((l) => [l.leafIndex, l.position])).toEqual(positions.map((p, i) => [i, p]));
  });
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteReadStore } from './sqlite-read-store';

// find() keeps results until the file changes: a commit by this connection or by another one (the
// projector's, while the API reads) is seen by the next find.
describe('sqlite read store: cached finds see every commit', () => {
  let dir: string;
  let reader: SqliteReadStore;
  let writer: SqliteReadStore;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'find-cache-'));
    writer = new SqliteReadStore(join(dir, 'read.db'));
    reader = new SqliteReadStore(join(dir, 'read.db'));
  });

  afterAll(async () => {
    await reader.close();
    await writer.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const ids = async (store: SqliteReadStore): Promise<string[]> =>
    (await store.find('things', { where: { kind: 'a' }, orderBy: [{ field: 'n' }] })).items.map((i) => i.id);

  it('after commits of its own and of another connection, and after a switch-over', async () => {
    const generation = await writer.beginRebuild('things', 1);
    await writer.switchOver('things', generation);
    let checkpoint = 0;
    const put = async (store: SqliteReadStore, id: string, n: number): Promise<void> => {
      await store.commit({
        projection: 'things',
        generation,
        expectedCheckpoint: checkpoint,
        checkpoint: checkpoint + 1,
        writes: [{ collection: 'things', id, doc: { kind: 'a', n } }],
      });
      checkpoint++;
    };
    await put(writer, 'x', 2);
    expect(await ids(reader)).toEqual(['x']);
    expect(await ids(reader)).toEqual(['x']);
    await put(writer, 'y', 1);
    expect(await ids(reader)).toEqual(['y', 'x']);
    await put(reader, 'z', 0);
    expect(await ids(reader)).toEqual(['z', 'y', 'x']);
    expect(await ids(writer)).toEqual(['z', 'y', 'x']);
    const next = await writer.beginRebuild('things', 2);
    await writer.commit({
      projection: 'things',
      generation: next,
      expectedCheckpoint: 0,
      checkpoint: 3,
      writes: [{ collection: 'things', id: 'w', doc: { kind: 'a', n: 5 } }],
    });
    expect(await ids(reader)).toEqual(['z', 'y', 'x']);
    await writer.switchOver('things', next);
    expect(await ids(reader)).toEqual(['w']);
    expect(await ids(writer)).toEqual(['w']);
  });
});

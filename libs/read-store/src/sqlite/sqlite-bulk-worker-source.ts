// The script of the bulk writer's thread (see sqlite-bulk-writer.ts), as JavaScript source run with
// `new Worker(source, { eval: true })`: a file path would have to differ between the TypeScript sources (jest)
// and the built JavaScript (dist, dist-bench), and this script is small. It opens its own connection to the
// read store file and runs each bulk load it is sent in one immediate transaction, doing what
// SqliteReadStore.applyCommit does for a generation being rebuilt: check the generation (live, being built,
// at the expected checkpoint), claim each collection for the projection, write the documents in key order,
// set the checkpoint. A refusal of one of those checks is answered as data, for the store to throw the same
// typed error as when it writes itself; any other error is answered with sqlite's message and code.
//
// workerData: { driver: path of better-sqlite3, path, busyTimeoutMs, cacheKib, sql: BULK_LOAD_SQL }
// message in: { kind: 'load', id, projection, generation, expectedCheckpoint, checkpoint, collections, ids,
//               docs } (docs: serialized JSON or null to delete), or { kind: 'close' }
// message out: { id, ok: true } or { id, ok: false, refusal?, message, code? }
export const BULK_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path, { fileMustExist: true });
db.pragma('busy_timeout = ' + Math.trunc(workerData.busyTimeoutMs));
db.pragma('synchronous = NORMAL');
db.pragma('cache_size = -' + Math.trunc(workerData.cacheKib));
const statements = {};
for (const name of Object.keys(workerData.sql)) statements[name] = db.prepare(workerData.sql[name]);

class Refusal {
  constructor(detail) {
    this.detail = detail;
  }
}

const load = db.transaction((job) => {
  const row = statements.generation.get(job.generation);
  if (!row || row.projection !== job.projection || row.state === 'dropped') {
    throw new Refusal({ kind: 'not-found' });
  }
  if (row.state !== 'building') throw new Refusal({ kind: 'not-building', state: row.state });
  if (row.checkpoint !== job.expectedCheckpoint) throw new Refusal({ kind: 'conflict', actual: row.checkpoint });
  const { collections, ids, docs } = job;
  const keys = collections.map((collection, i) => collection + '\u0000' + ids[i]);
  const order = keys.map((_, i) => i);
  order.sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : a - b));
  const owned = new Set();
  for (const i of order) {
    const collection = collections[i];
    if (!owned.has(collection)) {
      statements.claimCollection.run(collection, job.projection);
      const owner = statements.collectionOwner.get(collection);
      if (!owner || owner.projection !== job.projection) {
        throw new Refusal({ kind: 'owner', index: i, collection, owner: owner ? owner.projection : null });
      }
      owned.add(collection);
    }
    if (docs[i] === null) statements.remove.run(job.generation, collection, ids[i]);
    else statements.upsert.run(job.generation, collection, ids[i], docs[i]);
  }
  statements.setCheckpoint.run(job.checkpoint, job.generation);
});

parentPort.on('message', (message) => {
  if (message.kind === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  try {
    load.immediate(message);
    parentPort.postMessage({ id: message.id, ok: true });
  } catch (error) {
    const refusal = error instanceof Refusal ? error.detail : undefined;
    const code = error && typeof error.code === 'string' ? error.code : undefined;
    parentPort.postMessage({ id: message.id, ok: false, refusal, code, message: String(error && error.message || error) });
  }
});
`;

// Where the queue of writes is kept: IndexedDB (database "ledger-outbox", one record per write under its event id,
// indexed by the officer it belongs to), so that it survives a reload, a sign-out and a sign-in. Without
// IndexedDB (a private window that refuses it), the queue lives as long as the page.
/* global indexedDB */

const DB_NAME = 'ledger-outbox';
const STORE = 'writes';
let opening = null;
const inMemory = new Map();

function open() {
  if (!opening) {
    opening = new Promise((resolve) => {
      let request;
      try {
        request = indexedDB.open(DB_NAME, 1);
      } catch {
        resolve(null);
        return;
      }
      request.onupgradeneeded = () => {
        const store = request.result.createObjectStore(STORE, { keyPath: 'id' });
        store.createIndex('owner', 'owner', { unique: false });
      };
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => resolve(null);
      request.onblocked = () => resolve(null);
    });
  }
  return opening;
}

/** Runs one request on the store and resolves with its result. */
async function run(mode, make) {
  const db = await open();
  if (!db) return null;
  return new Promise((resolve, reject) => {
    const tx = db.transaction(STORE, mode);
    const request = make(tx.objectStore(STORE));
    let result;
    request.onsuccess = () => {
      result = request.result;
    };
    tx.oncomplete = () => resolve(result);
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/** The writes of one officer (every officer's with no argument). */
export async function listWrites(owner) {
  const db = await open();
  if (!db) return [...inMemory.values()].filter((w) => owner === undefined || w.owner === owner);
  const all =
    owner === undefined
      ? await run('readonly', (store) => store.getAll())
      : await run('readonly', (store) => store.index('owner').getAll(owner));
  return all ?? [];
}

export async function getWrite(id) {
  const db = await open();
  if (!db) return inMemory.get(id) ?? null;
  return (await run('readonly', (store) => store.get(id))) ?? null;
}

export async function putWrite(write) {
  const db = await open();
  if (!db) inMemory.set(write.id, write);
  else await run('readwrite', (store) => store.put(write));
}

export async function deleteWrite(id) {
  const db = await open();
  if (!db) inMemory.delete(id);
  else await run('readwrite', (store) => store.delete(id));
}

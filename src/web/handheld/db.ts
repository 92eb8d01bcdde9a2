// A small promise wrapper over IndexedDB (no dependency): one database, three object stores.
//   meta     plain values the device needs before it is unlocked (device id, the wrapped key, the PCN block)
//   records  the outbox: { id, seq, status, iv, data } with the SyncRecord itself encrypted in data
//   photos   { id, status, iv, data, type } with the photo's bytes encrypted in data
// Every write resolves only once its transaction has completed, so "saved" on screen means on disk.

export const DB_NAME = 'vigil-handheld';
const VERSION = 1;
export type StoreName = 'meta' | 'records' | 'photos';

let opening: Promise<IDBDatabase> | undefined;

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

export function openDb(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const r = indexedDB.open(DB_NAME, VERSION);
    r.onupgradeneeded = () => {
      const db = r.result;
      if (!db.objectStoreNames.contains('meta')) db.createObjectStore('meta');
      if (!db.objectStoreNames.contains('records')) db.createObjectStore('records', { keyPath: 'id' }).createIndex('seq', 'seq');
      if (!db.objectStoreNames.contains('photos')) db.createObjectStore('photos', { keyPath: 'id' });
    };
    r.onsuccess = () => {
      r.result.onversionchange = () => { r.result.close(); opening = undefined; };
      resolve(r.result);
    };
    r.onerror = () => { opening = undefined; reject(r.error); };
    r.onblocked = () => reject(new Error('The device store is open in another tab: close it and try again.'));
  });
  return opening;
}

/** Runs `work` in one read-write transaction over the stores and resolves when it has committed. */
export async function write(stores: StoreName[], work: (tx: IDBTransaction) => void): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(stores, 'readwrite', { durability: 'strict' });
  work(tx);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The device store refused the write'));
  });
}

export async function get<T>(store: StoreName, key: IDBValidKey): Promise<T | undefined> {
  const db = await openDb();
  return request(db.transaction(store).objectStore(store).get(key)) as Promise<T | undefined>;
}

export async function getAll<T>(store: StoreName): Promise<T[]> {
  const db = await openDb();
  const s = db.transaction(store).objectStore(store);
  return request((store === 'records' ? s.index('seq') : s).getAll()) as Promise<T[]>;
}

export const put = (store: StoreName, value: unknown, key?: IDBValidKey) =>
  write([store], (tx) => { tx.objectStore(store).put(value, key); });

/** Deletes the whole database (sign-out). */
export async function wipeDb(): Promise<void> {
  if (opening) { (await opening.catch(() => undefined))?.close(); opening = undefined; }
  await new Promise<void>((resolve, reject) => {
    const r = indexedDB.deleteDatabase(DB_NAME);
    r.onsuccess = () => resolve();
    r.onerror = () => reject(r.error);
    r.onblocked = () => resolve();
  });
}

// A small promise wrapper over IndexedDB (no dependency): one database, four object stores.
//   meta        plain values the device needs before it is unlocked (device id, the wrapped key, the PCN block)
//   records     the outbox: { id, seq, status, sealed } with the SyncRecord itself encrypted
//   photos      { id, type, status, problem }: what the sync reads and marks, a few bytes each
//   photoBytes  { id, sealed }: each photo's bytes, encrypted, read once to upload, deleted once uploaded
// The bytes are kept apart from the marks: marking a photo would otherwise rewrite its megabyte, and
// listing the photos read every one (bench/field.ts).
// Every write resolves only once its transaction has completed, so "saved" on screen means on disk.

export const DB_NAME = 'vigil-handheld';
const VERSION = 1;
export type StoreName = 'meta' | 'records' | 'photos' | 'photoBytes';

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
      if (!db.objectStoreNames.contains('photoBytes')) db.createObjectStore('photoBytes', { keyPath: 'id' });
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

/**
 * Runs `work` in one read-write transaction over the stores and resolves when it has committed:
 * to disk ('strict', the default: what the officer saved), or as the browser sees fit ('relaxed':
 * what can be done again after a crash).
 */
export async function write(stores: StoreName[], work: (tx: IDBTransaction) => void, durability: IDBTransactionDurability = 'strict'): Promise<void> {
  const db = await openDb();
  const tx = db.transaction(stores, 'readwrite', { durability });
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

// The outbox in IndexedDB, encrypted with the device's data key: only the id, order and status are
// in the clear (to count what is waiting); the record itself and every photo's bytes are sealed.
import type { SyncRecord } from '../../domain/field/sync';
import { openBytes, openJson, sealBytes, sealJson, type Sealed } from './crypto';
import { get, getAll, write } from './db';
import type { DeviceStore, NewPhoto, PhotoStatus, QueuedPhoto, QueuedRecord } from './outbox';

interface StoredRecord { id: string; seq: number; status: QueuedRecord['status']; sealed: Sealed }
interface StoredPhoto { id: string; type: string; status: PhotoStatus; problem: string | null; sealed: Sealed }
type Secret = Omit<QueuedRecord, 'seq' | 'status'>;

export function idbStore(key: CryptoKey): DeviceStore {
  const open = async (s: StoredRecord): Promise<QueuedRecord> => ({ ...(await openJson<Secret>(key, s.sealed)), seq: s.seq, status: s.status });
  const seal = async (q: QueuedRecord): Promise<StoredRecord> => {
    const { seq, status, ...secret } = q;
    return { id: q.record.id, seq, status, sealed: await sealJson(key, secret) };
  };
  return {
    async add(record: SyncRecord, photos: NewPhoto[]) {
      const seq = Date.now() * 1000 + Math.floor(Math.random() * 1000);
      const q: QueuedRecord = { record, seq, status: 'pending', reference: null, problems: [], syncedAt: null };
      // Sealed before the transaction opens: a transaction commits itself once nothing is asked of it.
      const stored = await seal(q);
      const sealedPhotos: StoredPhoto[] = [];
      for (const p of photos) sealedPhotos.push({ id: p.id, type: p.type, status: 'pending', problem: null, sealed: await sealBytes(key, p.bytes) });
      await write(['records', 'photos'], (tx) => {
        tx.objectStore('records').add(stored);
        for (const p of sealedPhotos) tx.objectStore('photos').put(p);
      });
      return q;
    },
    async records() {
      return Promise.all((await getAll<StoredRecord>('records')).map(open));
    },
    async update(list) {
      const sealed = await Promise.all(list.map(seal));
      await write(['records'], (tx) => { for (const s of sealed) tx.objectStore('records').put(s); });
    },
    async photos(): Promise<QueuedPhoto[]> {
      return (await getAll<StoredPhoto>('photos')).map(({ id, type, status, problem }) => ({ id, type, status, problem }));
    },
    async photoBytes(id) {
      const p = await get<StoredPhoto>('photos', id);
      if (!p) throw new Error(`Photo ${id} is not on this device`);
      return openBytes(key, p.sealed);
    },
    async markPhoto(id, status, problem = null) {
      const p = await get<StoredPhoto>('photos', id);
      if (!p) return;
      await write(['photos'], (tx) => { tx.objectStore('photos').put({ ...p, status, problem }); });
    },
  };
}

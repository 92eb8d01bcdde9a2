// The outbox in IndexedDB, encrypted with the device's data key: only the id, order and status are
// in the clear (to count what is waiting); the record itself and every photo's bytes are sealed.
import type { SyncRecord } from '../../domain/field/sync';
import { openBytes, openJson, sealBytes, sealJson, type Sealed } from './crypto';
import { get, getAll, write } from './db';
import type { DeviceStore, NewPhoto, PhotoStatus, QueuedPhoto, QueuedRecord } from './outbox';

interface StoredRecord { id: string; seq: number; status: QueuedRecord['status']; sealed: Sealed }
interface StoredPhoto { id: string; type: string; status: PhotoStatus; problem: string | null }
interface StoredPhotoBytes { id: string; sealed: Sealed }
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
      const sealedPhotos: StoredPhotoBytes[] = [];
      for (const p of photos) sealedPhotos.push({ id: p.id, sealed: await sealBytes(key, p.bytes) });
      await write(['records', 'photos', 'photoBytes'], (tx) => {
        tx.objectStore('records').add(stored);
        photos.forEach((p, i) => {
          tx.objectStore('photos').put({ id: p.id, type: p.type, status: 'pending', problem: null } satisfies StoredPhoto);
          tx.objectStore('photoBytes').put(sealedPhotos[i]);
        });
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
      const p = await get<StoredPhotoBytes>('photoBytes', id);
      if (!p) throw new Error(`Photo ${id} is not on this device`);
      return openBytes(key, p.sealed);
    },
    /** An uploaded photo's bytes leave the device: the server has them, and the phone's storage is small. */
    async markPhotos(marks) {
      const before = new Map((await Promise.all(marks.map((m) => get<StoredPhoto>('photos', m.id)))).filter((p) => !!p).map((p) => [p.id, p]));
      await write(['photos', 'photoBytes'], (tx) => {
        for (const { id, status, problem } of marks) {
          const p = before.get(id);
          if (!p) continue;
          tx.objectStore('photos').put({ id, type: p.type, status, problem } satisfies StoredPhoto);
          if (status === 'uploaded') tx.objectStore('photoBytes').delete(id);
        }
      }, 'relaxed'); // a mark lost in a crash means one upload again, answered "stored already"
    },
  };
}

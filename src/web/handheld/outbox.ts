// The outbox: what the officer made on the device, waiting to sync or sent. A record and its photos
// are written in one transaction before the screen says "saved". The rules (which records go in the
// next batch, what a reply does to them) are pure functions; DeviceStore is where they are kept:
// IndexedDB, encrypted, in the app (idbStore.ts), or memory in the tests.
import type { SyncRecord, SyncReply } from '../../domain/field/sync';

export const BATCH_SIZE = 200;

export type RecordStatus = 'pending' | 'accepted' | 'rejected';
export interface Problem { path: string; message: string }
export interface QueuedRecord {
  record: SyncRecord;
  seq: number;
  status: RecordStatus;
  reference: string | null;
  problems: Problem[];
  syncedAt: string | null;
}
export interface NewPhoto { id: string; bytes: ArrayBuffer; type: string }
export type PhotoStatus = 'pending' | 'uploaded' | 'failed';
export interface QueuedPhoto { id: string; type: string; status: PhotoStatus; problem: string | null }
export interface PhotoMark { id: string; status: PhotoStatus; problem: string | null }

export interface DeviceStore {
  /** The record and its photos, in one write; resolves once stored. */
  add(record: SyncRecord, photos: NewPhoto[]): Promise<QueuedRecord>;
  records(): Promise<QueuedRecord[]>;
  update(records: QueuedRecord[]): Promise<void>;
  photos(): Promise<QueuedPhoto[]>;
  photoBytes(id: string): Promise<ArrayBuffer>;
  /**
   * Marks photos in one write. Marks need not survive a crash: a photo whose mark was lost is
   * uploaded again, and the server answers "stored already" (the id is the photo's).
   */
  markPhotos(marks: PhotoMark[]): Promise<void>;
}

/** The next batch to send: the oldest records still waiting, at most BATCH_SIZE. A batch whose reply was lost is the same batch again. */
export function nextBatch(records: QueuedRecord[], size = BATCH_SIZE): QueuedRecord[] {
  return records.filter((r) => r.status === 'pending').sort((a, b) => a.seq - b.seq).slice(0, size);
}

/** The batch's records as the reply leaves them: accepted or rejected (with what to fix); those it does not mention stay waiting. */
export function applyReply(batch: QueuedRecord[], reply: SyncReply, now = new Date().toISOString()): QueuedRecord[] {
  const byId = new Map(reply.results.map((r) => [r.id, r]));
  return batch.flatMap((q) => {
    const r = byId.get(q.record.id);
    if (!r) return [];
    return [{ ...q, status: r.outcome, reference: r.reference, problems: r.problems, syncedAt: now }];
  });
}

export const waiting = (records: QueuedRecord[]) => records.filter((r) => r.status === 'pending');
export const pendingCount = (records: QueuedRecord[]) => waiting(records).length;

/** Kept in memory: the tests' store, and the shape the encrypted one keeps. */
export function memoryStore(): DeviceStore & { photoStore: Map<string, { photo: QueuedPhoto; bytes: ArrayBuffer }> } {
  const recs = new Map<string, QueuedRecord>();
  const photoStore = new Map<string, { photo: QueuedPhoto; bytes: ArrayBuffer }>();
  let seq = 0;
  return {
    photoStore,
    async add(record, photos) {
      if (recs.has(record.id)) throw new Error(`Record ${record.id} is already stored`);
      for (const p of photos) photoStore.set(p.id, { photo: { id: p.id, type: p.type, status: 'pending', problem: null }, bytes: p.bytes });
      const q: QueuedRecord = { record, seq: ++seq, status: 'pending', reference: null, problems: [], syncedAt: null };
      recs.set(record.id, q);
      return q;
    },
    async records() { return [...recs.values()].sort((a, b) => a.seq - b.seq); },
    async update(list) { for (const q of list) recs.set(q.record.id, q); },
    async photos() { return [...photoStore.values()].map((p) => p.photo); },
    async photoBytes(id) { return photoStore.get(id)!.bytes; },
    async markPhotos(marks) { for (const { id, status, problem } of marks) { const p = photoStore.get(id); if (p) p.photo = { ...p.photo, status, problem }; } },
  };
}

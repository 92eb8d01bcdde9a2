// The sync engine: photos first (a PUT each, idempotent by id, a few at a time), then the records in batches of at
// most 200, oldest first. Each reply marks the records accepted or rejected; a batch whose reply is
// lost (no answer) stays waiting and is sent again, and the server answers "replayed" for what it had.
import type { SyncRecord, SyncReply } from '../../domain/field/sync';
import { applyReply, nextBatch, pendingCount, type DeviceStore, type PhotoMark } from './outbox';

export interface SyncTransport {
  putPhoto(id: string, bytes: ArrayBuffer, type: string): Promise<unknown>;
  sync(records: SyncRecord[], queued: number): Promise<SyncReply>;
}
/** An error from the transport that means "the server refused this one" (not "no answer"): status 400–499 other than 401, 403, 408, 429. */
export type IsRefusal = (err: unknown) => { message: string } | undefined;

export interface SyncOutcome { photos: number; accepted: number; rejected: number; waiting: number }

/**
 * Photos go up a few at a time: over a mobile link each request waits a round trip before its bytes
 * flow, and one at a time that wait, 500 times over, cost more than the bytes (bench/field.ts).
 * Four keep the link busy while the phone holds no more than four photos in memory.
 */
export const PHOTOS_AT_ONCE = 4;
/**
 * Uploaded photos are marked (and their bytes let go) this many at a time: each write to the
 * phone's store is a commit to its disk, and one per photo held up the uploads behind it.
 */
export const PHOTO_MARKS_AT_ONCE = 25;

export async function syncOnce(store: DeviceStore, transport: SyncTransport, isRefusal: IsRefusal, photosAtOnce = PHOTOS_AT_ONCE): Promise<SyncOutcome> {
  const out: SyncOutcome = { photos: 0, accepted: 0, rejected: 0, waiting: 0 };
  const pending = (await store.photos()).filter((p) => p.status === 'pending');
  const marks: PhotoMark[] = [];
  const flush = async (atLeast = 1) => { if (marks.length >= atLeast) await store.markPhotos(marks.splice(0)); };
  let next = 0;
  let failure: { err: unknown } | undefined;
  const uploader = async () => {
    while (!failure && next < pending.length) {
      const photo = pending[next++];
      try {
        await transport.putPhoto(photo.id, await store.photoBytes(photo.id), photo.type);
        marks.push({ id: photo.id, status: 'uploaded', problem: null });
        out.photos++;
      } catch (err) {
        const refused = isRefusal(err);
        if (!refused) { failure ??= { err }; return; } // no answer, or signed out: try again later
        marks.push({ id: photo.id, status: 'failed', problem: refused.message });
      }
      await flush(PHOTO_MARKS_AT_ONCE);
    }
  };
  await Promise.all(Array.from({ length: Math.min(Math.max(1, photosAtOnce), pending.length) }, uploader));
  await flush();
  if (failure) throw failure.err; // records wait for their photos
  for (;;) {
    const all = await store.records();
    const batch = nextBatch(all);
    if (batch.length === 0) break;
    const reply = await transport.sync(batch.map((q) => q.record), pendingCount(all) - batch.length);
    const done = applyReply(batch, reply);
    await store.update(done);
    out.accepted += done.filter((q) => q.status === 'accepted').length;
    out.rejected += done.filter((q) => q.status === 'rejected').length;
    if (done.length === 0) break; // the server answered about none of them: do not loop
  }
  out.waiting = pendingCount(await store.records());
  return out;
}

// The sync engine: photos first (a PUT each, idempotent by id), then the records in batches of at
// most 200, oldest first. Each reply marks the records accepted or rejected; a batch whose reply is
// lost (no answer) stays waiting and is sent again, and the server answers "replayed" for what it had.
import type { SyncRecord, SyncReply } from '../../domain/field/sync';
import { applyReply, nextBatch, pendingCount, type DeviceStore } from './outbox';

export interface SyncTransport {
  putPhoto(id: string, bytes: ArrayBuffer, type: string): Promise<unknown>;
  sync(records: SyncRecord[], queued: number): Promise<SyncReply>;
}
/** An error from the transport that means "the server refused this one" (not "no answer"): status 400–499 other than 401, 403, 408, 429. */
export type IsRefusal = (err: unknown) => { message: string } | undefined;

export interface SyncOutcome { photos: number; accepted: number; rejected: number; waiting: number }

export async function syncOnce(store: DeviceStore, transport: SyncTransport, isRefusal: IsRefusal): Promise<SyncOutcome> {
  const out: SyncOutcome = { photos: 0, accepted: 0, rejected: 0, waiting: 0 };
  for (const photo of await store.photos()) {
    if (photo.status !== 'pending') continue;
    try {
      await transport.putPhoto(photo.id, await store.photoBytes(photo.id), photo.type);
      await store.markPhoto(photo.id, 'uploaded');
      out.photos++;
    } catch (err) {
      const refused = isRefusal(err);
      if (!refused) throw err; // no answer, or signed out: try again later
      await store.markPhoto(photo.id, 'failed', refused.message);
    }
  }
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

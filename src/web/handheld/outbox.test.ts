import { describe, expect, it } from 'vitest';
import type { SyncRecord, SyncReply } from '../../domain/field/sync';
import { uuid } from './crypto';
import { applyReply, BATCH_SIZE, memoryStore, nextBatch, pendingCount, type QueuedRecord } from './outbox';
import { syncOnce, type SyncTransport } from './sync';
import { OfflineError } from './api';

const record = (kind: SyncRecord['kind'] = 'defect.report'): SyncRecord => ({ id: uuid(), kind, createdAt: new Date().toISOString(), payload: { n: 1 } });
const queued = (seq: number, status: QueuedRecord['status'] = 'pending'): QueuedRecord => ({ record: record(), seq, status, reference: null, problems: [], syncedAt: null });
const accepted = (ids: string[], replayed = false): SyncReply => ({ serverTime: new Date().toISOString(), results: ids.map((id) => ({ id, outcome: 'accepted', replayed, reference: `REF-${id.slice(0, 4)}`, problems: [] })) });

describe('batches', () => {
  it('sends the oldest waiting records first, at most 200', () => {
    const list = [queued(3), queued(1, 'accepted'), queued(2), ...Array.from({ length: 300 }, (_, i) => queued(10 + i))];
    const batch = nextBatch(list);
    expect(batch).toHaveLength(BATCH_SIZE);
    expect(batch[0].seq).toBe(2);
    expect(batch[1].seq).toBe(3);
    expect(batch.every((q) => q.status === 'pending')).toBe(true);
  });

  it('a reply marks each record accepted or rejected with its problems; records it does not name stay waiting', () => {
    const [a, b, c] = [queued(1), queued(2), queued(3)];
    const reply: SyncReply = { serverTime: '', results: [
      { id: a.record.id, outcome: 'accepted', replayed: false, reference: 'HF000000017', problems: [] },
      { id: b.record.id, outcome: 'rejected', replayed: false, reference: null, problems: [{ path: 'payload.vehicle.vrm', message: 'Enter the registration' }] },
    ] };
    const done = applyReply([a, b, c], reply, '2026-01-01T00:00:00Z');
    expect(done.map((q) => [q.seq, q.status, q.reference])).toEqual([[1, 'accepted', 'HF000000017'], [2, 'rejected', null]]);
    expect(done[1].problems[0].message).toBe('Enter the registration');
  });
});

/** A server that accepts each id once and answers the same again (replayed), like /api/v1/field/sync. */
function fakeServer() {
  const seen = new Map<string, SyncRecord>();
  const photos = new Map<string, ArrayBuffer>();
  const calls: string[] = [];
  let loseNextReply = false;
  let offline = false;
  const transport: SyncTransport = {
    async putPhoto(id, bytes) { if (offline) throw new OfflineError(); calls.push(`photo ${id}`); photos.set(id, bytes); },
    async sync(records) {
      if (offline) throw new OfflineError();
      calls.push(`sync ${records.length}`);
      const reply: SyncReply = { serverTime: '', results: records.map((r) => {
        const replayed = seen.has(r.id);
        seen.set(r.id, r);
        return { id: r.id, outcome: 'accepted', replayed, reference: null, problems: [] };
      }) };
      if (loseNextReply) { loseNextReply = false; throw new OfflineError(); }
      return reply;
    },
  };
  return { seen, photos, calls, transport, loseReply: () => { loseNextReply = true; }, setOffline: (v: boolean) => { offline = v; } };
}
const noRefusal = () => undefined;

describe('the sync engine', () => {
  it('uploads photos before the records that name them', async () => {
    const store = memoryStore();
    const server = fakeServer();
    const photoId = uuid();
    await store.add({ ...record('pcn.issue'), payload: { photoIds: [photoId] } }, [{ id: photoId, bytes: new Uint8Array([1, 2]).buffer, type: 'image/jpeg' }]);
    const out = await syncOnce(store, server.transport, noRefusal);
    expect(server.calls).toEqual([`photo ${photoId}`, 'sync 1']);
    expect(out).toEqual({ photos: 1, accepted: 1, rejected: 0, waiting: 0 });
    expect((await store.photos())[0].status).toBe('uploaded');
  });

  it('uploads photos four at a time, never more, and sends no record while a photo has had no answer', async () => {
    const store = memoryStore();
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) {
      const id = uuid();
      ids.push(id);
      await store.add({ ...record('defect.report'), payload: { photoIds: [id] } }, [{ id, bytes: new Uint8Array([i]).buffer, type: 'image/jpeg' }]);
    }
    let inFlight = 0;
    let most = 0;
    const server = fakeServer();
    const transport = (failOn?: string): SyncTransport => ({
      ...server.transport,
      async putPhoto(id, bytes, type) {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (id === failOn) throw new OfflineError();
        return server.transport.putPhoto(id, bytes, type);
      },
    });
    await expect(syncOnce(store, transport(ids[6]), noRefusal)).rejects.toBeInstanceOf(OfflineError);
    expect(most).toBe(4);
    expect(server.calls.filter((c) => c.startsWith('sync'))).toEqual([]);
    expect((await store.photos()).find((p) => p.id === ids[6])!.status).toBe('pending');
    const out = await syncOnce(store, transport(), noRefusal);
    expect(out.accepted).toBe(10);
    expect(server.photos.size).toBe(10);
    expect(out.photos).toBeLessThan(10); // only those the first try had not sent
    expect((await store.photos()).every((p) => p.status === 'uploaded')).toBe(true);
  });

  it('offline, nothing is lost: the records stay waiting until the server answers', async () => {
    const store = memoryStore();
    const server = fakeServer();
    for (let i = 0; i < 4; i++) await store.add(record(), []);
    server.setOffline(true);
    await expect(syncOnce(store, server.transport, noRefusal)).rejects.toBeInstanceOf(OfflineError);
    expect(pendingCount(await store.records())).toBe(4);
    server.setOffline(false);
    expect((await syncOnce(store, server.transport, noRefusal)).waiting).toBe(0);
    expect(server.seen.size).toBe(4);
  });

  it('a batch whose reply was lost is sent again, and the server has each record once', async () => {
    const store = memoryStore();
    const server = fakeServer();
    for (let i = 0; i < 3; i++) await store.add(record(), []);
    server.loseReply();
    await expect(syncOnce(store, server.transport, noRefusal)).rejects.toBeInstanceOf(OfflineError);
    expect(server.seen.size).toBe(3); // the server did handle it
    expect(pendingCount(await store.records())).toBe(3); // the device does not know
    const out = await syncOnce(store, server.transport, noRefusal);
    expect(out.accepted).toBe(3);
    expect(server.seen.size).toBe(3);
    expect(server.calls).toEqual(['sync 3', 'sync 3']);
  });

  it('sends 450 records in batches of 200, 200 and 50', async () => {
    const store = memoryStore();
    const server = fakeServer();
    for (let i = 0; i < 450; i++) await store.add(record(), []);
    await syncOnce(store, server.transport, noRefusal);
    expect(server.calls).toEqual(['sync 200', 'sync 200', 'sync 50']);
  });

  it('a rejected record is kept with its problems and not sent again', async () => {
    const store = memoryStore();
    const bad = record();
    await store.add(bad, []);
    const transport: SyncTransport = {
      putPhoto: async () => undefined,
      sync: async (recs) => ({ serverTime: '', results: recs.map((r) => ({ id: r.id, outcome: 'rejected' as const, replayed: false, reference: null, problems: [{ path: 'payload.street', message: 'Enter the street' }] })) }),
    };
    const out = await syncOnce(store, transport, noRefusal);
    expect(out).toMatchObject({ rejected: 1, waiting: 0 });
    const [q] = await store.records();
    expect(q.status).toBe('rejected');
    expect(q.problems).toEqual([{ path: 'payload.street', message: 'Enter the street' }]);
    expect(nextBatch(await store.records())).toEqual([]);
  });

  it('a photo the server refuses is marked and the sync goes on', async () => {
    const store = memoryStore();
    const id = uuid();
    await store.add(record(), [{ id, bytes: new ArrayBuffer(1), type: 'text/plain' }]);
    const server = fakeServer();
    const transport: SyncTransport = { ...server.transport, putPhoto: async () => { throw new Error('415'); } };
    const out = await syncOnce(store, transport, (err) => (err instanceof Error && err.message === '415' ? { message: 'Not a photo' } : undefined));
    expect((await store.photos())[0]).toMatchObject({ status: 'failed', problem: 'Not a photo' });
    expect(out.accepted).toBe(1);
  });

  it('a store refuses the same record id twice', async () => {
    const store = memoryStore();
    const r = record();
    await store.add(r, []);
    await expect(store.add(r, [])).rejects.toThrow();
  });
});

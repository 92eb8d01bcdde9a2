// For bench/field.ts, bundled by esbuild and run in chromium on the product's own origin: the
// handheld's own code (sign-in, device set-up, the encrypted outbox, the sync engine, its API calls),
// driven without its screens so that nothing else syncs while the bench times it.
import type { SyncRecord } from '../src/domain/field/sync';
import * as api from '../src/web/handheld/api';
import { uuid } from '../src/web/handheld/crypto';
import { blocks, saveBlocks, setUpDevice, topUpBlocks } from '../src/web/handheld/device';
import { idbStore } from '../src/web/handheld/idbStore';
import type { DeviceStore } from '../src/web/handheld/outbox';
import { allocate, remaining } from '../src/web/handheld/pcnBlock';
import { syncOnce } from '../src/web/handheld/sync';

const AREA_ID = '5d1e7a00-0c0d-4e00-8a00-000000000001'; // migration 0030's enforcement area
const DEFECTS = ['pothole', 'footway', 'street_light', 'play_equipment', 'bench_bin'];

let device: { store: DeviceStore; deviceId: string } | undefined;

/** A photo's bytes: a JPEG's first bytes, then noise (nothing on the way compresses it). */
function photo(size: number, seed: number): ArrayBuffer {
  const bytes = new Uint8Array(size);
  const words = new Uint32Array(bytes.buffer, 0, Math.floor(size / 4));
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) { s ^= s << 13; s ^= s >>> 17; s ^= s << 5; words[i] = s >>> 0; }
  bytes.set([0xff, 0xd8, 0xff, 0xe0]);
  return bytes.buffer;
}

const point = (i: number) => ({ lat: 52.8 + (i % 50) / 5000, lon: -1.63 + (i % 37) / 5000, accuracyM: 6 });

async function setUp(username: string, password: string) {
  await api.signIn(username, password);
  const session = await api.getSession();
  if (!session || session.stage !== 'active') throw new Error(`The bench officer could not sign in (${session?.stage})`);
  const { key, meta } = await setUpDevice(session, password);
  device = { store: idbStore(key), deviceId: meta.id };
  return meta.id;
}

/** Queues `records` records as an officer would, each with one photo of `photoBytes` bytes: PCNs, FPNs and defects in turn. */
async function queue({ records, photoBytes }: { records: number; photoBytes: number }) {
  const { store, deviceId } = device!;
  let state = await blocks();
  let recordBytes = 0;
  for (let i = 0; i < records; i++) {
    const issuedAt = new Date(Date.now() - 60 * 60_000 + i * 1000);
    const photoId = uuid();
    const common = { patrolId: null, point: point(i), photoIds: [photoId] };
    let record: SyncRecord;
    if (i % 5 < 2) {
      if (remaining(state) < 1) { await topUpBlocks(deviceId); state = await blocks(); }
      const next = allocate(state);
      state = next.state;
      await saveBlocks(state);
      record = { id: uuid(), kind: 'pcn.issue', createdAt: issuedAt.toISOString(), payload: {
        ...common, pcnId: uuid(), number: next.number, enforcementAreaId: AREA_ID, contraventionCode: '01',
        observedFrom: new Date(issuedAt.getTime() - 6 * 60_000).toISOString(), observedTo: new Date(issuedAt.getTime() - 60_000).toISOString(), issuedAt: issuedAt.toISOString(),
        vehicle: { vrm: `BN${String(10 + (i % 80))} ${'ABCDEFGHJK'[i % 10]}XY`, make: 'Ford', model: 'Fiesta', colour: 'Blue', permitSeen: '' },
        street: 'High Street', locationDetail: `Outside no. ${i % 120}`, served: 'affixed', notes: '',
      } };
    } else if (i % 5 === 2) {
      record = { id: uuid(), kind: 'fpn.issue', createdAt: issuedAt.toISOString(), payload: {
        ...common, fpnId: uuid(), offenceCode: 'LIT', issuedAt: issuedAt.toISOString(),
        offender: { name: `Person ${i}`, address: `${i} Mill Lane, Burton upon Trent`, postcode: 'DE14 1AA', dateOfBirth: '1990-05-01', description: 'Grey coat', identification: 'Driving licence', guardian: '' },
        place: 'Market Place, by the bins', circumstances: 'Saw a cigarette end dropped on the pavement and left there.', bodyWornVideoRef: `BWV-${i}`,
      } };
    } else {
      record = { id: uuid(), kind: 'defect.report', createdAt: issuedAt.toISOString(), payload: {
        ...common, defectId: uuid(), at: issuedAt.toISOString(), category: DEFECTS[i % DEFECTS.length], place: `Station Street ${i}`, description: 'Seen on patrol: needs the owning team to look at it.',
      } };
    }
    recordBytes += JSON.stringify(record).length;
    await store.add(record, [{ id: photoId, bytes: photo(photoBytes, i + 1), type: 'image/jpeg' }]);
  }
  return { recordBytes, photoBytes: records * photoBytes };
}

/** The sync, as the app runs it when signal returns; timed from its first request to its last answer. */
async function sync(photosAtOnce?: number) {
  const { store, deviceId } = device!;
  await api.getSession(); // the CSRF token, as the app fetches it before each sync
  const started = performance.now();
  const phases = { photosMs: 0, batchesMs: [] as number[], readMs: 0, putMs: 0 };
  const timed: DeviceStore = { ...store, photoBytes: async (id) => { const t = performance.now(); const b = await store.photoBytes(id); phases.readMs += performance.now() - t; return b; } };
  const out = await syncOnce(timed, {
    putPhoto: async (id, bytes, type) => { const t = performance.now(); const r = await api.putPhoto(deviceId, id, bytes, type); phases.putMs += performance.now() - t; phases.photosMs = performance.now() - started; return r; },
    sync: async (records, queued) => { const t = performance.now(); const r = await api.sync(deviceId, records, queued); phases.batchesMs.push(performance.now() - t); return r; },
  }, () => undefined, photosAtOnce);
  return { ms: performance.now() - started, ...phases, ...out };
}

/**
 * The baseline: the same number of bytes as one file, sent as the product's web app sends a file
 * (its resumable upload, tus: a POST, then PATCHes of 50 MB from each offset, as useUploads.ts).
 * The upload is declared a byte longer than what is sent, so the server stores and hashes every
 * byte but starts no evidence ingest; it is abandoned afterwards.
 */
const CHUNK_BYTES = 50 * 1024 * 1024;
async function uploadOneFile(bytes: number) {
  const session = await api.getSession();
  const headers = { 'tus-resumable': '1.0.0', 'x-csrf-token': session!.csrfToken };
  const chunk = (offset: number) => {
    const parts: ArrayBuffer[] = [];
    for (let at = offset, end = Math.min(bytes, offset + CHUNK_BYTES); at < end; at += 1 << 20) parts.push(photo(Math.min(1 << 20, end - at), 100_000 + at));
    return new Blob(parts);
  };
  // Only the requests are timed: each chunk's bytes are made before its request, one chunk at a
  // time (chromium fails a page holding the whole half gigabyte in blobs at once).
  let ms = 0;
  let started = performance.now();
  const created = await fetch('/api/v1/uploads', { method: 'POST', headers: { ...headers, 'upload-length': String(bytes + 1), 'upload-metadata': `filename ${btoa('bench.bin')}` } });
  ms += performance.now() - started;
  if (created.status !== 201) throw new Error(`The upload was not created: ${created.status} ${await created.text()}`);
  const location = created.headers.get('location')!;
  let offset = 0;
  while (offset < bytes) {
    const body = chunk(offset);
    started = performance.now();
    const patched = await fetch(location, { method: 'PATCH', headers: { ...headers, 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' }, body });
    ms += performance.now() - started;
    if (patched.status !== 204) throw new Error(`The upload stopped at ${offset} of ${bytes} bytes (${patched.status} ${await patched.text()})`);
    offset = Number(patched.headers.get('upload-offset'));
  }
  await fetch(location, { method: 'DELETE', headers });
  if (offset !== bytes) throw new Error(`The server has ${offset} of ${bytes} bytes`);
  return { ms };
}

(window as unknown as { vigilBench: unknown }).vigilBench = { setUp, queue, sync, uploadOneFile };

import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import pg from 'pg';
import { chromium } from 'playwright-core';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { CHROMIUM_ARGS, chromiumPath } from '../test/support/chromium-path.mjs';
import { benchDatabase, benchServer, median, result } from './_support';

// The handheld's sync over a slow link (issue 14). One officer's phone (chromium at a phone's size,
// with a profile on disk as a phone's browser has) signs in, sets up the device and queues 500
// records made offline (PCNs from its own number block, FPNs and defects in turn), each with a 1 MB
// photo, in its encrypted outbox: the handheld's own code (bench/_field-device.ts). Then the link
// is throttled (chromium's network conditions, as Playwright sets them: BENCH_FIELD_MBIT up and
// down, BENCH_FIELD_RTT_MS added to every request) and the phone syncs, as when signal returns:
// every photo (PUT each) and then the records in batches of 200. Beside it, over the same link in
// the same run, the baseline: the same number of bytes uploaded as one file (the product's
// resumable upload, as the web app sends a file), before and after the sync. Target: the sync at most 1.5 × the
// baseline (their median), with every record accepted once and every photo stored.
// BENCH_FIELD_RECORDS (500), BENCH_FIELD_PHOTO_KB (1024), BENCH_FIELD_MBIT (40) and
// BENCH_FIELD_RTT_MS (80) change the sizes.

const RECORDS = Number(process.env.BENCH_FIELD_RECORDS ?? 500);
const PHOTO_BYTES = Number(process.env.BENCH_FIELD_PHOTO_KB ?? 1024) * 1024;
const MBIT = Number(process.env.BENCH_FIELD_MBIT ?? 40);
const RTT_MS = Number(process.env.BENCH_FIELD_RTT_MS ?? 80);
const TARGET = 1.5;
const say = (line: string) => process.stdout.write(`${line}\n`);
const secs = (ms: number) => Math.round(ms / 100) / 10;

interface Bench {
  setUp(username: string, password: string): Promise<string>;
  queue(o: { records: number; photoBytes: number }): Promise<{ recordBytes: number; photoBytes: number }>;
  sync(photosAtOnce?: number): Promise<{ ms: number; readMs: number; putMs: number; photosMs: number; batchesMs: number[]; photos: number; accepted: number; rejected: number; waiting: number }>;
  uploadOneFile(bytes: number): Promise<{ ms: number }>;
}

const executablePath = chromiumPath();
if (!executablePath) throw new Error('The field bench needs chromium (apt-get install chromium).');
if (spawnSync(process.execPath, ['scripts/ensure-server-build.mjs'], { stdio: 'inherit' }).status) throw new Error('The server did not build');

const bundle = (await build({ entryPoints: ['bench/_field-device.ts'], bundle: true, write: false, format: 'iife', platform: 'browser', target: 'es2022', logLevel: 'warning' })).outputFiles[0].text;
const db = await benchDatabase();
const handle = connect({ url: db.url, max: 2, applicationName: 'vigil-bench-field' });
const profile = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-phone-'));
let server: Awaited<ReturnType<typeof benchServer>> | undefined;
let context: Awaited<ReturnType<typeof chromium.launchPersistentContext>> | undefined;
try {
  await migrate({ pool: handle.pool });
  const password = 'bench phone password only';
  const org = await handle.db.insertInto('organisations').values({ name: `Bench council ${Date.now()}`, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
  const user = await handle.db.insertInto('users').values({ username: `bench-field-${Date.now()}`, display_name: 'Bench patrol officer', organisation_id: org.id, password_hash: await hashPassword(password), must_change_password: false })
    .returning(['id', 'username']).executeTakeFirstOrThrow();
  // A patrol officer who may also upload (the baseline's resumable upload is the evidence module's).
  await handle.db.insertInto('user_roles').values([{ user_id: user.id, role: 'patrol_officer' }, { user_id: user.id, role: 'enforcement_officer' }]).execute();
  await handle.db.insertInto('settings').values({ key: 'auth.mfa_required_roles', value: JSON.stringify([]) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify([]) })).execute();
  server = await benchServer({ databaseUrl: db.url, env: { LOG_LEVEL: 'warn' } });

  context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_ARGS, viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, serviceWorkers: 'block', bypassCSP: true });
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(`${server.url}/healthz`);
  await page.addScriptTag({ content: bundle }); // the product's CSP allows its own scripts only: the bench's is let in (bypassCSP)
  const call = <K extends keyof Bench>(name: K, ...args: Parameters<Bench[K]>) =>
    page.evaluate(({ name, args }) => ((window as unknown as { vigilBench: Record<string, (...a: unknown[]) => unknown> }).vigilBench[name])(...args), { name, args }) as ReturnType<Bench[K]>;

  const deviceId = await call('setUp', user.username, password);
  let t = Date.now();
  const queued = await call('queue', { records: RECORDS, photoBytes: PHOTO_BYTES });
  const bytes = queued.recordBytes + queued.photoBytes;
  say(`device ${deviceId}: ${RECORDS} records (${Math.round(queued.recordBytes / 1024)} KB) and ${RECORDS} photos of ${PHOTO_BYTES / 1024} KB queued offline, encrypted, in ${secs(Date.now() - t)} s`);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: RTT_MS, uploadThroughput: (MBIT * 1e6) / 8, downloadThroughput: (MBIT * 1e6) / 8 });
  say(`link throttled to ${MBIT} Mbit/s each way, ${RTT_MS} ms added to each request; ${Math.round(bytes / 1e6)} MB to send (at the link's rate alone: ${secs((bytes * 8) / (MBIT * 1e3))} s)`);

  const baselines: number[] = [];
  baselines.push((await call('uploadOneFile', bytes)).ms);
  say(`baseline: the same bytes as one file: ${secs(baselines[0])} s`);
  t = Date.now();
  const synced = await call('sync', process.env.BENCH_FIELD_AT_ONCE ? Number(process.env.BENCH_FIELD_AT_ONCE) : undefined);
  say(`sync: ${synced.photos} photos, ${synced.accepted} records accepted, ${synced.rejected} rejected, ${synced.waiting} waiting, in ${secs(synced.ms)} s (photos done at ${secs(synced.photosMs)} s; record batches ${synced.batchesMs.map(secs).join(', ')} s; photo reads ${secs(synced.readMs)} s, uploads ${secs(synced.putMs)} s in all)`);
  baselines.push((await call('uploadOneFile', bytes)).ms);
  say(`baseline again: ${secs(baselines[1])} s`);

  // What the server made: each record once, each photo stored.
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const count = async (q: string) => Number((await client.query<{ n: string }>(q, [deviceId])).rows[0].n);
  const made = {
    syncRecords: await count("select count(*) as n from field_sync_records where device_id = $1 and outcome = 'accepted'"),
    photos: await count('select count(*) as n from field_photos where device_id = $1'),
  };
  await client.end();
  say(`server: ${made.syncRecords} records accepted from the device, ${made.photos} photos stored`);

  const baseline = median(baselines);
  const complete = synced.accepted === RECORDS && synced.rejected === 0 && synced.waiting === 0 && made.syncRecords === RECORDS && made.photos === RECORDS;
  result({ bench: 'field', metric: 'records_synced', value: made.syncRecords, unit: '', baseline: RECORDS, target: String(RECORDS), pass: complete });
  result({ bench: 'field', metric: 'sync_time', value: secs(synced.ms), unit: 's', baseline: secs(baseline), ratio: synced.ms / baseline, target: `<=${TARGET}x`, pass: complete && synced.ms <= TARGET * baseline });
} finally {
  await context?.close();
  await server?.stop();
  await handle.close();
  await db.stop();
  rmSync(profile, { recursive: true, force: true });
}

import { performance } from 'node:perf_hooks';
// @ts-expect-error plain ESM script without types
import { buildServer, isServerBuildStale } from '../scripts/ensure-server-build.mjs';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { measureEstateImport } from './_estate-import';
import { generateCameras, insertGeneratedCameras, measureMapData } from './_estate-map';
import { benchDatabase, benchServer, median, result } from './_support';

// The camera estate:
// 1. Import of a generated 10,000-camera register (CSV, a tenth in OSGB36 eastings/northings) into a
//    fresh database, the whole use case (parse, convert, plan, one transaction with every camera's
//    first version written by the register's trigger), beside PostgreSQL COPY of the same rows into
//    a table of the same shape in the same database. Target: at most 5× COPY's time.
// 2. The estate map's data for 10,000 cameras through the real server (compiled, as in production),
//    one request after another: p95 under 100 ms (a full answer, a browser's revalidation with its
//    ETag, and a full answer built afresh after a camera changed before each request), beside an
//    authenticated GET /healthz timed the same way.
// BENCH_RUNS (3), BENCH_CAMERAS (10,000) and BENCH_REQUESTS (200) change the sizes.

const runs = Number(process.env.BENCH_RUNS ?? 3);
const CAMERAS = Number(process.env.BENCH_CAMERAS ?? 10_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const say = (line: string) => process.stdout.write(`${line}\n`);
const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');

if (isServerBuildStale() && (await buildServer()) !== 0) process.exit(1);
const db = await benchDatabase();
try {
  const imp = await measureEstateImport({ url: db.url, n: CAMERAS, runs });
  say(`import of ${imp.rows} cameras (${(imp.bytes / 1e6).toFixed(1)} MB of CSV): median ${imp.importMs.toFixed(0)} ms (${list(imp.runs.imports)}); COPY: median ${imp.copyMs.toFixed(0)} ms (${list(imp.runs.copies)})`);

  const handle = connect({ url: db.url, max: 2 });
  let server: Awaited<ReturnType<typeof benchServer>> | undefined;
  try {
    await migrate({ pool: handle.pool });
    const stamp = Date.now();
    await insertGeneratedCameras({ databaseUrl: db.url, cameras: generateCameras(CAMERAS, { prefix: `M${stamp % 1000}-` }) });
    const username = `benchestate${stamp}`;
    const password = 'bench marks the quiet harbour';
    const org = await handle.db.insertInto('organisations').values({ name: `Bench ${stamp}`, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
    const user = await handle.db.insertInto('users').values({ username, display_name: 'Bench Coordinator', organisation_id: org.id, password_hash: await hashPassword(password), must_change_password: false }).returning('id').executeTakeFirstOrThrow();
    await handle.db.insertInto('user_roles').values({ user_id: user.id, role: 'coordinator' }).execute();
    await handle.db.updateTable('settings').set({ value: '[]' }).where('key', '=', 'auth.mfa_required_roles').execute();
    server = await benchServer({ databaseUrl: db.url, env: { SIGN_IN_RATE_PER_MINUTE: '1000' } });
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const cookie = /vigil_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
    if (signIn.status !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);

    const firstCamera = await handle.db.selectFrom('cameras').select('id').orderBy('reference').limit(1).executeTakeFirstOrThrow();
    const full = await measureMapData({ baseUrl: server.url, cookie, requests: REQUESTS });
    const revalidated = await measureMapData({ baseUrl: server.url, cookie, requests: REQUESTS, revalidate: true });
    // A camera changes before every request (as when a daily check marks one faulty): no cached
    // answer can be given, every reply is the whole estate built afresh.
    const changed = await measureMapData({
      baseUrl: server.url, cookie, requests: REQUESTS, revalidate: true,
      beforeEach: async (i) => { await handle.db.updateTable('cameras').set({ status: i % 2 ? 'faulty' : 'operational', change_reason: 'bench: a check failed', changed_at: new Date() }).where('id', '=', firstCamera.id).execute(); },
    });
    const health: number[] = [];
    for (let i = 0; i < REQUESTS + 3; i++) {
      const t = performance.now();
      const res = await fetch(`${server.url}/healthz`, { headers: { cookie } });
      await res.text();
      if (i >= 3) health.push(performance.now() - t);
    }
    const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)];
    say(`map data: ${full.cameras} cameras, ${(full.bytes / 1e6).toFixed(2)} MB; full answer p50 ${full.p50.toFixed(1)} ms, p95 ${full.p95.toFixed(1)} ms; revalidated p50 ${revalidated.p50.toFixed(1)} ms, p95 ${revalidated.p95.toFixed(1)} ms (${JSON.stringify(revalidated.statuses)}); after a change p50 ${changed.p50.toFixed(1)} ms, p95 ${changed.p95.toFixed(1)} ms (${JSON.stringify(changed.statuses)}); /healthz p50 ${median(health).toFixed(1)} ms, p95 ${p95(health).toFixed(1)} ms`);

    result({ bench: 'estate', metric: 'import-10k', value: Math.round(imp.importMs), unit: 'ms', baseline: Math.round(imp.copyMs), ratio: imp.importMs / imp.copyMs, target: '<=5', pass: imp.importMs / imp.copyMs <= 5 });
    result({ bench: 'estate', metric: 'map-data-p95', value: Math.round(full.p95 * 10) / 10, unit: 'ms', baseline: Math.round(p95(health) * 10) / 10, target: '<100ms', pass: full.p95 < 100 });
    result({ bench: 'estate', metric: 'map-data-after-change-p95', value: Math.round(changed.p95 * 10) / 10, unit: 'ms', baseline: Math.round(p95(health) * 10) / 10, target: '<100ms', pass: changed.p95 < 100 });
    result({ bench: 'estate', metric: 'map-data-revalidated-p95', value: Math.round(revalidated.p95 * 10) / 10, unit: 'ms', baseline: Math.round(p95(health) * 10) / 10, target: '<100ms', pass: revalidated.p95 < 100 });
  } finally {
    await server?.stop();
    await handle.close();
  }
} finally {
  await db.stop();
}

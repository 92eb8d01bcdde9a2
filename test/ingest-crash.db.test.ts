import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { freshDatabase, startServerProcess } from './support/product';
import { makeSession, makeUser, testDeps } from './support/deps';

// A server killed (SIGKILL) while footage streams in leaves no stored object under a real name and
// no recording: what arrived stays only as the upload's own partial file, to be resumed or swept.

const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => { for (const c of cleanups.reverse()) await c(); });

/** Every file under `dir`, as paths relative to it. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = path.join(d, name);
      if (statSync(p).isDirectory()) walk(p); else out.push(path.relative(dir, p));
    }
  };
  try { walk(dir); } catch { /* no such folder: nothing stored */ }
  return out;
}

it('kill -9 during an upload leaves no object under a real name and no recording row', async () => {
  const database = await freshDatabase();
  cleanups.push(database.drop);
  const handle = connect({ url: database.url, max: 2 });
  cleanups.push(() => handle.close());
  await migrate({ pool: handle.pool });
  const deps = { ...testDeps(), db: handle.db };
  const user = await makeUser(deps, { roles: ['enforcement_officer'] });
  const session = await makeSession(deps, { userId: user.id });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-ingest-crash-'));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const server = await startServerProcess({ databaseUrl: database.url, env: { VIGIL_DATA_DIR: dataDir } });
  cleanups.push(async () => { await server.stop('SIGKILL'); });

  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'tus-resumable': '1.0.0' };
  const total = 64 * 1024 * 1024;
  const created = await fetch(`${server.url}/api/v1/uploads`, { method: 'POST', headers: { ...headers, 'upload-length': String(total), 'upload-metadata': `filename ${Buffer.from('cam12.mp4').toString('base64')}` } });
  expect(created.status).toBe(201);
  const location = new URL(created.headers.get('location')!, server.url).href;

  // Stream bytes slowly; once 8 MB are on their way, kill the server.
  let sent = 0;
  const chunk = Buffer.alloc(1024 * 1024, 7);
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (sent >= total) { controller.close(); return; }
      await new Promise((r) => setTimeout(r, 20));
      controller.enqueue(chunk);
      sent += chunk.length;
      if (sent === 8 * chunk.length) void server.stop('SIGKILL');
    },
  });
  await fetch(location, { method: 'PATCH', headers: { ...headers, 'upload-offset': '0', 'content-type': 'application/offset+octet-stream' }, body, duplex: 'half' } as RequestInit).catch(() => undefined);
  expect(await server.exited).not.toBe(0);

  const objects = filesUnder(path.join(dataDir, 'objects')).filter((f) => !f.startsWith(`tmp${path.sep}`));
  expect(objects).toEqual([]);
  expect(await handle.db.selectFrom('recordings').select('id').execute()).toEqual([]);
  expect(await handle.db.selectFrom('exhibits').select('id').execute()).toEqual([]);
  // What arrived is only the upload's own partial file, which a resumed upload continues.
  expect(filesUnder(path.join(dataDir, 'uploads')).length).toBeGreaterThan(0);
});

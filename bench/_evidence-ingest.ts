import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connect } from '../src/server/platform/db/db';
import { migrate } from '../src/server/platform/db/migrate';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { benchDatabase, benchServer } from './_support';

// Ingest through the upload endpoint: the real server (`vigil serve`, compiled, with its worker, as
// run in production) on the embedded database with a data folder of its own, and the file sent by
// a tus client from a separate process in 50 MiB requests (as the web app sends them). Timed from
// the first request to the answer with the recording: received, hashed, written, probed, linked
// into the object store (fsynced) and recorded. Beside it, `sha256sum` of the same file, the two
// interleaved; the file is read once first so that both read it from the page cache. The server's
// peak memory is its VmHWM (peak resident set) from /proc after every upload.

const CHUNK_BYTES = 50 * 1024 * 1024;

export interface IngestFigures {
  size: number; uploadMs: number[]; sha256sumMs: number[]; peakRssBytes: number; startRssBytes: number;
}

export async function measureIngest({ file, runs }: { file: string; runs: number }): Promise<IngestFigures> {
  const db = await benchDatabase();
  const handle = connect({ url: db.url, max: 2 });
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-bench-data-'));
  let server: Awaited<ReturnType<typeof benchServer>> | undefined;
  try {
    await migrate({ pool: handle.pool });
    const username = `benchevidence${Date.now()}`;
    const password = 'bench marks the quiet harbour';
    const org = await handle.db.insertInto('organisations').values({ name: `Bench ${Date.now()}`, kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
    const user = await handle.db.insertInto('users').values({ username, display_name: 'Bench Officer', organisation_id: org.id, password_hash: await hashPassword(password), must_change_password: false }).returning('id').executeTakeFirstOrThrow();
    await handle.db.insertInto('user_roles').values({ user_id: user.id, role: 'enforcement_officer' }).execute();
    await handle.db.updateTable('settings').set({ value: '[]' }).where('key', '=', 'auth.mfa_required_roles').execute();

    server = await benchServer({ databaseUrl: db.url, env: { VIGIL_DATA_DIR: dataDir, SIGN_IN_RATE_PER_MINUTE: '1000' } });
    const pid = server.child.pid!;
    const startRssBytes = memoryOf(pid).rss;
    const signIn = await fetch(`${server.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    const cookie = /vigil_session=[^;]+/.exec(signIn.headers.get('set-cookie') ?? '')?.[0];
    if (signIn.status !== 200 || !cookie) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
    const { csrfToken } = await signIn.json() as { csrfToken: string };
    const headers = { cookie, 'x-csrf-token': csrfToken };

    const expected = sha256sum(file).sha256; // also the warm read: the file is in the page cache from here on
    const uploadMs: number[] = [];
    const sha256sumMs: number[] = [];
    let size = 0;
    for (let i = 0; i < runs; i++) {
      sha256sumMs.push(sha256sum(file).ms);
      const up = await upload({ endpoint: `${server.url}/api/v1/uploads`, file, headers });
      if (up.status !== 200) throw new Error(`the upload was answered ${up.status}: ${up.body}`);
      const { recording } = JSON.parse(up.body) as { recording: { sha256: string; format: string } };
      if (recording.sha256 !== expected || recording.format !== 'video') throw new Error(`the upload was stored as ${recording.sha256} (${recording.format}), sha256sum says ${expected}`);
      uploadMs.push(up.ms);
      size = up.size;
    }
    return { size, uploadMs, sha256sumMs, peakRssBytes: memoryOf(pid).hwm, startRssBytes };
  } finally {
    await server?.stop();
    await handle.close();
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function sha256sum(file: string) {
  const started = performance.now();
  const r = spawnSync('sha256sum', [file], { encoding: 'utf8' });
  const ms = performance.now() - started;
  if (r.status !== 0) throw new Error(`sha256sum exited ${r.status}: ${r.stderr}`);
  return { ms, sha256: r.stdout.split(' ')[0] };
}

/** Runs the client without blocking this process, which must keep reading the server's log (a full pipe would stall the server). */
async function upload({ endpoint, file, headers }: { endpoint: string; file: string; headers: Record<string, string> }) {
  // BENCH_CLIENT_NODE_ARGS (for example --cpu-prof) profiles the client, as BENCH_NODE_ARGS the server.
  const extra = process.env.BENCH_CLIENT_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = spawn(process.execPath, [...extra, '--import', 'tsx', 'bench/_upload-client.ts', JSON.stringify({ endpoint, file, headers, chunkSize: CHUNK_BYTES })], { stdio: ['ignore', 'pipe', 'inherit'] });
  let out = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) throw new Error(`the upload client exited ${code}`);
  return JSON.parse(out.trim().split('\n').pop()!) as { ms: number; size: number; status: number; body: string };
}

/** The process's resident set now and at its peak (VmRSS, VmHWM), in bytes. */
function memoryOf(pid: number) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) * 1024;
  return { rss: kb('VmRSS'), hwm: kb('VmHWM') };
}

import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { PASSWORD_FILE, SUPERUSER, startEmbeddedPostgres } from '../src/server/platform/db/embedded';
import { startServerProcess, type ServerProcess } from './support/product';

// `npm start` on a machine with nothing but Node: the embedded PostgreSQL in VIGIL_DATA_DIR.

const dirs: string[] = [];
const running: ServerProcess[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function dataDir() {
  const d = mkdtempSync(path.join(os.tmpdir(), 'vigil-embedded-'));
  dirs.push(d);
  return d;
}

const postgresPid = (dir: string) => Number(readFileSync(path.join(dir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
const isAlive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

it('first start seeds the demo and prints one-time passwords; a restart keeps the data and prints none; Ctrl-C stops PostgreSQL too', async () => {
  const dir = dataDir();
  const first = await startServerProcess({ env: { VIGIL_DATA_DIR: dir, VIGIL_DEMO: 'true' } });
  running.push(first);
  expect(first.output()).toMatch(/^\s+admin\s+Administrator\s+[a-z2-9]{4}(-[a-z2-9]{4}){3}$/m);
  const password = /^\s+auditor\s+Auditor\s+(\S+)$/m.exec(first.output())![1];
  const pgPid = postgresPid(dir);
  expect(isAlive(pgPid)).toBe(true);

  expect(await first.stop('SIGINT')).toBe(0);
  expect(isAlive(pgPid)).toBe(false);

  const second = await startServerProcess({ env: { VIGIL_DATA_DIR: dir, VIGIL_DEMO: 'true' } });
  running.push(second);
  expect(second.output()).not.toMatch(/one-time password/);
  const signIn = await fetch(`${second.url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'auditor', password }) });
  expect(signIn.status).toBe(200); // the user (and its one-time password) survived the restart
  expect(await second.stop('SIGINT')).toBe(0);
});

it('two instances with different data directories and ports run side by side, each with the cache it is given', async () => {
  const north = dataDir();
  const [a, b] = await Promise.all([
    startServerProcess({ env: { VIGIL_DATA_DIR: north, VIGIL_COUNCIL_NAME: 'North Council', VIGIL_DB_MEMORY_MB: '160' } }),
    startServerProcess({ env: { VIGIL_DATA_DIR: dataDir(), VIGIL_COUNCIL_NAME: 'South Council' } }),
  ]);
  running.push(a, b);
  expect(a.url).not.toBe(b.url);
  expect((await (await fetch(`${a.url}/api/v1/meta`)).json()).councilName).toBe('North Council');
  expect((await (await fetch(`${b.url}/api/v1/meta`)).json()).councilName).toBe('South Council');
  expect((await fetch(`${a.url}/readyz`)).status).toBe(200);
  expect((await fetch(`${b.url}/readyz`)).status).toBe(200);
  const port = Number(readFileSync(path.join(north, 'pg', 'postmaster.pid'), 'utf8').split('\n')[3]);
  const password = readFileSync(path.join(north, PASSWORD_FILE), 'utf8').trim();
  const client = new pg.Client({ connectionString: `postgres://${SUPERUSER}:${password}@127.0.0.1:${port}/vigil` });
  await client.connect();
  const { rows } = await client.query('show shared_buffers');
  await client.end();
  expect(rows[0].shared_buffers).toBe('160MB');
});

it('requires a password, made at first start and kept with owner-only permissions; a data directory from an earlier version is given one', async () => {
  const dir = dataDir();
  const connectAs = async (port: number, password?: string) => {
    const client = new pg.Client({ host: '127.0.0.1', port, user: SUPERUSER, password, database: 'vigil' });
    try { await client.connect(); return 'connected'; } catch (e) { return (e as { code?: string }).code ?? String(e); } finally { await client.end().catch(() => undefined); }
  };
  const first = await startEmbeddedPostgres({ dataDir: dir, database: 'vigil' });
  const passwordFile = path.join(dir, PASSWORD_FILE);
  expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
  const password = readFileSync(passwordFile, 'utf8').trim();
  expect(password.length).toBeGreaterThanOrEqual(24);
  expect(await connectAs(first.port)).not.toBe('connected');
  expect(await connectAs(first.port, 'guessed')).toBe('28P01');
  expect(await connectAs(first.port, password)).toBe('connected');
  const marker = new pg.Client({ connectionString: first.url });
  await marker.connect();
  await marker.query('create table kept (x int); insert into kept values (42)');
  await marker.end();
  await first.stop();

  // As an earlier version left it: every local connection trusted, no password file.
  writeFileSync(path.join(dir, 'pg', 'pg_hba.conf'), 'host all all 127.0.0.1/32 trust\nhost all all ::1/128 trust\n');
  rmSync(passwordFile);
  const upgraded = await startEmbeddedPostgres({ dataDir: dir, database: 'vigil' });
  try {
    const newPassword = readFileSync(passwordFile, 'utf8').trim();
    expect(statSync(passwordFile).mode & 0o777).toBe(0o600);
    expect(await connectAs(upgraded.port, 'no longer trusted')).toBe('28P01');
    expect(await connectAs(upgraded.port, newPassword)).toBe('connected');
    const client = new pg.Client({ connectionString: upgraded.url });
    await client.connect();
    expect((await client.query('select x from kept')).rows).toEqual([{ x: 42 }]);
    await client.end();
  } finally {
    await upgraded.stop();
  }
});

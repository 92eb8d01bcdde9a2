import { afterAll, expect, it } from 'vitest';
import http from 'node:http';
import pg from 'pg';
import { listMigrations } from '../src/server/platform/db/migrate';
import { freshDatabase, startServerProcess, type ServerProcess } from './support/product';

// Two `vigil serve` processes started together on one empty database: both come up, and the
// migrations run exactly once (the advisory lock makes the second wait, then find nothing to do).

const started: ServerProcess[] = [];
let drop: (() => Promise<void>) | undefined;
afterAll(async () => {
  await Promise.all(started.map((s) => s.stop('SIGKILL')));
  await drop?.();
});

it('two server processes starting at once on one database run the migrations once', async () => {
  const db = await freshDatabase();
  drop = db.drop;
  const [a, b] = await Promise.all([startServerProcess({ databaseUrl: db.url }), startServerProcess({ databaseUrl: db.url })]);
  started.push(a, b);

  for (const s of [a, b]) {
    const ready = await fetch(`${s.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ database: true, migrations: true });
  }

  const migrations = listMigrations();
  const applied = [a, b].map((s) => (s.output().match(/"msg":"migration applied"/g) ?? []).length);
  expect(applied.sort()).toEqual([0, migrations.length]);
  // What start-up logged is written before the banner (the log is otherwise buffered for 250 ms).
  for (const s of [a, b]) expect(s.output().lastIndexOf('"msg":"Vigil is listening"')).toBeLessThan(s.output().indexOf('Vigil is running at'));

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const rows = await client.query('select version, count(*)::int as n from schema_migrations group by version order by version');
  await client.end();
  expect(rows.rows).toEqual(migrations.map((m) => ({ version: m.version, n: 1 })));
});

it('stops cleanly on SIGTERM, finishing a request that is in flight', async () => {
  const db = await freshDatabase();
  const s = await startServerProcess({ databaseUrl: db.url });
  // Headers and half the body now; SIGTERM; the rest of the body after. The server must finish it.
  const body = JSON.stringify({ username: 'nobody-here', password: 'not the password at all' });
  const { port } = new URL(s.url);
  const reply = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/sign-in', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
      let text = '';
      res.on('data', (d) => (text += d));
      res.on('end', () => resolve({ status: res.statusCode!, text }));
    });
    req.on('error', reject);
    req.write(body.slice(0, 10));
    setTimeout(() => {
      const exit = s.stop('SIGTERM');
      setTimeout(() => req.end(body.slice(10)), 300);
      void exit;
    }, 300);
  });
  const r = await reply;
  expect(r.status).toBe(401);
  expect(JSON.parse(r.text).code).toBe('auth.invalid_credentials');
  expect(await s.stop()).toBe(0);
  expect(s.output()).toContain('"msg":"stopped"');
  await db.drop();
});

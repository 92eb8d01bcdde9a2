import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { freshDatabase } from './support/product';

// The `vigil` command against a PostgreSQL server, as an IT team would use it.

const drops: (() => Promise<void>)[] = [];
afterAll(async () => { for (const d of drops) await d(); });

function vigil(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, ['bin/vigil.mjs', ...args], { env: { ...process.env, LOG_LEVEL: 'warn', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout + r.stderr };
}

it('migrate, user add --admin, user list and seed behave as documented', async () => {
  const db = await freshDatabase();
  drops.push(db.drop);
  const env = { DATABASE_URL: db.url, VIGIL_DEMO: 'false' };

  const help = vigil(['--help'], env);
  for (const cmd of ['serve', 'worker', 'migrate', 'seed', 'user', 'audit']) expect(help.out).toContain(cmd);

  expect(vigil(['migrate'], env).out).toMatch(/Applied \d+ migration/);
  expect(vigil(['migrate'], env).out).toContain('up to date');

  const add = vigil(['user', 'add', 'jsmith', '--name', 'Jo Smith', '--admin'], env);
  expect(add.code).toBe(0);
  const password = /One-time password: (\S+)/.exec(add.out)![1];

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query("select u.must_change_password, array_agg(r.role) as roles from users u join user_roles r on r.user_id = u.id where username = 'jsmith' group by u.id");
  expect(rows).toEqual([{ must_change_password: true, roles: ['admin'] }]);
  const audit = await client.query("select actor_username from audit_events where action = 'user.created'");
  expect(audit.rows).toEqual([{ actor_username: 'system' }]);
  await client.end();
  expect(password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);

  expect(vigil(['user', 'list'], env).out).toMatch(/jsmith\s+Jo Smith\s+admin/);
  expect(vigil(['user', 'add', 'x1', '--name', 'X', '--role', 'wizard'], env).out).toContain('Unknown role(s): wizard');
  expect(vigil(['seed'], env).out).toContain('nothing seeded');
  const reset = vigil(['seed', '--reset'], env);
  expect(reset.code).toBe(1);
  expect(reset.out).toContain('only runs when VIGIL_DEMO=true');
});

it('seed --reset rebuilds the demo council when VIGIL_DEMO=true', async () => {
  const db = await freshDatabase();
  drops.push(db.drop);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-seed-'));
  drops.push(async () => rmSync(dataDir, { recursive: true, force: true }));
  const env = { DATABASE_URL: db.url, VIGIL_DEMO: 'true', VIGIL_DATA_DIR: dataDir };
  const first = vigil(['seed'], env);
  expect(first.out).toMatch(/admin\s+Administrator/);
  // The one-time passwords are kept, for their owner's eyes only, in the data directory.
  const kept = path.join(dataDir, 'one-time-passwords.txt');
  expect(first.out).toContain(`They are also in ${kept}`);
  expect(statSync(kept).mode & 0o777).toBe(0o600);
  expect(readFileSync(kept, 'utf8')).toContain(`admin\tAdministrator\t${/admin\s+Administrator\s+(\S+)/.exec(first.out)![1]}`);
  const reset = vigil(['seed', '--reset'], env);
  expect(reset.code).toBe(0);
  expect(reset.out).toContain('Database wiped and migrated.');
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const users = await client.query('select count(*)::int as n from users');
  const orgs = await client.query('select name from organisations order by name');
  await client.end();
  expect(users.rows[0].n).toBe(14); // every role, two operators, two patrol officers, two agencies;
  expect(orgs.rows.map((r) => r.name)).toContain('Staffordshire Police');
  const c2 = new pg.Client({ connectionString: db.url });
  await c2.connect();
  const history = await c2.query("select count(*)::int as n, count(*) filter (where status = 'open')::int as open, min(opened_at) as first from occurrences");
  const handovers = await c2.query('select count(*)::int as n, count(*) filter (where acknowledged_at is null)::int as pending from handovers');
  const evidence = await c2.query(`select (select count(*)::int from exhibits) as exhibits,
      (select count(*)::int from exhibit_derivatives where state = 'done') as copies,
      (select count(*)::int from recordings r where not exists (select 1 from exhibit_recordings er where er.recording_id = r.id)) as unassigned,
      (select count(*)::int from continuity_events where kind = 'received' and details ? 'signatureSha256') as signed,
      (select count(*)::int from evidence_releases er join organisations o on o.id = er.organisation_id join evidence_packages p on p.id = er.package_id
        where o.name = 'Staffordshire Police' and p.state = 'done') as released`);
  await c2.end();
  // Exhibits from the footage marks, with copies, a signed hand-over and a package released to the police.
  expect(evidence.rows[0]).toMatchObject({ exhibits: 4, unassigned: 2, signed: 1, released: 1 });
  expect(evidence.rows[0].copies).toBeGreaterThanOrEqual(3);
  // A realistic recent fortnight: about ten a day, a few still open, a handover per shift.
  expect(history.rows[0].n).toBeGreaterThan(80);
  expect(history.rows[0].open).toBeGreaterThan(0);
  expect(Date.now() - new Date(history.rows[0].first).getTime()).toBeGreaterThan(12 * 86_400_000);
  expect(handovers.rows[0].n).toBeGreaterThanOrEqual(26);
  expect(handovers.rows[0].pending).toBe(1);
}, 300_000); // builds the whole demo council twice

it('refuses a command other than serve, migrate and seed where there is no database, and makes none', () => {
  const empty = mkdtempSync(path.join(os.tmpdir(), 'vigil-nodb-'));
  try {
    for (const args of [['audit', 'verify'], ['audit', 'head'], ['user', 'list']]) {
      const r = vigil(args, { VIGIL_DATA_DIR: empty, DATABASE_URL: '' });
      expect(r.code, r.out).not.toBe(0);
      expect(r.out).toContain('There is no Vigil database in');
      expect(r.out).not.toContain('intact');
    }
    expect(existsSync(path.join(empty, 'pg'))).toBe(false);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});

it('answers --help without loading the server, its configuration or a database driver', () => {
  const preload = pathToFileURL(path.resolve('test/support/forbid-server-imports.mjs')).href;
  for (const fromSource of ['false', 'true']) {
    const r = vigil(['--help'], { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --import ${preload}`.trim(), VIGIL_FROM_SOURCE: fromSource });
    expect(r.code, r.out).toBe(0);
    expect(r.out).toContain('Usage: vigil');
  }
  // The guard works: a command that needs the database is stopped by it.
  const guarded = vigil(['audit', 'verify'], { NODE_OPTIONS: `--import ${preload}`, VIGIL_DATA_DIR: os.tmpdir(), DATABASE_URL: '' });
  expect(guarded.code).not.toBe(0);
  expect(guarded.out).toMatch(/vigil --help loaded/);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { connect, type DbHandle } from './db';
import { migrate } from './migrate';
import { APP_ROLE, appRoleUrl, ensureAppRole } from './roles';
import { recordAudit, sealAudit, SYSTEM_ACTOR } from '../audit/audit';
import { testDb, uniq } from '../../../../test/support/deps';
import { freshDatabase, startServerProcess } from '../../../../test/support/product';

// The role the application's queries run as (decision 0006): an ordinary login role that owns
// nothing, so that a query it is tricked into running cannot run programs on the machine, switch
// triggers off or rewrite the audit trail.

const ownerUrl = inject('databaseUrl');
let app: DbHandle;

beforeAll(async () => {
  const appUrl = appRoleUrl(ownerUrl);
  await ensureAppRole({ ownerUrl, appUrl });
  await migrate({ pool: testDb().pool, appRole: APP_ROLE }); // nothing left to apply: the grants
  app = connect({ url: appUrl, max: 2, applicationName: 'vigil-test-app-role' });
});
afterAll(async () => { await app?.close(); });

/** The error a statement run as the application's role fails with (undefined if it succeeds). */
const refusal = (statement: string, values: unknown[] = []) =>
  app.pool.query(statement, values).then(() => undefined, (e: { code?: string; message: string }) => e);

describe("the application's database role", () => {
  it('is not a superuser and may not create roles or databases', async () => {
    const { rows } = await app.pool.query('select current_user as name, rolsuper, rolcreaterole, rolcreatedb, rolreplication, rolbypassrls from pg_roles where rolname = current_user');
    expect(rows).toEqual([{ name: APP_ROLE, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolreplication: false, rolbypassrls: false }]);
  });

  it('may not run a program on the machine with COPY … FROM PROGRAM', async () => {
    const client = await app.pool.connect();
    try {
      await client.query('create temporary table copied (line text)');
      const err = await client.query("copy copied from program 'id'").then(() => undefined, (e: { code?: string }) => e);
      expect(err?.code).toBe('42501');
    } finally {
      client.release();
    }
  });

  it('may not switch triggers off or alter the audit tables', async () => {
    for (const statement of [
      'alter table audit_pending disable trigger all',
      'alter table audit_events disable trigger audit_events_append_only',
      'set session_replication_role = replica',
      'alter table audit_events add column note text',
      'drop trigger audit_pending_delete_only_sealed on audit_pending',
      'create function public.sha256(text) returns bytea language sql as $$ select null::bytea $$',
      'create table public.planted (x int)',
    ]) expect((await refusal(statement))?.code, statement).toBe('42501');
  });

  it('cannot remove an unsealed event, with or without the variable the sealer once set, nor change a sealed one', async () => {
    const { id } = await recordAudit(app.db, SYSTEM_ACTOR, { action: uniq('test.app-role') });
    expect((await refusal('delete from audit_pending where id = $1', [id]))?.code).toBe('42501');
    const client = await app.pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('vigil.audit_sealing', 'on', true)");
      const err = await client.query('delete from audit_pending where id = $1', [id]).then(() => undefined, (e: { code?: string }) => e);
      await client.query('rollback');
      expect(err?.code).toBe('42501');
    } finally {
      client.release();
    }
    expect((await refusal('truncate audit_pending'))?.code).toBe('42501');

    // The sealer still works under this role, and what it sealed stays as it is.
    await sealAudit(app.db);
    const sealed = await app.db.selectFrom('audit_events').select('seq').where('id', '=', id).executeTakeFirstOrThrow();
    expect((await refusal("update audit_events set action = 'x' where seq = $1", [sealed.seq]))?.code).toBe('42501');
    expect((await refusal('delete from audit_events where seq = $1', [sealed.seq]))?.code).toBe('42501');
    expect((await refusal("insert into audit_events (seq, at, action, outcome, content_hash, prev_hash, hash) values (0, now(), 'x', 'success', '', '', '')"))?.code).toBe('42501');
    expect((await refusal("delete from schema_migrations where version = '0001'"))?.code).toBe('42501');
  });

  it('can do what the product does: write its tables', async () => {
    const org = await app.db.insertInto('organisations').values({ name: uniq('Role Council'), kind: 'council', is_external: false }).returning('id').executeTakeFirstOrThrow();
    await app.db.updateTable('organisations').set({ name: uniq('Renamed Council') }).where('id', '=', org.id).execute();
    await app.db.deleteFrom('organisations').where('id', '=', org.id).execute();
    // The housekeeping every server process runs beside its work.
    for (const statement of ['select live_drain()', 'select occurrence_search_refresh(100)', 'select audit_seal(100, false)']) {
      expect(await refusal(statement), statement).toBeUndefined();
    }
  });

  it('is the role a server process runs its queries as', async () => {
    const db = await freshDatabase();
    const server = await startServerProcess({ databaseUrl: db.url });
    try {
      expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      const { rows } = await client.query("select distinct usename from pg_stat_activity where datname = current_database() and application_name like 'vigil-serve-%'");
      await client.end();
      expect(rows).toEqual([{ usename: APP_ROLE }]);
    } finally {
      await server.stop();
      await db.drop();
    }
  });
});

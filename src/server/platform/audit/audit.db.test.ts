import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ownDatabase } from '../../../../test/support/product';
import { testConfig, testDb, uniq } from '../../../../test/support/deps';
import type { Deps } from '../deps';
import { createObjectStore } from '../storage';
import { JOB_DEFINITIONS } from '../../jobs';
import { anchorAuditHead, anchorAuditHeadJob } from './audit.jobs';
import type { DbHandle } from '../db/db';
import { GENESIS_HASH } from './audit.hash';
import { SYSTEM_ACTOR, recordAudit, sealAudit, startAuditSealer, type AuditActor } from './audit';
import { getAuditHead, verifyAuditChain } from './audit.repository';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const actor: AuditActor = { actorId: null, actorUsername: 'audit-test', ip: '198.51.100.7', userAgent: 'vitest' };

// Tampering breaks the chain for every test after it, and exact sequence numbers need nobody else
// writing: those tests run on a database of their own (ownDatabase).

describe('on the shared database', () => {
  const { db } = testDb();

  it('chains each event to the one before it, in the order written, once sealed', async () => {
    const action = uniq('test.chained');
    const written = await db.transaction().execute(async (trx) => {
      const out = [];
      for (let i = 0; i < 3; i++) out.push(await recordAudit(trx, actor, { action, details: { i } }));
      return out;
    });
    await sealAudit(db);
    const rows = await db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq').execute();
    expect(rows.map((r) => r.id)).toEqual(written.map((w) => w.id));
    expect(await db.selectFrom('audit_pending').select('id').where('id', 'in', written.map((w) => w.id)).execute()).toEqual([]);
    for (const r of rows) {
      // Other tests write to the shared trail at the same time: the link is to whatever came just before.
      const before = await db.selectFrom('audit_events').select('hash').where('seq', '=', String(BigInt(r.seq) - 1n)).executeTakeFirst();
      expect(r.prev_hash).toBe(before?.hash ?? GENESIS_HASH);
    }
    expect(rows.map((r) => r.details)).toEqual([{ i: 0 }, { i: 1 }, { i: 2 }]);
    expect(rows[0]).toMatchObject({ actor_username: 'audit-test', ip: '198.51.100.7', user_agent: 'vitest', outcome: 'success' });
  });

  it('keeps a pending event as untouchable as a sealed one', async () => {
    const { id } = await recordAudit(db, actor, { action: uniq('test.pending') });
    for (const statement of [`update audit_pending set action = 'x' where id = '${id}'`, `delete from audit_pending where id = '${id}'`]) {
      const err = await sql.raw(statement).execute(db).then(() => undefined, (e: { message: string }) => e);
      expect(err?.message).toMatch(/^audit_pending is append-only: (UPDATE refused|only events already sealed)/);
    }
    await sealAudit(db);
    expect(await db.selectFrom('audit_events').select('id').where('id', '=', id).execute()).toHaveLength(1);
  });

  it('keeps an unsealed event even from a session that sets the variable the sealer once set', async () => {
    const { id } = await recordAudit(db, actor, { action: uniq('test.pending-guc') });
    const client = await testDb().pool.connect();
    try {
      await client.query('begin');
      await client.query("select set_config('vigil.audit_sealing', 'on', true)");
      const err = await client.query('delete from audit_pending where id = $1', [id]).then(() => undefined, (e: { message: string }) => e);
      await client.query('rollback');
      expect(err?.message).toMatch(/^audit_pending is append-only/);
    } finally {
      client.release();
    }
    await sealAudit(db);
    expect(await db.selectFrom('audit_events').select('id').where('id', '=', id).execute()).toHaveLength(1);
  });

  it('is sealed in the background without anyone asking', async () => {
    const sealer = startAuditSealer({ db, log: { error: () => undefined }, everyMs: 20 });
    try {
      const { id } = await recordAudit(db, actor, { action: uniq('test.background') });
      await expect.poll(async () => (await db.selectFrom('audit_events').select('id').where('id', '=', id).execute()).length, { timeout: 5_000 }).toBe(1);
    } finally {
      await sealer.stop();
    }
  });

  it('rolls back with the transaction that wrote it', async () => {
    const action = uniq('test.rolled-back');
    await expect(db.transaction().execute(async (trx) => {
      await recordAudit(trx, actor, { action });
      throw new Error('the change failed');
    })).rejects.toThrow('the change failed');
    await sealAudit(db);
    expect(await db.selectFrom('audit_events').select('seq').where('action', '=', action).execute()).toEqual([]);
  });

  it('keeps the shared chain intact', async () => {
    await recordAudit(db, actor, { action: uniq('test.verify'), details: { nested: { b: 2, a: [1, 'x'] } } });
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true });
  });
});

describe('on a database of its own', () => {
  let own: Awaited<ReturnType<typeof ownDatabase>>;
  beforeAll(async () => { own = await ownDatabase(); });
  afterAll(async () => { await own?.drop(); });

  it('gives 50 concurrent writers 50 consecutive sequence numbers and an intact chain', async () => {
    await Promise.all(Array.from({ length: 50 }, (_, i) => recordAudit(own.db, actor, { action: 'test.concurrent', details: { i } })));
    expect(await sealAudit(own.db)).toBe(50);
    const seqs = (await own.db.selectFrom('audit_events').select('seq').where('action', '=', 'test.concurrent').execute()).map((r) => Number(r.seq)).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(await verifyAuditChain(own.db)).toEqual({ ok: true, checked: 50 });
    const first = await own.db.selectFrom('audit_events').select('prev_hash').where('seq', '=', '1').executeTakeFirstOrThrow();
    expect(first.prev_hash).toBe(GENESIS_HASH);
  });

  it('verifies an event whose details held a Date (hashed as the ISO string jsonb keeps)', async () => {
    const when = new Date('2026-03-01T09:30:00.000Z');
    const { id } = await recordAudit(own.db, SYSTEM_ACTOR, { action: 'audit.exported', details: { filter: { from: when, to: undefined } } });
    await sealAudit(own.db);
    const row = await own.db.selectFrom('audit_events').select('details').where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.details).toEqual({ filter: { from: '2026-03-01T09:30:00.000Z' } });
    expect(await verifyAuditChain(own.db)).toMatchObject({ ok: true });
  });

  it.each([
    ['UPDATE', "update audit_events set details = '{\"x\":1}' where seq = 1"],
    ['DELETE', 'delete from audit_events where seq = 1'],
    ['TRUNCATE', 'truncate audit_events'],
  ])('refuses %s through SQL', async (op, statement) => {
    const err = await own.pool.query(statement).then(() => undefined, (e: { code?: string; message: string }) => e);
    expect(err?.message).toBe(`audit_events is append-only: ${op} refused`);
    expect(err?.code).toBe('42501');
    expect(await verifyAuditChain(own.db)).toMatchObject({ ok: true });
  });
});

describe('tampering', () => {
  let own: Awaited<ReturnType<typeof ownDatabase>>;
  beforeAll(async () => { own = await ownDatabase(); });
  afterAll(async () => { await own?.drop(); });

  /** Runs SQL with the append-only trigger off, as someone with the database password could. */
  const tamper = (db: DbHandle, statement: string) => db.pool.query(
    `begin; alter table audit_events disable trigger audit_events_append_only; ${statement}; alter table audit_events enable trigger audit_events_append_only; commit;`,
  );

  const cli = () => spawnSync(process.execPath, ['bin/vigil.mjs', 'audit', 'verify'], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, DATABASE_URL: own.url, VIGIL_DEMO: 'false', LOG_LEVEL: 'warn' },
  });

  it('is found: an altered event, then a removed one, each named by seq (library and CLI)', async () => {
    for (let i = 1; i <= 8; i++) await recordAudit(own.db, actor, { action: 'test.tamper', recordType: 'user', recordId: `r${i}`, details: { i, note: 'original' } });
    expect(await verifyAuditChain(own.db)).toEqual({ ok: true, checked: 8 });

    const intact = cli();
    expect(intact.stderr).toBe('');
    expect(intact.status).toBe(0);
    expect(intact.stdout).toContain('Audit trail intact: 8 event(s) checked.');

    const original = (await own.pool.query('select details from audit_events where seq = 3')).rows[0].details;
    await tamper(own, `update audit_events set details = '{"x":1}' where seq = 3`);
    expect(await verifyAuditChain(own.db)).toEqual({ ok: false, checked: 2, firstBroken: { seq: '3', reason: 'content does not match its hash: the event was altered' } });

    const altered = cli();
    expect(altered.status).toBe(1);
    expect(altered.stdout).toContain('Audit trail BROKEN at event 3: content does not match its hash');
    expect(altered.stdout).toContain('2 event(s) before it are intact.');

    // Put the content back exactly: the chain verifies again, so it was the content that was caught.
    await tamper(own, `update audit_events set details = '${JSON.stringify(original)}' where seq = 3`);
    expect(await verifyAuditChain(own.db)).toEqual({ ok: true, checked: 8 });

    await tamper(own, 'delete from audit_events where seq = 5');
    expect(await verifyAuditChain(own.db)).toEqual({ ok: false, checked: 4, firstBroken: { seq: '6', reason: 'sequence jumps from 4 to 6: event(s) missing' } });
    const gap = cli();
    expect(gap.status).toBe(1);
    expect(gap.stdout).toContain('Audit trail BROKEN at event 6: sequence jumps from 4 to 6');

    // The trigger is back on after tampering.
    await expect(sql`delete from audit_events where seq = 1`.execute(own.db)).rejects.toThrow(/append-only/);
  });
});

describe('the external anchor', () => {
  let own: Awaited<ReturnType<typeof ownDatabase>>;
  beforeAll(async () => { own = await ownDatabase(); });
  afterAll(async () => { await own?.drop(); });

  const vigil = (...args: string[]) => spawnSync(process.execPath, ['bin/vigil.mjs', 'audit', ...args], {
    cwd: ROOT, encoding: 'utf8', timeout: 60_000,
    env: { ...process.env, DATABASE_URL: own.url, VIGIL_DEMO: 'false', LOG_LEVEL: 'warn' },
  });

  it('finds the newest events removed since `vigil audit head` was kept, which the chain alone cannot', async () => {
    for (let i = 1; i <= 6; i++) await recordAudit(own.db, actor, { action: 'test.anchor', details: { i } });
    const printed = vigil('head');
    expect(printed.stderr).toBe('');
    const head = printed.stdout.trim();
    expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);
    const [seq, hash] = head.split(':');
    expect((await own.pool.query('select hash from audit_events where seq = $1', [seq])).rows).toEqual([{ hash }]);

    const before = vigil('verify', '--head', head);
    expect(before.status).toBe(0);
    expect(before.stdout).toContain(`still reaches the recorded head ${seq}`);

    // Someone with the owner's password removes the newest two events: what is left is a valid chain.
    await own.pool.query(`begin; alter table audit_events disable trigger audit_events_append_only;
      delete from audit_events where seq > ${Number(seq) - 2};
      alter table audit_events enable trigger audit_events_append_only; commit;`);
    expect(vigil('verify').status).toBe(0);
    const after = vigil('verify', '--head', head);
    expect(after.status).toBe(1);
    expect(after.stdout).toContain(`Audit trail BROKEN at event ${seq}: the trail ends at event ${Number(seq) - 2} but event ${seq} was recorded as its head`);

    const wrong = vigil('verify', '--head', `${Number(seq) - 2}:${'a'.repeat(64)}`);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('does not have the hash recorded for it');
    const junk = vigil('verify', '--head', 'yesterday');
    expect(junk.status).toBe(1);
    expect(junk.stderr).toContain('--head takes the SEQ:HASH');
  });

  it('is written every day to the log and, write-once, to the object store', async () => {
    await recordAudit(own.db, actor, { action: 'test.anchor-job' });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'vigil-anchor-'));
    const lines: object[] = [];
    const log = { info: (obj: object) => lines.push(obj) } as unknown as Deps['log'];
    try {
      const config = testConfig({ dataDir });
      const deps = { db: own.db, config, clock: { now: () => new Date() }, log, storage: createObjectStore({ config }) };
      const { head, object } = await anchorAuditHead(deps);
      expect(head).toEqual(await getAuditHead(own.db));
      const file = path.join(dataDir, 'objects', object.slice(0, 2), object.slice(2, 4), object);
      expect(statSync(file).mode & 0o222).toBe(0); // write-once: nobody may write to it
      const stored = JSON.parse(readFileSync(file, 'utf8'));
      expect(stored).toMatchObject({ kind: 'vigil.audit-head', head: `${head.seq}:${head.hash}`, seq: head.seq, hash: head.hash });
      expect(lines).toEqual([expect.objectContaining({ auditHead: `${head.seq}:${head.hash}`, object })]);
      expect(anchorAuditHeadJob).toMatchObject({ name: 'audit.anchor-head', cron: expect.stringMatching(/^\d+ \d+ \* \* \*$/) });
      expect(JOB_DEFINITIONS).toContain(anchorAuditHeadJob);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { Hono } from 'hono';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, silentLog, testDeps, uniq } from '../../../../test/support/deps';
import type { Role } from '../auth/permissions';
import * as occ from '../../modules/occurrences/occurrences.usecases';
import { idempotency } from './idempotency';
import { claimKey, removeExpiredKeys } from './idempotency.repository';
import type { AppEnv, SessionInfo } from './route';

// Idempotency-Key on every write under /api/v1: a write is carried out once per user and key, a
// repeat gets the first reply, a different request with the key is refused, and a failure gives the
// key back. Shown on the occurrence log, the reference module, whose entries nothing can delete.

const deps = testDeps();
const { app } = testApp(deps);
const newIp = () => { const b = randomBytes(3); return `10.${b[0]}.${b[1]}.${b[2]}`; };

async function signedIn(roles: Role[] = ['operator']) {
  const user = await makeUser(deps, { roles });
  const client = new ApiClient(app, newIp());
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}

let asb: string;
beforeAll(async () => {
  asb = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
});

async function anOccurrence() {
  const u = await makeUser(deps, { roles: ['operator'] });
  const actor = { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
  return occ.openOccurrence(deps, { actor, input: { source: 'camera_patrol', categoryId: asb, priority: 'normal', summary: 'Youths on the bandstand roof' } });
}

const entriesSaying = async (occurrenceId: string, body: string) =>
  (await deps.db.selectFrom('occurrence_entries').select('id').where('occurrence_id', '=', occurrenceId).where('body', '=', body).execute()).length;

const withKey = (key: string) => ({ 'idempotency-key': key });

describe('a write with an Idempotency-Key', () => {
  it('is carried out once: the repeat gets the first reply (status and body) and records nothing more', async () => {
    const { client } = await signedIn();
    const o = await anOccurrence();
    const key = randomUUID();
    const body = { kind: 'observation', body: uniq('Two groups squaring up') };
    const first = await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, body, withKey(key));
    expect(first.status, first.text).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const again = await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, body, withKey(key));
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect(again.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await entriesSaying(o.id, body.body)).toBe(1);
  });

  it('refuses the same key on a different request (422), and on another path', async () => {
    const { client } = await signedIn();
    const o = await anOccurrence();
    const key = randomUUID();
    expect((await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, { body: 'First words' }, withKey(key))).status).toBe(201);
    const changed = await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, { body: 'Other words' }, withKey(key));
    expect(changed.status).toBe(422);
    expect(changed.body.code).toBe('idempotency.key_reused');
    expect(changed.body.detail).toContain('different request');
    const elsewhere = await client.request('POST', `/api/v1/occurrences/${o.id}/notifications`, { agency: 'police' }, withKey(key));
    expect(elsewhere.status).toBe(422);
    expect(await entriesSaying(o.id, 'Other words')).toBe(0);
  });

  it('is not used up by a request that failed: the same key works once the request is right', async () => {
    const { client } = await signedIn();
    const o = await anOccurrence();
    const key = randomUUID();
    const text = uniq('Man in a red coat');
    // Refused at the edge (400), then by the use case (404): neither keeps the key.
    expect((await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, { body: text, kind: 'gossip' }, withKey(key))).status).toBe(400);
    expect((await client.request('POST', `/api/v1/occurrences/${randomUUID()}/entries`, { body: text }, withKey(key))).status).toBe(404);
    const ok = await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, { body: text }, withKey(key));
    expect(ok.status, ok.text).toBe(201);
    expect(await entriesSaying(o.id, text)).toBe(1);
  });

  it('two identical requests sent at once record one entry, and both get its reply', async () => {
    const { client } = await signedIn();
    const o = await anOccurrence();
    const key = randomUUID();
    const body = { body: uniq('Ctrl+Enter, twice') };
    const replies = await Promise.all([0, 1, 2].map(() => client.request('POST', `/api/v1/occurrences/${o.id}/entries`, body, withKey(key))));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201]);
    expect(new Set(replies.map((r) => r.text)).size).toBe(1);
    expect(await entriesSaying(o.id, body.body)).toBe(1);
  });

  it('belongs to the user: another user with the same key writes their own', async () => {
    const a = await signedIn();
    const b = await signedIn();
    const o = await anOccurrence();
    const key = randomUUID();
    const body = { body: uniq('Same words, two operators') };
    expect((await a.client.request('POST', `/api/v1/occurrences/${o.id}/entries`, body, withKey(key))).status).toBe(201);
    const other = await b.client.request('POST', `/api/v1/occurrences/${o.id}/entries`, body, withKey(key));
    expect(other.status).toBe(201);
    expect(other.headers.get('idempotent-replayed')).toBeNull();
    expect(await entriesSaying(o.id, body.body)).toBe(2);
  });

  it('without the header, each request is a write of its own (API clients, the command line)', async () => {
    const { client } = await signedIn();
    const o = await anOccurrence();
    const body = { body: uniq('Said twice on purpose') };
    expect((await client.post(`/api/v1/occurrences/${o.id}/entries`, body)).status).toBe(201);
    expect((await client.post(`/api/v1/occurrences/${o.id}/entries`, body)).status).toBe(201);
    expect(await entriesSaying(o.id, body.body)).toBe(2);
  });

  it('refuses a key that is not printable text (400)', async () => {
    const { client } = await signedIn();
    const o = await anOccurrence();
    const r = await client.request('POST', `/api/v1/occurrences/${o.id}/entries`, { body: 'x' }, withKey('has spaces in it'));
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('idempotency.invalid_key');
  });

  it('does not keep a reply that holds a secret: a repeat of a password reset runs again, and nothing is stored', async () => {
    const { client } = await signedIn(['admin']);
    const target = await makeUser(deps, { roles: ['operator'] });
    const key = randomUUID();
    const first = await client.request('POST', `/api/v1/users/${target.id}/reset-password`, undefined, withKey(key));
    const second = await client.request('POST', `/api/v1/users/${target.id}/reset-password`, undefined, withKey(key));
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.oneTimePassword).not.toBe(first.body.oneTimePassword);
    expect(await deps.db.selectFrom('idempotency_keys').select('key').where('key', '=', key).execute()).toEqual([]);
  });
});

describe('a repeat while the first is still running', () => {
  /** The middleware alone, before a write that waits for the test to let it finish. */
  async function blockingWrite({ waitMs }: { waitMs?: number } = {}) {
    const user = await makeUser(deps, { roles: ['operator'] });
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const w = new Hono<AppEnv>();
    w.use('*', async (c, next) => { c.set('log', silentLog); c.set('session', { userId: user.id } as SessionInfo); await next(); });
    w.use('*', idempotency({ db: deps.db, waitMs }));
    w.post('/write', async (c) => { runs += 1; await gate; return c.json({ run: runs }, 201); });
    const key = randomUUID();
    const send = () => w.request('/write', { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': key }, body: '{"a":1}' });
    const claimed = async () => {
      for (;;) {
        const row = await deps.db.selectFrom('idempotency_keys').select('status').where('user_id', '=', user.id).where('key', '=', key).executeTakeFirst();
        if (row) return;
        await new Promise((r) => setTimeout(r, 10));
      }
    };
    return { send, claimed, release, runs: () => runs };
  }

  it('waits for the first and gets its reply; the write runs once', async () => {
    const w = await blockingWrite();
    const first = w.send();
    await w.claimed();
    const second = w.send();
    w.release();
    const [a, b] = await Promise.all([first, second]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(await b.json()).toEqual({ run: 1 });
    expect(b.headers.get('idempotent-replayed')).toBe('true');
    expect(w.runs()).toBe(1);
  });

  it('gets a clear 409 if the first is still running when its wait is over, and the reply once it has finished', async () => {
    const w = await blockingWrite({ waitMs: 0 });
    const first = w.send();
    await w.claimed();
    const early = await w.send();
    expect(early.status).toBe(409);
    expect(early.headers.get('retry-after')).toBe('1');
    expect(((await early.json()) as { code: string }).code).toBe('idempotency.in_progress');
    w.release();
    expect((await first).status).toBe(201);
    const later = await w.send();
    expect(later.status).toBe(201);
    expect(later.headers.get('idempotent-replayed')).toBe('true');
    expect(w.runs()).toBe(1);
  });
});

describe('keys expire', () => {
  it('housekeeping removes keys after 24 hours, and an expired key is taken afresh', async () => {
    const user = await makeUser(deps, { roles: ['operator'] });
    const old = { userId: user.id, key: randomUUID() };
    const recent = { userId: user.id, key: randomUUID() };
    for (const k of [old, recent]) expect(await claimKey(deps.db, { ...k, requestHash: 'a', method: 'POST', path: '/x' })).toBe(true);
    await deps.db.updateTable('idempotency_keys').set({ status: 201, created_at: sql<Date>`now() - interval '25 hours'` }).where('key', '=', old.key).execute();
    await deps.db.updateTable('idempotency_keys').set({ status: 201 }).where('key', '=', recent.key).execute();
    expect(await claimKey(deps.db, { ...recent, requestHash: 'b', method: 'POST', path: '/x' })).toBe(false);
    expect(await claimKey(deps.db, { ...old, requestHash: 'b', method: 'POST', path: '/x' })).toBe(true);
    await deps.db.updateTable('idempotency_keys').set({ created_at: sql<Date>`now() - interval '25 hours'` }).where('key', '=', old.key).execute();
    expect(await removeExpiredKeys(deps.db)).toBeGreaterThanOrEqual(1);
    const left = await deps.db.selectFrom('idempotency_keys').select('key').where('user_id', '=', user.id).execute();
    expect(left.map((r) => r.key)).toEqual([recent.key]);
  });
});

import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { freshDatabase, startServerProcess, type ServerProcess } from './support/product';

// Two server processes on one database: an entry written through one reaches a browser listening
// on the other (Server-Sent Events fed by LISTEN/NOTIFY) within a second. Nothing is missed when a
// connection drops: the server's LISTEN connection (replayed once it listens again), or the
// browser's stream (replayed after its Last-Event-ID).

const running: ServerProcess[] = [];
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop('SIGKILL')));
  for (const c of cleanups) await c();
});

async function signIn(url: string, username: string, password: string) {
  const r = await fetch(`${url}/api/v1/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  const cookie = /vigil_session=[^;]+/.exec(r.headers.get('set-cookie') ?? '')![0];
  const { csrfToken } = await r.json();
  return { cookie, csrf: csrfToken as string };
}

/** Opens the live stream and returns a way to wait for text in it (false on timeout; `ended` once the server closes it). */
async function openStream(url: string, cookie: string, signal: AbortSignal, headers: Record<string, string> = {}) {
  const live = await fetch(`${url}/api/v1/occurrences/live`, { headers: { cookie, accept: 'text/event-stream', ...headers }, signal });
  expect(live.headers.get('content-type')).toContain('text/event-stream');
  const reader = live.body!.getReader();
  const decoder = new TextDecoder();
  const state = { received: '', ended: false };
  // One read in flight at a time: a read abandoned on timeout would swallow the next chunk.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  const waitFor = async (pattern: RegExp, ms: number) => {
    const until = Date.now() + ms;
    while (!pattern.test(state.received)) {
      const left = until - Date.now();
      if (left <= 0 || state.ended) return false;
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk) {
        pending = undefined;
        if (chunk.done) state.ended = true;
        else state.received += decoder.decode(chunk.value);
      }
    }
    return true;
  };
  return { waitFor, state, clear: () => { state.received = ''; } };
}

async function liveUser(databaseUrl: string, username: string, password: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  client.on('error', () => undefined); // the database is dropped under it if a test fails first
  await client.connect();
  const org = await client.query("insert into organisations (name, kind, is_external) values ($1, 'council', false) returning id", [`${username} council`]);
  const user = await client.query("insert into users (username, display_name, organisation_id, password_hash, must_change_password) values ($1, 'Live Operator', $2, $3, false) returning id", [username, org.rows[0].id, await hashPassword(password)]);
  // A role without compulsory MFA in this database's policy, so password sign-in is enough here.
  await client.query("update settings set value = '[]' where key = 'auth.mfa_required_roles'");
  await client.query("insert into user_roles (user_id, role) values ($1, 'operator')", [user.rows[0].id]);
  return { client, userId: user.rows[0].id as string };
}

it('a live stream ends within a second of its user being deactivated, or of signing out', async () => {
  const db = await freshDatabase();
  cleanups.push(db.drop);
  const server = await startServerProcess({ databaseUrl: db.url });
  running.push(server);
  const password = 'marble orchard kettle';
  const { client, userId } = await liveUser(db.url, 'deactivated', password);

  const controller = new AbortController();
  const first = await openStream(server.url, (await signIn(server.url, 'deactivated', password)).cookie, controller.signal);
  expect(await first.waitFor(/event: ready/, 5000)).toBe(true);
  const other = await signIn(server.url, 'deactivated', password);
  const second = await openStream(server.url, other.cookie, controller.signal);
  expect(await second.waitFor(/event: ready/, 5000)).toBe(true);

  await fetch(`${server.url}/api/v1/auth/sign-out`, { method: 'POST', headers: { cookie: other.cookie, 'x-csrf-token': other.csrf } });
  expect(await second.waitFor(/event: signed-out/, 1000), second.state.received).toBe(true);
  expect(first.state.received).not.toContain('signed-out');

  await client.query('update users set is_active = false where id = $1', [userId]);
  const started = Date.now();
  expect(await first.waitFor(/event: signed-out/, 1000), first.state.received).toBe(true);
  expect(Date.now() - started).toBeLessThan(1000);
  controller.abort();
  await client.end();
});

it('an entry added through one server process is pushed to a listener on another within a second', async () => {
  const db = await freshDatabase();
  cleanups.push(db.drop);
  const [a, b] = await Promise.all([startServerProcess({ databaseUrl: db.url }), startServerProcess({ databaseUrl: db.url })]);
  running.push(a, b);

  const password = 'marble orchard kettle';
  const { client } = await liveUser(db.url, 'liveop', password);
  const category = await client.query("select id from occurrence_categories where key = 'asb'");
  await client.end();

  const onA = await signIn(a.url, 'liveop', password);
  const onB = await signIn(b.url, 'liveop', password);

  const controller = new AbortController();
  const { waitFor, clear, state } = await openStream(b.url, onB.cookie, controller.signal);
  expect(await waitFor(/event: ready/, 5000)).toBe(true);

  const write = (path: string, body: unknown) => fetch(`${a.url}${path}`, { method: 'POST', headers: { cookie: onA.cookie, 'x-csrf-token': onA.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const opened = await (await write('/api/v1/occurrences', { source: 'camera_patrol', categoryId: category.rows[0].id, summary: 'Group on Station Street' })).json();
  expect(opened.reference, JSON.stringify(opened)).toMatch(/^OCC-/);
  expect(await waitFor(new RegExp(`"occurrenceId":"${opened.id}"`), 1000), state.received).toBe(true);

  clear();
  const entry = await (await write(`/api/v1/occurrences/${opened.id}/entries`, { body: 'Group dispersing towards the station' })).json();
  expect(await waitFor(new RegExp(`"entryId":"${entry.id}"`), 1000)).toBe(true);
  controller.abort();
});

/** One server process, an operator signed in, and a way to open an occurrence and add entries through the API. */
async function oneServer(username: string) {
  const db = await freshDatabase();
  cleanups.push(db.drop);
  const server = await startServerProcess({ databaseUrl: db.url });
  running.push(server);
  const password = 'marble orchard kettle';
  const { client } = await liveUser(db.url, username, password);
  cleanups.push(() => client.end());
  const category = await client.query("select id from occurrence_categories where key = 'asb'");
  const session = await signIn(server.url, username, password);
  const write = async (path: string, body: unknown) => (await fetch(`${server.url}${path}`, { method: 'POST', headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) })).json();
  const occurrence = await write('/api/v1/occurrences', { source: 'camera_patrol', categoryId: category.rows[0].id, summary: 'Shoplifter seen on Market Street' });
  const addEntry = (body: string) => write(`/api/v1/occurrences/${occurrence.id}/entries`, { body });
  return { server, client, session, addEntry };
}

it('an entry made while the server had lost its LISTEN connection still reaches the browser once it listens again', async () => {
  const { server, client, session, addEntry } = await oneServer('gapop');
  const controller = new AbortController();
  const { waitFor, state } = await openStream(server.url, session.cookie, controller.signal);
  expect(await waitFor(/event: ready/, 5000)).toBe(true);

  const listeners = "select pid from pg_stat_activity where datname = current_database() and application_name like 'vigil-listen-%'";
  const killed = await client.query(`select pg_terminate_backend(pid) as done from (${listeners}) l`);
  expect(killed.rows).toEqual([{ done: true }]);
  // The stream says it is not live (the browser shows "Reconnecting…").
  expect(await waitFor(/event: waiting/, 2000), state.received).toBe(true);

  // Keep the gap open however slow the machine: any LISTEN connection that comes back is ended again
  // until the entry has been sent (the outbox drained) to nobody in that process.
  let gap = true;
  const keepingGap = (async () => {
    while (gap) {
      await client.query(`select pg_terminate_backend(pid) from (${listeners}) l`);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const entry = await addEntry('Suspect left towards the bus station');
  await expect.poll(async () => Number((await client.query('select count(*) as n from live_outbox')).rows[0].n), { timeout: 10_000, interval: 20 }).toBe(0);
  gap = false;
  await keepingGap;

  expect(await waitFor(new RegExp(`"entryId":"${entry.id}"`), 5000), state.received).toBe(true);
  expect(state.received).toMatch(/event: ready\ndata: \{"retryMs":3000,"caughtUp":true\}/);
  controller.abort();
});

it('a browser that reconnects with the Last-Event-ID it had is sent what it missed; one too far behind is told to reload', async () => {
  const { server, session, addEntry } = await oneServer('resumeop');
  const first = new AbortController();
  const before = await openStream(server.url, session.cookie, first.signal);
  expect(await before.waitFor(/event: ready\n[^]*?id: \d+/, 5000), before.state.received).toBe(true);
  expect(before.state.received).toContain('"caughtUp":false'); // a new stream: nothing to replay
  const lastEventId = /id: (\d+)/.exec(before.state.received)![1];
  first.abort(); // the stream drops

  const entry = await addEntry('Store detective has the suspect');
  await new Promise((r) => setTimeout(r, 300)); // sent to nobody

  const second = new AbortController();
  const after = await openStream(server.url, session.cookie, second.signal, { 'last-event-id': lastEventId });
  expect(await after.waitFor(/event: ready/, 5000)).toBe(true);
  expect(after.state.received).toMatch(new RegExp(`event: occurrence\ndata: .*"entryId":"${entry.id}".*\nid: \\d+\n`));
  expect(after.state.received).toContain('"caughtUp":true');
  second.abort();

  const third = new AbortController();
  const unknown = await openStream(server.url, session.cookie, third.signal, { 'last-event-id': '999999999' });
  expect(await unknown.waitFor(/event: ready/, 5000)).toBe(true);
  expect(unknown.state.received).toContain('"caughtUp":false');
  third.abort();
});

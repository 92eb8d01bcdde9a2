import { afterAll, expect, it } from 'vitest';
import pg from 'pg';
import { hashPassword } from '../src/server/platform/auth/passwords';
import { freshDatabase, startServerProcess, type ServerProcess } from './support/product';

// Two server processes on one database: an entry written through one reaches a browser listening
// on the other (Server-Sent Events fed by LISTEN/NOTIFY) within a second.

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

it('an entry added through one server process is pushed to a listener on another within a second', async () => {
  const db = await freshDatabase();
  cleanups.push(db.drop);
  const [a, b] = await Promise.all([startServerProcess({ databaseUrl: db.url }), startServerProcess({ databaseUrl: db.url })]);
  running.push(a, b);

  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const org = await client.query("insert into organisations (name, kind, is_external) values ('Live Council', 'council', false) returning id");
  const password = 'marble orchard kettle';
  const user = await client.query("insert into users (username, display_name, organisation_id, password_hash, must_change_password) values ('liveop', 'Live Operator', $1, $2, false) returning id", [org.rows[0].id, await hashPassword(password)]);
  // A role without compulsory MFA in this database's policy, so password sign-in is enough here.
  await client.query("update settings set value = '[]' where key = 'auth.mfa_required_roles'");
  await client.query("insert into user_roles (user_id, role) values ($1, 'operator')", [user.rows[0].id]);
  const category = await client.query("select id from occurrence_categories where key = 'asb'");
  await client.end();

  const onA = await signIn(a.url, 'liveop', password);
  const onB = await signIn(b.url, 'liveop', password);

  const controller = new AbortController();
  const live = await fetch(`${b.url}/api/v1/occurrences/live`, { headers: { cookie: onB.cookie, accept: 'text/event-stream' }, signal: controller.signal });
  expect(live.headers.get('content-type')).toContain('text/event-stream');
  const reader = live.body!.getReader();
  const decoder = new TextDecoder();
  let received = '';
  // One read in flight at a time: a read abandoned on timeout would swallow the next chunk.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | undefined;
  const waitFor = async (pattern: RegExp, ms: number) => {
    const until = Date.now() + ms;
    while (!pattern.test(received)) {
      const left = until - Date.now();
      if (left <= 0) return false;
      pending ??= reader.read();
      const chunk = await Promise.race([pending, new Promise<null>((r) => setTimeout(() => r(null), left))]);
      if (chunk) {
        pending = undefined;
        if (!chunk.done) received += decoder.decode(chunk.value);
      }
    }
    return true;
  };
  expect(await waitFor(/event: ready/, 5000)).toBe(true);

  const write = (path: string, body: unknown) => fetch(`${a.url}${path}`, { method: 'POST', headers: { cookie: onA.cookie, 'x-csrf-token': onA.csrf, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const opened = await (await write('/api/v1/occurrences', { source: 'camera_patrol', categoryId: category.rows[0].id, summary: 'Group on Station Street' })).json();
  expect(opened.reference, JSON.stringify(opened)).toMatch(/^OCC-/);
  expect(await waitFor(new RegExp(`"occurrenceId":"${opened.id}"`), 1000), received).toBe(true);

  received = '';
  const entry = await (await write(`/api/v1/occurrences/${opened.id}/entries`, { body: 'Group dispersing towards the station' })).json();
  expect(await waitFor(new RegExp(`"entryId":"${entry.id}"`), 1000)).toBe(true);
  controller.abort();
});

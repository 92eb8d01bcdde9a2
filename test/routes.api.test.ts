/// <reference types="vite/client" />
import { afterAll, describe, expect, it, beforeAll, inject } from 'vitest';
import { ROLES, type Role } from '../src/server/platform/auth/permissions';
import type { Deps } from '../src/server/platform/deps';
import { buildApp } from '../src/server/app';
import { startListener, type Listener } from '../src/server/platform/db/listener';
import { ApiClient, testApp, type TestApp } from './support/api';
import { makeOrganisation, makeSession, makeUser, silentLog, testAppDb, testDb, testDeps } from './support/deps';
import { EVERY_ROLE, HALF_SIGNED_IN, expected, type Stage, type Walk, type WalkCase, type WalkCtx } from './support/walk';

// Walks every API route with every role, with no session, and part-way through signing in. The
// answer each caller must get comes from the hand-written table in the <module>.walk.ts files
// (see test/support/walk.ts), never from the permission map the guard reads. Each call gets a
// fresh user and session, so that no call depends on another.

const deps: Deps = testDeps({ config: { trustProxy: 1, signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 10_000 } } });
const { routes } = testApp(deps);
// The app that answers has a real listener, so that the live stream really streams.
let app: TestApp['app'];
let listener: Listener;

const parts = import.meta.glob<{ walk: Walk }>('../src/server/**/*.walk.ts', { eager: true });
const TABLE: Walk = {};
for (const [file, { walk }] of Object.entries(parts)) {
  for (const [key, c] of Object.entries(walk)) {
    if (TABLE[key]) throw new Error(`${key} is in the walk table twice (again in ${file})`);
    TABLE[key] = c;
  }
}

let councilOrgId: string;
beforeAll(async () => {
  councilOrgId = (await makeOrganisation(deps)).id;
  listener = await startListener({ url: inject('databaseUrl'), log: silentLog });
  // Answered as the application's role, as in production: a route needing more privilege fails here.
  app = buildApp({ deps: { ...deps, db: testAppDb().db }, log: silentLog, pool: testDb().pool, listener }).app;
});
afterAll(async () => { await listener?.close(); });

it('has a hand-written row for every registered route, and none for a route that is gone', () => {
  const registered = routes.map((r) => `${r.method} ${r.path}`);
  expect(registered.filter((k) => !TABLE[k])).toEqual([]);
  expect(Object.keys(TABLE).filter((k) => !registered.includes(k))).toEqual([]);
  expect(routes.length).toBeGreaterThanOrEqual(60);
});

it('knows every role the product has', () => {
  expect([...ROLES].sort()).toEqual([...EVERY_ROLE].sort());
});

/** Reads a Server-Sent Events response up to its first event, then hangs up. */
async function firstEvent(res: Response) {
  const reader = res.body!.getReader();
  let text = '';
  const deadline = Date.now() + 5000;
  while (!text.includes('\n\n') && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    text += new TextDecoder().decode(value);
  }
  await reader.cancel();
  return text;
}

async function call({ key, c, role, stage }: { key: string; c: WalkCase; role?: Role; stage: Stage | 'active' }) {
  const [method, routePath] = key.split(' ');
  const external = role === 'agency' || role === 'contractor';
  const orgId = external ? (await makeOrganisation(deps, { external: true })).id : councilOrgId;
  const user = await makeUser(deps, { roles: [role ?? 'operator'], organisationId: orgId });
  const client = new ApiClient(app, `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
  if (role) Object.assign(client, await makeSession(deps, { userId: user.id, stage }));
  const ctx: WalkCtx = { deps, user, councilOrgId, bag: {} };
  const path = c.path ? await c.path(ctx) : routePath;
  const body = c.body ? await c.body(ctx) : method === 'GET' || method === 'HEAD' ? undefined : {};
  const want = expected(c, { role, stage });
  if (c.stream && want === 'allowed') {
    const res = await app.request(path, { headers: { cookie: client.cookie ?? '' } });
    expect(res.status, `${role} ${key}`).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    expect(await firstEvent(res)).toMatch(/^event: ready\ndata: /m);
    return;
  }
  const res = await client.request(method, path, body);
  const who = `${role ?? 'anonymous'} (${stage}) ${method} ${path}: ${res.status} ${res.text.slice(0, 300)}`;
  if (want === 'allowed') {
    const ok = c.allowedStatus ? await c.allowedStatus(role ? [role] : [], ctx) : [200, 201, 204];
    expect(ok, who).toContain(res.status);
  } else {
    expect(res.status, who).toBe(want);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  }
}

const rows = () => routes.map((r) => [`${r.method} ${r.path}`] as const);

describe.each([undefined, ...ROLES] as (Role | undefined)[])('as %s', (role) => {
  it.each(rows())('%s', async (key) => call({ key, c: TABLE[key], role, stage: 'active' }));
});

// Part-way through signing in: a role allowed the route (if any) is refused only by its stage.
describe.each(HALF_SIGNED_IN)('part-way through signing in (%s)', (stage) => {
  it.each(rows())('%s', async (key) => {
    const c = TABLE[key];
    const role = Array.isArray(c.allowed) ? (c.allowed as Role[])[0] : 'operator';
    await call({ key, c, role, stage });
  });
});

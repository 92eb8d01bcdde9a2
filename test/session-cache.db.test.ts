import { afterAll, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startListener, type Listener } from '../src/server/platform/db/listener';
import { SessionCache } from '../src/server/platform/auth/session-cache';
import { ApiClient, testApp } from './support/api';
import { makeSession, makeUser, silentLog, testDeps } from './support/deps';

// Two server "processes" (two apps, each with its own LISTEN connection and session cache) on one
// database. A session cached by A must stop working in A as soon as B revokes it.

const listeners: Listener[] = [];
afterAll(async () => { await Promise.all(listeners.map((l) => l.close())); });

async function appWithCache() {
  const listener = await startListener({ url: inject('databaseUrl'), log: silentLog });
  listeners.push(listener);
  const cache = new SessionCache(listener);
  const deps = testDeps({ config: { trustProxy: 1 } });
  const { app } = testApp(deps, cache);
  return { app, cache };
}

async function eventually(fn: () => Promise<boolean>, ms = 2000) {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await fn()) return true;
    await new Promise((r) => setTimeout(r, 20));
  }
  return false;
}

it('a session revoked in one process stops working in another at once, though that one had cached it', async () => {
  const a = await appWithCache();
  const b = await appWithCache();
  const user = await makeUser(testDeps(), { roles: ['auditor'] });
  const inA = new ApiClient(a.app, '192.0.2.1');
  await inA.signIn(user.username, user.password);
  expect((await inA.get('/api/v1/modules')).status).toBe(200);
  expect(a.cache.size).toBeGreaterThan(0); // A now answers from its cache

  const inB = new ApiClient(b.app, '192.0.2.2');
  inB.cookie = inA.cookie;
  inB.csrf = inA.csrf;
  expect((await inB.post('/api/v1/auth/sign-out-everywhere')).status).toBe(204);

  expect(await eventually(async () => (await inA.get('/api/v1/modules')).status === 401)).toBe(true);
});

it('a role removed in one process takes effect in another at once', async () => {
  const a = await appWithCache();
  const b = await appWithCache();
  const deps = testDeps();
  const target = await makeUser(deps, { roles: ['auditor'] });
  const admin = await makeUser(deps, { roles: ['admin'], organisationId: target.organisationId });
  const asTarget = new ApiClient(a.app, '192.0.2.3');
  await asTarget.signIn(target.username, target.password);
  expect((await asTarget.get('/api/v1/audit/events')).status).toBe(200);

  const asAdmin = new ApiClient(b.app, '192.0.2.4');
  Object.assign(asAdmin, await makeSession(deps, { userId: admin.id })); // fully signed in (admins must enrol MFA first)
  expect((await asAdmin.patch(`/api/v1/users/${target.id}`, { roles: ['patrol_officer'] })).status).toBe(200);

  expect(await eventually(async () => (await asTarget.get('/api/v1/audit/events')).status === 403)).toBe(true);
});

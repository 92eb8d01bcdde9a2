import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { buildApp } from '../../app';
import { createLogger } from './logger';
import { ApiClient } from '../../../../test/support/api';
import { makeSession, makeUser, testDb, testDeps } from '../../../../test/support/deps';

// Every request writes one JSON line with its request id, and no password, one-time password,
// session token, CSRF token or cookie ever reaches the log.

it('logs one JSON line per request with its request id, and never a secret', async () => {
  const lines: string[] = [];
  const sink = new Writable({ write(chunk, _enc, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
  const log = createLogger({ level: 'info', destination: sink });
  const deps = { ...testDeps({ config: { trustProxy: 1 } }), log };
  const { app } = buildApp({ deps, log, pool: testDb().pool });

  const user = await makeUser(deps, { roles: ['auditor'], mustChangePassword: true });
  const admin = await makeUser(deps, { roles: ['admin'], organisationId: user.organisationId });
  const client = new ApiClient(app, '192.0.2.200');
  await client.signIn(user.username, user.password);
  const newPassword = 'saffron lantern bicycle';
  expect((await client.post('/api/v1/account/password', { currentPassword: user.password, newPassword })).status).toBe(200);
  const adminClient = new ApiClient(app, '192.0.2.201');
  const adminSession = await makeSession(deps, { userId: admin.id });
  Object.assign(adminClient, adminSession);
  const reset = await adminClient.post(`/api/v1/users/${user.id}/reset-password`);
  expect(reset.status).toBe(200);
  await client.request('GET', '/api/v1/modules', undefined, { 'x-request-id': 'trace-me-12345' });

  const parsed = lines.map((l) => JSON.parse(l));
  const requests = parsed.filter((l) => l.msg === 'request');
  expect(requests.length).toBeGreaterThanOrEqual(4);
  for (const l of parsed) expect(l.requestId, JSON.stringify(l)).toMatch(/^[\w.-]{8,64}$/);
  expect(requests.some((l) => l.requestId === 'trace-me-12345' && l.path === '/api/v1/modules' && l.status === 401)).toBe(true);

  const all = lines.join('\n');
  const cookieToken = client.cookie?.split('=')[1];
  for (const secret of [user.password, newPassword, reset.body.oneTimePassword, adminSession.cookie.split('=')[1], adminSession.csrf, cookieToken].filter(Boolean)) {
    expect(all).not.toContain(secret);
  }
});

import { expect, it } from 'vitest';
import { generateSecret } from 'otplib';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeUser, testDeps } from '../../../../test/support/deps';

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);

it('five wrong authenticator codes lock the account and end the half-signed-in session', async () => {
  const user = await makeUser(deps, { roles: ['auditor'] });
  await deps.db.updateTable('users').set({ mfa_secret: generateSecret(), mfa_enabled_at: new Date() }).where('id', '=', user.id).execute();
  const client = new ApiClient(app, '192.0.2.77');
  expect((await client.signIn(user.username, user.password)).body.stage).toBe('mfa');
  const codes: number[] = [];
  for (let i = 0; i < 5; i++) codes.push((await client.post('/api/v1/auth/mfa', { code: '000000' })).status);
  expect(codes).toEqual([401, 401, 401, 401, 423]);
  expect((await client.get('/api/v1/auth/session')).status).toBe(401);
  const again = await new ApiClient(app, '192.0.2.78').post('/api/v1/auth/sign-in', { username: user.username, password: user.password });
  expect(again.body.code).toBe('auth.locked');
});

it('refuses to start authenticator set-up without the password, names the field, and issues no secret', async () => {
  const user = await makeUser(deps, { roles: ['operator'] });
  const client = new ApiClient(app, '192.0.2.79');
  expect((await client.signIn(user.username, user.password)).body.stage).toBe('mfa_enrolment');
  const missing = await client.post('/api/v1/account/mfa/setup', {});
  expect(missing.status).toBe(400);
  expect(missing.body.errors).toEqual([expect.objectContaining({ path: 'password' })]);
  const wrong = await client.post('/api/v1/account/mfa/setup', { password: 'not the password at all' });
  expect(wrong.status).toBe(400);
  expect(wrong.body).not.toHaveProperty('secret');
  const row = await deps.db.selectFrom('users').select('mfa_pending_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
  expect(row.mfa_pending_secret).toBeNull();
  const right = await client.post('/api/v1/account/mfa/setup', { password: user.password });
  expect(right.status).toBe(200);
  expect(right.body.secret).toMatch(/^[A-Z2-7]+$/);
});

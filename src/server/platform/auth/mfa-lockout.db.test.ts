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

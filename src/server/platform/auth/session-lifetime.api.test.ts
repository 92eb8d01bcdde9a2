import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate, generateSecret } from 'otplib';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeUser, testClock, testDeps } from '../../../../test/support/deps';
import type { Config } from '../../config';
import { loadConfig } from '../../config';

// How long a sign-in lasts, as the browser meets it: only the user's own requests put off the idle
// sign-out (not the web app's background refetches, nor a live stream), the fixed length is 13 hours
// unless configured, and entering the password again starts that length again.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const newIp = () => { const b = randomBytes(3); return `10.${b[0]}.${b[1]}.${b[2]}`; };

function setup(session?: Partial<Config['session']>) {
  const clock = testClock();
  const base = testDeps({ clock });
  const deps = testDeps({ clock, config: session ? { session: { ...base.config.session, ...session } } : {} });
  const { app } = testApp(deps);
  return { deps, clock, client: () => new ApiClient(app, newIp()) };
}

async function signedIn(ctx: ReturnType<typeof setup>) {
  const user = await makeUser(ctx.deps, { roles: ['auditor'] }); // a role that may sign in without MFA
  const client = ctx.client();
  const signIn = await client.signIn(user.username, user.password);
  return { user, client, signIn };
}

describe('the idle sign-out', () => {
  it('is not put off by requests the web app marks as background, nor by a live stream; a request of the user’s own is', async () => {
    const ctx = setup({ idleMinutes: 30 });
    const background = await signedIn(ctx);
    const stream = await signedIn(ctx);
    const user = await signedIn(ctx);

    ctx.clock.advance(20 * MINUTE);
    expect((await background.client.request('GET', '/api/v1/auth/session', undefined, { 'x-vigil-background': '1' })).status).toBe(200);
    expect((await stream.client.request('GET', '/api/v1/auth/session', undefined, { accept: 'text/event-stream' })).status).toBe(200);
    expect((await user.client.get('/api/v1/auth/session')).status).toBe(200);

    // 35 minutes after signing in, 15 after the last request.
    ctx.clock.advance(15 * MINUTE);
    expect((await background.client.get('/api/v1/auth/session')).status).toBe(401);
    expect((await stream.client.get('/api/v1/auth/session')).status).toBe(401);
    expect((await user.client.get('/api/v1/auth/session')).status).toBe(200);
  });
});

describe('the fixed length of a sign-in', () => {
  it('is 13 hours unless configured, longer than a 12-hour shift and its handover', async () => {
    expect(loadConfig({}).session.absoluteHours).toBe(13);
    const ctx = setup();
    const { signIn } = await signedIn(ctx);
    expect(Date.parse(signIn.body.expiresAt)).toBe(ctx.clock.now().getTime() + 13 * HOUR);
  });

  it('starts again when the user enters their password again, in the same session and with the same CSRF token', async () => {
    const ctx = setup({ idleMinutes: 24 * 60, absoluteHours: 13 });
    const { client, user, signIn } = await signedIn(ctx);
    const csrf = client.csrf;

    ctx.clock.advance(12 * HOUR + 50 * MINUTE); // ten minutes before the end
    const wrong = await client.post('/api/v1/auth/reauthenticate', { password: 'not my password at all' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ path: 'password', message: 'Your password is not right.' }]);
    expect((await client.get('/api/v1/auth/session')).body.expiresAt).toBe(signIn.body.expiresAt);

    const renewed = await client.post('/api/v1/auth/reauthenticate', { password: user.password });
    expect(renewed.status, renewed.text).toBe(200);
    expect(Date.parse(renewed.body.expiresAt)).toBe(ctx.clock.now().getTime() + 13 * HOUR);
    expect(renewed.body.csrfToken).toBe(csrf);
    expect(renewed.headers.get('set-cookie')).toMatch(new RegExp(`Max-Age=${13 * 3600}`));

    // Past the first sign-in's end: still signed in, and writes still work with the token the page holds.
    ctx.clock.advance(20 * MINUTE);
    expect((await client.get('/api/v1/auth/session')).status).toBe(200);
    expect((await client.post('/api/v1/auth/sign-out')).status).toBe(204);
  });

  it('without re-authentication, ends when it is due', async () => {
    const ctx = setup({ idleMinutes: 24 * 60, absoluteHours: 13 });
    const { client } = await signedIn(ctx);
    ctx.clock.advance(13 * HOUR + MINUTE);
    expect((await client.get('/api/v1/auth/session')).status).toBe(401);
  });

  it('needs the authenticator code too from a user who has one', async () => {
    const ctx = setup({ idleMinutes: 24 * 60, absoluteHours: 13 });
    const user = await makeUser(ctx.deps, { roles: ['operator'] });
    const secret = generateSecret();
    await ctx.deps.db.updateTable('users').set({ mfa_secret: secret, mfa_enabled_at: ctx.clock.now() }).where('id', '=', user.id).execute();
    const client = ctx.client();
    await client.signIn(user.username, user.password);
    const code = () => generate({ secret, epoch: Math.floor(ctx.clock.now().getTime() / 1000) });
    expect((await client.post('/api/v1/auth/mfa', { code: await code() })).body.stage).toBe('active');

    ctx.clock.advance(12 * HOUR + 50 * MINUTE);
    const passwordOnly = await client.post('/api/v1/auth/reauthenticate', { password: user.password });
    expect(passwordOnly.status).toBe(400);
    expect(passwordOnly.body.errors).toEqual([{ path: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
    const wrongCode = await client.post('/api/v1/auth/reauthenticate', { password: user.password, code: '000000' });
    expect(wrongCode.status).toBe(400);
    expect(wrongCode.body.errors[0].path).toBe('code');

    const renewed = await client.post('/api/v1/auth/reauthenticate', { password: user.password, code: await code() });
    expect(renewed.status, renewed.text).toBe(200);
    expect(Date.parse(renewed.body.expiresAt)).toBe(ctx.clock.now().getTime() + 13 * HOUR);
  });
});

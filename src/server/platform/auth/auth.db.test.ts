import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import type { Config } from '../../config';
import type { Deps } from '../deps';
import { makeUser, sealed, testClock, testDeps, TEST_PASSWORD } from '../../../../test/support/deps';
import { loadSessionInfo } from '../http/middleware';
import type { AppError } from '../http/errors';
import { getSetting } from './auth.repository';
import { SYSTEM_ACTOR } from '../audit/audit';
import { normaliseRecoveryCode, sha256 } from './tokens';
import {
  MFA_ROLES_KEY, changePassword, cleanUpSessions, confirmMfaSetup, disableMfa, regenerateRecoveryCodes, signIn, signOut, startMfaSetup, verifyMfa, type Caller,
} from './auth.usecases';

// Sign-in, MFA, password change and sessions against a real PostgreSQL. Each test makes its own
// users and signs in from its own IP address, on its own settable clock.

const MINUTE = 60_000;

const newIp = () => { const b = randomBytes(3); return `10.${b[0]}.${b[1]}.${b[2]}`; };

function setup(config: Partial<Config> = {}) {
  const clock = testClock();
  const deps = testDeps({ clock, config });
  const caller: Caller = { ip: newIp(), userAgent: 'vitest' };
  return { clock, deps, caller };
}

/** The error code a promise rejects with ('resolved' if it does not). */
const codeOf = (p: Promise<unknown>) => p.then(() => 'resolved', (e: AppError) => e.code);
const errorOf = (p: Promise<unknown>) => p.then(() => { throw new Error('expected a rejection'); }, (e: AppError) => e);

async function sessionOf(deps: Deps, token: string) {
  const s = await loadSessionInfo(deps, token);
  if (!s) throw new Error('no live session');
  return s;
}

async function auditOf(deps: Deps, recordId: string) {
  return (await sealed(deps.db)).selectFrom('audit_events').select(['action', 'outcome', 'details', 'actor_id', 'ip']).where('record_id', '=', recordId).orderBy('seq').execute();
}

const totp = (secret: string, clock: { now(): Date }) => generate({ secret, epoch: Math.floor(clock.now().getTime() / 1000) });

/** Signs in and turns MFA on through the use cases; returns the secret and the recovery codes. */
async function enrol(ctx: ReturnType<typeof setup>, user: { username: string; password: string }) {
  const { deps, caller, clock } = ctx;
  const { token } = await signIn(deps, { username: user.username, password: user.password, caller });
  const session = await sessionOf(deps, token);
  const { secret } = await startMfaSetup(deps, { session, password: user.password, caller });
  const { recoveryCodes, stage } = await confirmMfaSetup(deps, { session, code: await totp(secret, clock), caller });
  clock.advance(2 * MINUTE); // past the enrolment code's time step
  return { secret, recoveryCodes, stage };
}

describe('signing in', () => {
  it('relies on the default list of roles that need MFA', async () => {
    const { deps } = setup();
    const required = await getSetting<string[]>(deps.db, MFA_ROLES_KEY, []);
    expect(required).toEqual(expect.arrayContaining(['operator', 'admin']));
    expect(required).not.toContain('auditor');
    expect(required).not.toContain('patrol_officer');
  });

  it('starts an active session for a user with nothing outstanding, stored only as a hash', async () => {
    const { deps, caller, clock } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { token, stage } = await signIn(deps, { username: `  ${user.username.toUpperCase()} `, password: TEST_PASSWORD, caller });
    expect(stage).toBe('active');
    const session = await sessionOf(deps, token);
    expect(session).toMatchObject({ userId: user.id, stage: 'active', roles: ['auditor'], permissions: ['audit.read'] });
    const row = await deps.db.selectFrom('sessions').selectAll().where('id', '=', session.sessionId).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(sha256(token));
    expect(Object.values(row)).not.toContain(token);
    expect(row.expires_at.getTime()).toBe(clock.now().getTime() + 13 * 3600_000);
    const u = await deps.db.selectFrom('users').select('last_sign_in_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(u.last_sign_in_at?.getTime()).toBe(clock.now().getTime());
    expect(await auditOf(deps, user.id)).toEqual([
      expect.objectContaining({ action: 'auth.sign-in', outcome: 'success', actor_id: user.id, ip: caller.ip, details: { stage: 'active', sessionId: session.sessionId } }),
    ]);
  });

  it('sends a user with a one-time password to change it, before MFA enrolment', async () => {
    const { deps, caller } = setup();
    const auditor = await makeUser(deps, { roles: ['auditor'], mustChangePassword: true });
    const operator = await makeUser(deps, { roles: ['operator'], mustChangePassword: true });
    expect((await signIn(deps, { username: auditor.username, password: TEST_PASSWORD, caller })).stage).toBe('password_change');
    expect((await signIn(deps, { username: operator.username, password: TEST_PASSWORD, caller })).stage).toBe('password_change');
  });

  it('sends a user whose role needs MFA to enrol, and not a user whose role does not', async () => {
    const { deps, caller } = setup();
    const operator = await makeUser(deps, { roles: ['operator'] });
    const patrol = await makeUser(deps, { roles: ['patrol_officer'] });
    const both = await makeUser(deps, { roles: ['auditor', 'admin'] });
    expect((await signIn(deps, { username: operator.username, password: TEST_PASSWORD, caller })).stage).toBe('mfa_enrolment');
    expect((await signIn(deps, { username: patrol.username, password: TEST_PASSWORD, caller })).stage).toBe('active');
    expect((await signIn(deps, { username: both.username, password: TEST_PASSWORD, caller })).stage).toBe('mfa_enrolment');
  });

  it('asks a user with MFA for a code, and does not count the sign-in until the code is given', async () => {
    const ctx = setup();
    const user = await makeUser(ctx.deps, { roles: ['auditor'] });
    await enrol(ctx, user);
    const before = await ctx.deps.db.selectFrom('users').select('last_sign_in_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    const { token, stage } = await signIn(ctx.deps, { username: user.username, password: TEST_PASSWORD, caller: ctx.caller });
    expect(stage).toBe('mfa');
    expect((await sessionOf(ctx.deps, token)).stage).toBe('mfa');
    const after = await ctx.deps.db.selectFrom('users').select('last_sign_in_at').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(after.last_sign_in_at).toEqual(before.last_sign_in_at);
  });

  it('refuses a wrong password, an unknown user and an inactive user with one and the same error', async () => {
    const { deps, caller } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const inactive = await makeUser(deps, { roles: ['auditor'] });
    await deps.db.updateTable('users').set({ is_active: false }).where('id', '=', inactive.id).execute();

    const errors = await Promise.all([
      errorOf(signIn(deps, { username: user.username, password: 'not the password at all', caller })),
      errorOf(signIn(deps, { username: `${user.username}-nobody`, password: TEST_PASSWORD, caller })),
      errorOf(signIn(deps, { username: inactive.username, password: TEST_PASSWORD, caller })),
    ]);
    for (const e of errors) expect({ code: e.code, status: e.status, message: e.message, details: e.details }).toEqual({ code: 'auth.invalid_credentials', status: 401, message: errors[0].message, details: undefined });

    const sessions = await deps.db.selectFrom('sessions').select('id').where('user_id', 'in', [user.id, inactive.id]).execute();
    expect(sessions).toEqual([]);
    expect(await auditOf(deps, user.id)).toEqual([expect.objectContaining({ action: 'auth.sign-in', outcome: 'failure', details: { username: user.username, reason: 'wrong_password' } })]);
    expect(await auditOf(deps, inactive.id)).toEqual([expect.objectContaining({ action: 'auth.sign-in', outcome: 'failure', details: { username: inactive.username, reason: 'inactive' } })]);
    const unknown = await (await sealed(deps.db)).selectFrom('audit_events').select(['outcome', 'actor_id', 'details']).where('action', '=', 'auth.sign-in')
      .where('ip', '=', caller.ip).where('record_id', 'is', null).execute();
    expect(unknown).toEqual([{ outcome: 'failure', actor_id: null, details: { username: `${user.username}-nobody`, reason: 'unknown_user' } }]);
  });
});

describe('lock-out', () => {
  it('locks an account after 5 failures in 15 minutes, until the window has passed', async () => {
    const { deps, caller, clock } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const wrong = () => signIn(deps, { username: user.username, password: 'not the password at all', caller });
    for (let i = 0; i < 4; i++) {
      expect(await codeOf(wrong())).toBe('auth.invalid_credentials');
      clock.advance(MINUTE);
    }
    const locked = await errorOf(wrong());
    expect(locked).toMatchObject({ code: 'auth.locked', status: 423, details: { lockedUntil: new Date(clock.now().getTime() + 15 * MINUTE).toISOString() } });
    const events = await auditOf(deps, user.id);
    expect(events.at(-1)).toMatchObject({ action: 'user.locked', outcome: 'success', details: { failures: 5 } });

    // The right password does not open a locked account, and says so.
    clock.advance(14 * MINUTE);
    expect(await codeOf(signIn(deps, { username: user.username, password: TEST_PASSWORD, caller }))).toBe('auth.locked');
    expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'auth.sign-in', outcome: 'denied', details: { reason: 'locked' } });

    clock.advance(MINUTE + 1000);
    expect((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).stage).toBe('active');
    const row = await deps.db.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.locked_until).toBeNull();
  });

  it('counts only the failures inside the window', async () => {
    const { deps, caller, clock } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const wrong = () => codeOf(signIn(deps, { username: user.username, password: 'not the password at all', caller }));
    for (let i = 0; i < 4; i++) expect(await wrong()).toBe('auth.invalid_credentials');
    clock.advance(16 * MINUTE);
    for (let i = 0; i < 4; i++) expect(await wrong()).toBe('auth.invalid_credentials');
    expect(await wrong()).toBe('auth.locked');
  });

  it('starts counting again after a successful sign-in', async () => {
    const { deps, caller, clock } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const wrong = () => { clock.advance(1000); return codeOf(signIn(deps, { username: user.username, password: 'not the password at all', caller })); };
    for (let i = 0; i < 4; i++) expect(await wrong()).toBe('auth.invalid_credentials');
    clock.advance(1000);
    await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    for (let i = 0; i < 4; i++) expect(await wrong()).toBe('auth.invalid_credentials');
    expect(await wrong()).toBe('auth.locked');
  });

  it('never says "locked" for a username that does not exist', async () => {
    const { deps, caller } = setup();
    for (let i = 0; i < 7; i++) expect(await codeOf(signIn(deps, { username: 'nobody-by-this-name', password: 'not the password at all', caller }))).toBe('auth.invalid_credentials');
  });
});

describe('rate limit per IP address', () => {
  it('refuses more attempts a minute from one address than the limit, whatever the account', async () => {
    const ctx = setup({ signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 3 } });
    const { deps, caller, clock } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    await codeOf(signIn(deps, { username: 'someone-else', password: 'not the password at all', caller }));
    await codeOf(signIn(deps, { username: user.username, password: 'not the password at all', caller }));

    const limited = await errorOf(signIn(deps, { username: user.username, password: TEST_PASSWORD, caller }));
    expect(limited).toMatchObject({ code: 'auth.rate_limited', status: 429, headers: { 'retry-after': '60' } });
    const denied = await (await sealed(deps.db)).selectFrom('audit_events').select(['outcome', 'details']).where('action', '=', 'auth.sign-in').where('ip', '=', caller.ip).where('outcome', '=', 'denied').execute();
    expect(denied).toEqual([{ outcome: 'denied', details: { username: user.username, reason: 'rate_limited' } }]);

    // Another address is not affected, and this one may try again a minute later.
    const other = { ...caller, ip: newIp() };
    expect((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller: other })).stage).toBe('active');
    clock.advance(MINUTE + 1000);
    expect((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).stage).toBe('active');
  });
});

describe('two-factor authentication', () => {
  it('is enrolled with a code, with the set-up and the enabling audited', async () => {
    const ctx = setup();
    const user = await makeUser(ctx.deps, { roles: ['operator'] });
    const { stage, recoveryCodes } = await enrol(ctx, user);
    expect(stage).toBe('active'); // from mfa_enrolment
    expect(recoveryCodes).toHaveLength(10);
    const actions = (await auditOf(ctx.deps, user.id)).map((e) => e.action);
    expect(actions).toEqual(['auth.sign-in', 'account.mfa-setup-started', 'account.mfa-enabled']);
    const stored = await ctx.deps.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).execute();
    expect(stored.map((r) => r.code_hash).sort()).toEqual(recoveryCodes.map((c) => sha256(normaliseRecoveryCode(c))).sort());
  });

  it('accepts a code once, refuses the same code again, and refuses a wrong one', async () => {
    const ctx = setup();
    const { deps, caller, clock } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { secret } = await enrol(ctx, user);
    const code = await totp(secret, clock);

    const first = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    expect(await verifyMfa(deps, { session: await sessionOf(deps, first.token), code, caller })).toBe('active');
    expect((await sessionOf(deps, first.token)).stage).toBe('active');

    const second = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    const replay = await errorOf(verifyMfa(deps, { session: await sessionOf(deps, second.token), code, caller }));
    expect(replay).toMatchObject({ code: 'auth.invalid_code', status: 401 });
    const wrong = code === '000000' ? '111111' : '000000';
    expect(await codeOf(verifyMfa(deps, { session: await sessionOf(deps, second.token), code: wrong, caller }))).toBe('auth.invalid_code');
    expect((await sessionOf(deps, second.token)).stage).toBe('mfa');

    const mfa = (await auditOf(deps, user.id)).filter((e) => e.action === 'auth.mfa');
    expect(mfa.map((e) => [e.outcome, e.details])).toEqual([['success', { method: 'totp' }], ['failure', { method: 'totp' }], ['failure', { method: 'totp' }]]);
  });

  it('refuses an earlier code, still inside the clock-drift allowance, once a later one was used', async () => {
    const ctx = setup();
    const { deps, caller, clock } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { secret } = await enrol(ctx, user);
    const earlier = await totp(secret, clock);
    clock.advance(30_000);
    const later = await totp(secret, clock);
    if (earlier === later) return; // consecutive codes collide one time in a million: nothing to show

    const a = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    await verifyMfa(deps, { session: await sessionOf(deps, a.token), code: later, caller });
    const b = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    expect(await codeOf(verifyMfa(deps, { session: await sessionOf(deps, b.token), code: earlier, caller }))).toBe('auth.invalid_code');
  });

  it('accepts each recovery code once, typed in any case and spacing', async () => {
    const ctx = setup();
    const { deps, caller } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { recoveryCodes } = await enrol(ctx, user);
    const typed = ` ${recoveryCodes[3].toUpperCase().replace('-', ' - ')} `;

    const first = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    expect(await verifyMfa(deps, { session: await sessionOf(deps, first.token), recoveryCode: typed, caller })).toBe('active');
    const second = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    expect(await codeOf(verifyMfa(deps, { session: await sessionOf(deps, second.token), recoveryCode: recoveryCodes[3], caller }))).toBe('auth.invalid_code');
    // typed without its dash, as people do
    expect(await verifyMfa(deps, { session: await sessionOf(deps, second.token), recoveryCode: recoveryCodes[4].replace('-', ''), caller })).toBe('active');
    const used = await deps.db.selectFrom('recovery_codes').select('code_hash').where('user_id', '=', user.id).where('used_at', 'is not', null).execute();
    expect(used.map((r) => r.code_hash).sort()).toEqual([recoveryCodes[3], recoveryCodes[4]].map((c) => sha256(normaliseRecoveryCode(c))).sort());
    expect((await auditOf(deps, user.id)).filter((e) => e.action === 'auth.mfa').map((e) => [e.outcome, e.details]))
      .toEqual([['success', { method: 'recovery_code' }], ['failure', { method: 'recovery_code' }], ['success', { method: 'recovery_code' }]]);
  });

  it('locks the account after 5 wrong codes, so a session cannot guess codes for ever', async () => {
    const ctx = setup();
    const { deps, caller, clock } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { secret } = await enrol(ctx, user);
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    const session = await sessionOf(deps, token);
    const wrong = (await totp(secret, clock)) === '000000' ? '111111' : '000000';
    for (let i = 0; i < 4; i++) {
      clock.advance(1000);
      expect(await codeOf(verifyMfa(deps, { session, code: wrong, caller }))).toBe('auth.invalid_code');
    }
    clock.advance(1000);
    expect(await codeOf(verifyMfa(deps, { session, code: wrong, caller }))).toBe('auth.locked');
    expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'user.locked', details: { failures: 5 } });
    // The half-signed-in session ends, and the password alone does not get back in while locked.
    expect(await loadSessionInfo(deps, token)).toBeUndefined();
    expect(await codeOf(signIn(deps, { username: user.username, password: TEST_PASSWORD, caller }))).toBe('auth.locked');
  });

  it('does not let a correct password reset the count of wrong codes', async () => {
    const ctx = setup();
    const { deps, caller, clock } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { secret } = await enrol(ctx, user);
    const wrong = (await totp(secret, clock)) === '000000' ? '111111' : '000000';
    const results: string[] = [];
    for (let round = 0; round < 3; round++) {
      clock.advance(1000);
      const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
      const session = await sessionOf(deps, token);
      for (let i = 0; i < 2; i++) {
        clock.advance(1000);
        results.push(await codeOf(verifyMfa(deps, { session, code: wrong, caller })));
      }
    }
    expect(results).toEqual(['auth.invalid_code', 'auth.invalid_code', 'auth.invalid_code', 'auth.invalid_code', 'auth.locked', 'auth.locked']);
  });
});

describe('changing the password', () => {
  it('ends the user’s other sessions but keeps this one, and audits it', async () => {
    const { deps, caller } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const other = await makeUser(deps, { roles: ['auditor'] });
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).token);
    const bystander = (await signIn(deps, { username: other.username, password: TEST_PASSWORD, caller })).token;

    const stage = await changePassword(deps, { session: await sessionOf(deps, tokens[0]), currentPassword: TEST_PASSWORD, newPassword: 'violet harbour quilt', caller });
    expect(stage).toBe('active');
    expect(await loadSessionInfo(deps, tokens[0])).toBeDefined();
    expect(await loadSessionInfo(deps, tokens[1])).toBeUndefined();
    expect(await loadSessionInfo(deps, tokens[2])).toBeUndefined();
    expect(await loadSessionInfo(deps, bystander)).toBeDefined();

    expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'account.password-changed', outcome: 'success', details: { otherSessionsEnded: 2, forced: false } });
    expect(await codeOf(signIn(deps, { username: user.username, password: TEST_PASSWORD, caller }))).toBe('auth.invalid_credentials');
    expect((await signIn(deps, { username: user.username, password: 'violet harbour quilt', caller })).stage).toBe('active');
  });

  it('moves a forced change on to the next stage: MFA enrolment where the role needs it, else active', async () => {
    const { deps, caller } = setup();
    for (const [role, next] of [['operator', 'mfa_enrolment'], ['auditor', 'active']] as const) {
      const user = await makeUser(deps, { roles: [role], mustChangePassword: true });
      const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
      const stage = await changePassword(deps, { session: await sessionOf(deps, token), currentPassword: TEST_PASSWORD, newPassword: 'violet harbour quilt', caller });
      expect(stage).toBe(next);
      expect((await sessionOf(deps, token)).stage).toBe(next);
      const row = await deps.db.selectFrom('users').select(['must_change_password', 'password_changed_at']).where('id', '=', user.id).executeTakeFirstOrThrow();
      expect(row.must_change_password).toBe(false);
      expect(row.password_changed_at).not.toBeNull();
      expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'account.password-changed', details: { forced: true } });
    }
  });

  it('refuses a wrong current password (audited) and a weak new one, changing nothing', async () => {
    const { deps, caller } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    const session = await sessionOf(deps, token);

    const wrong = await errorOf(changePassword(deps, { session, currentPassword: 'not the password', newPassword: 'violet harbour quilt', caller }));
    expect(wrong).toMatchObject({ code: 'validation.failed', status: 400, fieldErrors: [{ path: 'currentPassword', message: expect.any(String) }] });
    expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'account.password-change', outcome: 'failure', details: { reason: 'wrong_current_password' } });

    for (const newPassword of ['short', 'qwertyuiop123', `${user.username} kettle lighthouse`, TEST_PASSWORD]) {
      const weak = await errorOf(changePassword(deps, { session, currentPassword: TEST_PASSWORD, newPassword, caller }));
      expect(weak).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'newPassword', message: expect.any(String) }] });
    }
    expect((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).stage).toBe('active');
  });
});

describe('signing out', () => {
  it('ends this session only', async () => {
    const { deps, caller } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const a = (await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).token;
    const b = (await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).token;
    await signOut(deps, { session: await sessionOf(deps, a), everywhere: false, caller });
    expect(await loadSessionInfo(deps, a)).toBeUndefined();
    expect(await loadSessionInfo(deps, b)).toBeDefined();
    expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'auth.signed-out', details: { sessionsEnded: 1 } });
  });

  it('everywhere ends every session of the user, this one included', async () => {
    const { deps, caller } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const other = await makeUser(deps, { roles: ['auditor'] });
    const tokens = [];
    for (let i = 0; i < 3; i++) tokens.push((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).token);
    const bystander = (await signIn(deps, { username: other.username, password: TEST_PASSWORD, caller })).token;
    await signOut(deps, { session: await sessionOf(deps, tokens[1]), everywhere: true, caller });
    for (const t of tokens) expect(await loadSessionInfo(deps, t)).toBeUndefined();
    expect(await loadSessionInfo(deps, bystander)).toBeDefined();
    expect((await auditOf(deps, user.id)).at(-1)).toMatchObject({ action: 'auth.signed-out-everywhere', details: { sessionsEnded: 3 } });
  });
});

describe('session lifetime', () => {
  it('ends after the idle timeout, and each request pushes the timeout back', async () => {
    const { deps, caller, clock } = setup({ session: { idleMinutes: 30, absoluteHours: 12 } });
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    clock.advance(29 * MINUTE);
    expect(await loadSessionInfo(deps, token)).toBeDefined();
    clock.advance(29 * MINUTE); // 58 minutes after sign-in, 29 after the last request
    expect(await loadSessionInfo(deps, token)).toBeDefined();
    clock.advance(30 * MINUTE + 1000);
    expect(await loadSessionInfo(deps, token)).toBeUndefined();
  });

  it('ends at the absolute timeout however active the user is', async () => {
    const { deps, caller, clock } = setup({ session: { idleMinutes: 30, absoluteHours: 1 } });
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    for (let i = 0; i < 2; i++) {
      clock.advance(20 * MINUTE);
      expect(await loadSessionInfo(deps, token)).toBeDefined();
    }
    clock.advance(20 * MINUTE + 1000);
    expect(await loadSessionInfo(deps, token)).toBeUndefined();
  });

  it('ends when the user is deactivated', async () => {
    const { deps, caller } = setup();
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    await deps.db.updateTable('users').set({ is_active: false }).where('id', '=', user.id).execute();
    expect(await loadSessionInfo(deps, token)).toBeUndefined();
  });

  it('is cleaned up a day after it ended; live and recently ended sessions stay', async () => {
    const { deps, caller } = setup();
    const past = testClock(new Date(Date.now() - 3 * 24 * 3600_000));
    const old = testDeps({ clock: past });
    const user = await makeUser(deps, { roles: ['auditor'] });
    const sign = (d: Deps) => signIn(d, { username: user.username, password: TEST_PASSWORD, caller }).then((r) => sessionOf(d, r.token));

    await sign(old); // a session idle and expired for days
    const revokedLongAgo = await sign(old);
    await signOut(old, { session: revokedLongAgo, everywhere: false, caller });
    const live = await sign(deps);
    const revokedRecently = await sign(deps);
    await signOut(deps, { session: revokedRecently, everywhere: false, caller });

    const removed = await cleanUpSessions(deps);
    expect(removed.sessions).toBeGreaterThanOrEqual(2);
    const left = await deps.db.selectFrom('sessions').select('id').where('user_id', '=', user.id).execute();
    expect(left.map((r) => r.id).sort()).toEqual([live.sessionId, revokedRecently.sessionId].sort());
  });
});

describe('review fixes', () => {
  it('an administrator’s unlock starts a fresh failure count', async () => {
    const ctx = setup();
    const { deps, caller } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    for (let i = 0; i < 5; i++) await errorOf(signIn(deps, { username: user.username, password: 'wrong password here', caller }));
    expect((await deps.db.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow()).locked_until).not.toBeNull();
    const { applyAdminAction } = await import('../../modules/users/users.usecases');
    ctx.clock.advance(MINUTE);
    await applyAdminAction(deps, { actor: SYSTEM_ACTOR, id: user.id, action: 'unlock' });
    ctx.clock.advance(MINUTE);
    // One more mistake after the unlock must not lock again straight away.
    expect(await codeOf(signIn(deps, { username: user.username, password: 'wrong password here', caller }))).toBe('auth.invalid_credentials');
    expect((await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller })).stage).toBe('active');
  });

  it('refuses to start a new authenticator set-up while one is enabled (a stolen session alone cannot replace it)', async () => {
    const ctx = setup();
    const user = await makeUser(ctx.deps, { roles: ['auditor'] });
    await enrol(ctx, user);
    const s = await signIn(ctx.deps, { username: user.username, password: TEST_PASSWORD, caller: ctx.caller });
    const session = { ...(await sessionOf(ctx.deps, s.token)), stage: 'active' as const };
    expect(await codeOf(startMfaSetup(ctx.deps, { session, password: TEST_PASSWORD, caller: ctx.caller }))).toBe('auth.mfa_already_enabled');
  });

  it('refuses to start an authenticator set-up without the current password, and counts the wrong one', async () => {
    const ctx = setup();
    const user = await makeUser(ctx.deps, { roles: ['operator'] });
    const { token } = await signIn(ctx.deps, { username: user.username, password: TEST_PASSWORD, caller: ctx.caller });
    const session = await sessionOf(ctx.deps, token);
    expect(session.stage).toBe('mfa_enrolment');
    const wrong = await errorOf(startMfaSetup(ctx.deps, { session, password: 'not the password at all', caller: ctx.caller }));
    expect(wrong).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'password', message: 'Your password is not right.' }] });
    const row = await ctx.deps.db.selectFrom('users').select('mfa_pending_secret').where('id', '=', user.id).executeTakeFirstOrThrow();
    expect(row.mfa_pending_secret).toBeNull();
    expect((await auditOf(ctx.deps, user.id)).at(-1)).toMatchObject({ action: 'account.mfa-setup', outcome: 'failure', details: { reason: 'wrong_password' } });
    expect((await startMfaSetup(ctx.deps, { session, password: TEST_PASSWORD, caller: ctx.caller })).secret).toMatch(/^[A-Z2-7]+$/);
  });
});

describe('atomic failure counting', () => {
  it('checks at most the lock-out\'s number of passwords in a burst of 20 parallel guesses, then refuses the right one', async () => {
    const { deps, caller } = setup({ signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 1000 } });
    const user = await makeUser(deps, { roles: ['auditor'] });
    const codes = await Promise.all(Array.from({ length: 20 }, (_, i) => codeOf(signIn(deps, { username: user.username, password: `wrong guess number ${i}`, caller }))));
    expect(codes.filter((c) => c === 'auth.invalid_credentials').length).toBeLessThanOrEqual(4);
    expect(codes.every((c) => c === 'auth.invalid_credentials' || c === 'auth.locked')).toBe(true);
    // Each checked password leaves one 'wrong_password' failure: no more than the lock-out allows.
    const checked = (await auditOf(deps, user.id)).filter((e) => e.action === 'auth.sign-in' && (e.details as { reason?: string }).reason === 'wrong_password');
    expect(checked.length).toBeLessThanOrEqual(5);
    expect(await codeOf(signIn(deps, { username: user.username, password: TEST_PASSWORD, caller }))).toBe('auth.locked');
  });
});

describe('atomic failure counting of codes', () => {
  it('checks at most the lock-out\'s number of codes in a burst of 20 parallel guesses', async () => {
    const ctx = setup({ signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 1000 } });
    const { deps, caller, clock } = ctx;
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { secret } = await enrol(ctx, user);
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    const session = await sessionOf(deps, token);
    const right = await totp(secret, clock);
    const wrong = right === '000000' ? '111111' : '000000';
    const codes = await Promise.all(Array.from({ length: 20 }, () => codeOf(verifyMfa(deps, { session, code: wrong, caller }))));
    expect(codes.filter((c) => c === 'auth.invalid_code').length).toBe(4);
    expect(codes.filter((c) => c === 'auth.locked').length).toBe(16);
    const checked = (await auditOf(deps, user.id)).filter((e) => e.action === 'auth.mfa' && e.outcome === 'failure');
    expect(checked).toHaveLength(5);
  });
});

describe('re-authentication', () => {
  const reauth = {
    'changing the password': (deps: Deps, session: Awaited<ReturnType<typeof sessionOf>>, password: string, caller: Caller) =>
      changePassword(deps, { session, currentPassword: password, newPassword: 'violet harbour quilt', caller }),
    'turning off MFA': (deps: Deps, session: Awaited<ReturnType<typeof sessionOf>>, password: string, caller: Caller) => disableMfa(deps, { session, password, caller }),
    'new recovery codes': (deps: Deps, session: Awaited<ReturnType<typeof sessionOf>>, password: string, caller: Caller) => regenerateRecoveryCodes(deps, { session, password, caller }),
    'setting up an authenticator': (deps: Deps, session: Awaited<ReturnType<typeof sessionOf>>, password: string, caller: Caller) => startMfaSetup(deps, { session, password, caller }),
  };
  for (const [what, attempt] of Object.entries(reauth)) {
    it(`counts wrong passwords when ${what} with sign-in's lock-out, which ends the session`, async () => {
      const { deps, caller, clock } = setup();
      const user = await makeUser(deps, { roles: ['auditor'] });
      const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
      const session = await sessionOf(deps, token);
      const results: string[] = [];
      for (let i = 0; i < 5; i++) {
        clock.advance(1000);
        results.push(await codeOf(attempt(deps, session, 'not the password at all', caller)));
      }
      expect(results).toEqual(['validation.failed', 'validation.failed', 'validation.failed', 'validation.failed', 'auth.locked']);
      expect((await auditOf(deps, user.id)).some((e) => e.action === 'user.locked')).toBe(true);
      expect(await loadSessionInfo(deps, token)).toBeUndefined();
      expect(await codeOf(signIn(deps, { username: user.username, password: TEST_PASSWORD, caller: { ...caller, ip: newIp() } }))).toBe('auth.locked');
    });
  }

  it('counts against the rate limit of the address', async () => {
    const { deps, caller } = setup({ signIn: { maxFailures: 50, windowMinutes: 15, ratePerMinute: 3 } });
    const user = await makeUser(deps, { roles: ['auditor'] });
    const { token } = await signIn(deps, { username: user.username, password: TEST_PASSWORD, caller });
    const session = await sessionOf(deps, token);
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await codeOf(disableMfa(deps, { session, password: 'not the password at all', caller })));
    expect(results).toEqual(['validation.failed', 'validation.failed', 'auth.rate_limited']);
  });
});

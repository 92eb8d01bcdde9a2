import { validationFailed } from '../http/errors';
import { forgetOneTimePassword } from './one-time-passwords';
import { recordAudit, type AuditActor } from '../audit/audit';
import type { Deps } from '../deps';
import * as repo from './auth.repository';
import { accountLocked, invalidCode, invalidCredentials, mfaAlreadyEnabled, mfaRequired, noPendingMfa, rateLimited } from './auth.errors';
import { isLocked, isMfaRequired, nextStage, shouldLock } from './auth.models';
import { checkPassword } from './password-policy';
import { burnPasswordCheck, hashPassword, verifyPassword } from './passwords';
import { newCsrfToken, newRecoveryCodes, newSessionToken, normaliseRecoveryCode, sha256 } from './tokens';
import { checkTotp, newTotpSecret, qrCodeDataUrl, totpUri } from './totp';

export const MFA_ROLES_KEY = 'auth.mfa_required_roles';

export interface Caller { ip: string; userAgent: string | null }
export interface SessionUser { sessionId: string; userId: string; username: string; stage: repo.SessionStage }

const actorOf = (caller: Caller, user?: { id: string; username: string } | null): AuditActor => ({
  actorId: user?.id ?? null, actorUsername: user?.username ?? null, ip: caller.ip, userAgent: caller.userAgent,
});

async function stageFor(db: Parameters<typeof repo.listRoles>[0], user: { id: string; mfa_enabled_at: Date | null; must_change_password: boolean }, mfaVerified: boolean) {
  const roles = await repo.listRoles(db, user.id);
  const requiredRoles = await repo.getSetting<string[]>(db, MFA_ROLES_KEY, []);
  return nextStage({ mfaEnabled: !!user.mfa_enabled_at, mfaVerified, mustChangePassword: user.must_change_password, mfaRequired: isMfaRequired({ roles, requiredRoles }) });
}

interface PasswordGuard {
  /** The name typed (sign-in) or the signed-in user's username (re-authentication). */
  username: string;
  user: { id: string; username: string; password_hash: string; is_active: boolean } | undefined;
  password: string;
  caller: Caller;
  /** The audit event written when the attempt is refused or fails (outcome and reason added here). */
  audit: { actor: AuditActor; action: string; details?: Record<string, unknown> };
  failureReason: string;
  /** What a wrong password answers (sign-in says the same for an unknown or inactive user). */
  wrongPassword: () => Error;
  /** Re-authentication: a lock-out also ends the user's sessions, the one guessing included. */
  endSessionsOnLock?: boolean;
}

/**
 * Every password check (sign-in and re-authentication alike) goes through here: the rate limit per
 * address and the lock-out per account are decided and the attempt recorded *before* the password
 * is verified, under a lock per username and address (see lockAttemptCounters), so that a burst of
 * parallel guesses is checked at most the lock-out's number of times. Returns the recorded attempt,
 * which the caller marks as succeeded in its own transaction; throws the refusal otherwise.
 */
async function guardedPasswordCheck(deps: Deps, g: PasswordGuard): Promise<{ attemptId: string }> {
  const { db, config, clock } = deps;
  const now = clock.now();
  const name = g.username.trim().toLowerCase();
  const record = { recordType: g.user ? 'user' : undefined, recordId: g.user?.id };
  const windowStart = new Date(now.getTime() - config.signIn.windowMinutes * 60_000);
  const lockUntil = new Date(now.getTime() + config.signIn.windowMinutes * 60_000);
  const lockAccount = async (trx: typeof db, failures: number) => {
    if (!(await repo.lockIfUnlocked(trx, { userId: g.user!.id, until: lockUntil, now }))) return;
    if (g.endSessionsOnLock) await repo.revokeUserSessions(trx, { userId: g.user!.id, now });
    await recordAudit(trx, g.audit.actor, { action: 'user.locked', recordType: 'user', recordId: g.user!.id, outcome: 'success', details: { failures, until: lockUntil.toISOString(), ...(g.endSessionsOnLock ? { during: g.audit.action } : {}) } });
  };

  const reserved = await db.transaction().execute(async (trx) => {
    await repo.lockAttemptCounters(trx, { username: name, ip: g.caller.ip });
    const fromIp = await repo.countAttemptsFromIp(trx, { ip: g.caller.ip, since: new Date(now.getTime() - 60_000) });
    if (fromIp >= config.signIn.ratePerMinute) {
      await recordAudit(trx, g.audit.actor, { action: g.audit.action, ...record, outcome: 'denied', details: { ...g.audit.details, reason: 'rate_limited' } });
      return { refused: rateLimited({ retryAfterS: 60 }) };
    }
    if (g.user) {
      const lockedUntil = await repo.findLockedUntil(trx, { username: name });
      if (isLocked({ lockedUntil, now })) {
        await repo.insertPendingAttempt(trx, { username: name, ip: g.caller.ip, at: now });
        await recordAudit(trx, g.audit.actor, { action: g.audit.action, ...record, outcome: 'denied', details: { reason: 'locked' } });
        return { refused: accountLocked({ until: lockedUntil! }) };
      }
      // Attempts still being checked count as failures: none of them may be the one too many.
      const failures = await repo.countRecentFailures(trx, { username: name, since: windowStart });
      if (g.user.is_active && shouldLock({ failures, maxFailures: config.signIn.maxFailures })) {
        await lockAccount(trx, failures);
        await recordAudit(trx, g.audit.actor, { action: g.audit.action, ...record, outcome: 'denied', details: { reason: 'locked' } });
        return { refused: accountLocked({ until: lockUntil }) };
      }
    }
    return { attemptId: await repo.insertPendingAttempt(trx, { username: name, ip: g.caller.ip, at: now }) };
  });
  if ('refused' in reserved) throw reserved.refused;

  const passwordOk = g.user ? await verifyPassword(g.user.password_hash, g.password) : (await burnPasswordCheck(g.password), false);
  if (g.user && passwordOk && g.user.is_active) return { attemptId: reserved.attemptId };

  const lockedUntil = await db.transaction().execute(async (trx) => {
    const reason = !g.user ? 'unknown_user' : !passwordOk ? g.failureReason : 'inactive';
    await recordAudit(trx, g.audit.actor, { action: g.audit.action, ...record, outcome: 'failure', details: { ...g.audit.details, reason } });
    if (!g.user || !g.user.is_active) return undefined;
    await repo.lockAttemptCounters(trx, { username: name, ip: g.caller.ip });
    const failures = await repo.countRecentFailures(trx, { username: name, since: windowStart });
    if (!shouldLock({ failures, maxFailures: config.signIn.maxFailures })) return undefined;
    await lockAccount(trx, failures);
    return lockUntil;
  });
  if (lockedUntil) throw accountLocked({ until: lockedUntil });
  throw g.wrongPassword();
}

/** Password sign-in. Returns the new session's token (for the cookie) and its stage. */
export async function signIn(deps: Deps, { username, password, caller }: { username: string; password: string; caller: Caller }) {
  const { db, config, clock } = deps;
  const now = clock.now();
  const name = username.trim().toLowerCase();
  const user = await repo.findUserByUsername(db, name);
  const { attemptId } = await guardedPasswordCheck(deps, {
    username: name, user, password, caller, failureReason: 'wrong_password', wrongPassword: invalidCredentials,
    audit: { actor: actorOf(caller, user), action: 'auth.sign-in', details: { username: name } },
  });
  const signedIn = user!;

  return db.transaction().execute(async (trx) => {
    const stage = await stageFor(trx, signedIn, false);
    const token = newSessionToken();
    const session = await repo.insertSession(trx, {
      tokenHash: sha256(token), userId: signedIn.id, stage, csrfToken: newCsrfToken(), ip: caller.ip, userAgent: caller.userAgent,
      now, expiresAt: new Date(now.getTime() + config.session.absoluteHours * 3600_000),
    });
    await repo.markAttemptSucceeded(trx, { attemptId });
    if (stage !== 'mfa') await repo.markSignedIn(trx, { userId: signedIn.id, at: now });
    await recordAudit(trx, actorOf(caller, signedIn), { action: 'auth.sign-in', recordType: 'user', recordId: signedIn.id, outcome: 'success', details: { stage, sessionId: session.id } });
    return { token, stage };
  }).then((r) => {
    if (signedIn.must_change_password) oneTimePasswordUsed(deps, signedIn.username);
    return r;
  });
}

type UserRow = NonNullable<Awaited<ReturnType<typeof repo.findUserById>>>;

/**
 * Checks a second factor inside the caller's transaction: a TOTP code (never the same step twice)
 * or an unused recovery code. A wrong one counts like a wrong password (the same lock-out, which
 * also ends the user's sessions), audited as `action`. Returns true (the caller records the
 * success), false, or the time a lock-out lasts until.
 */
async function checkSecondFactor(deps: Deps, trx: Deps['db'], { user, code, recoveryCode, caller, action }: {
  user: UserRow; code?: string; recoveryCode?: string; caller: Caller; action: string;
}): Promise<boolean | { locked: Date }> {
  const now = deps.clock.now();
  // Counted one after another, like passwords: parallel guesses each see the failures before them.
  await repo.lockAttemptCounters(trx, { username: user.username, ip: caller.ip });
  const lockedUntil = await repo.findLockedUntil(trx, { username: user.username });
  if (isLocked({ lockedUntil, now })) return { locked: lockedUntil! };
  let ok = false;
  let method = 'totp';
  if (recoveryCode) {
    method = 'recovery_code';
    ok = await repo.useRecoveryCode(trx, { userId: user.id, hash: sha256(normaliseRecoveryCode(recoveryCode)), now });
  } else if (code && user.mfa_secret) {
    const step = await checkTotp({ secret: user.mfa_secret, code, now: now.getTime() });
    ok = step !== undefined && (await repo.claimTotpStep(trx, { userId: user.id, step }));
  }
  if (ok) return true;
  await repo.recordSignInAttempt(trx, { username: user.username, ip: caller.ip, succeeded: false, at: now });
  await recordAudit(trx, actorOf(caller, user), { action, recordType: 'user', recordId: user.id, outcome: 'failure', details: { method } });
  // Guessing codes counts like guessing passwords: the same lock-out, and this session ends.
  const failures = await repo.countRecentFailures(trx, { username: user.username, since: new Date(now.getTime() - deps.config.signIn.windowMinutes * 60_000) });
  if (!shouldLock({ failures, maxFailures: deps.config.signIn.maxFailures })) return false;
  const until = new Date(now.getTime() + deps.config.signIn.windowMinutes * 60_000);
  await repo.setLockedUntil(trx, { userId: user.id, until });
  await repo.revokeUserSessions(trx, { userId: user.id, now });
  await recordAudit(trx, actorOf(caller, user), { action: 'user.locked', recordType: 'user', recordId: user.id, details: { failures, until: until.toISOString(), factor: 'mfa' } });
  return { locked: until };
}

/** A one-time password has been used: its line leaves the first start's file (one-time-passwords.ts). */
function oneTimePasswordUsed(deps: Deps, username: string) {
  try {
    forgetOneTimePassword({ dataDir: deps.config.dataDir, username });
  } catch (err) {
    deps.log.warn({ err }, 'could not remove a used one-time password from its file');
  }
}

/** Second factor: a TOTP code (never the same step twice) or an unused recovery code. */
export async function verifyMfa(deps: Deps, { session, code, recoveryCode, caller }: { session: SessionUser; code?: string; recoveryCode?: string; caller: Caller }) {
  const { db, clock } = deps;
  const now = clock.now();
  const user = (await repo.findUserById(db, session.userId))!;
  // A failed check must keep its audit event and counted attempt: the transaction commits either way.
  const result = await db.transaction().execute(async (trx) => {
    const checked = await checkSecondFactor(deps, trx, { user, code, recoveryCode, caller, action: 'auth.mfa' });
    if (checked !== true) return checked;
    const stage = await stageFor(trx, user, true);
    await repo.setSessionStage(trx, { sessionId: session.sessionId, stage });
    await repo.markSignedIn(trx, { userId: user.id, at: now });
    await recordAudit(trx, actorOf(caller, user), { action: 'auth.mfa', recordType: 'user', recordId: user.id, outcome: 'success', details: { method: recoveryCode ? 'recovery_code' : 'totp' } });
    return stage;
  });
  if (result === false) throw invalidCode();
  if (typeof result === 'object') throw accountLocked({ until: result.locked });
  return result;
}

/**
 * Proves again who is at the screen (password, and the second factor where the user has one) and
 * starts the sign-in's fixed length again from now, so that a shift is not cut off during handover.
 * The session, its cookie and CSRF token stay the same: nothing on the screen is lost. Returns the
 * new end.
 */
export async function reauthenticateSession(deps: Deps, { session, password, code, recoveryCode, caller }: {
  session: SessionUser; password: string; code?: string; recoveryCode?: string; caller: Caller;
}) {
  const { db, clock, config } = deps;
  const user = (await repo.findUserById(db, session.userId))!;
  await reauthenticate(deps, { user, password, caller, action: 'auth.reauthenticate', field: 'password' });
  if (user.mfa_enabled_at && !code && !recoveryCode) {
    throw validationFailed([{ path: 'code', message: 'Enter the 6-digit code from your authenticator app' }]);
  }
  const result = await db.transaction().execute(async (trx) => {
    if (user.mfa_enabled_at) {
      const checked = await checkSecondFactor(deps, trx, { user, code, recoveryCode, caller, action: 'auth.reauthenticate-mfa' });
      if (checked !== true) return checked;
    }
    const now = clock.now();
    const expiresAt = new Date(now.getTime() + config.session.absoluteHours * 3600_000);
    await repo.renewSession(trx, { sessionId: session.sessionId, now, expiresAt });
    await recordAudit(trx, actorOf(caller, user), { action: 'auth.reauthenticated', recordType: 'user', recordId: user.id, details: { sessionId: session.sessionId, expiresAt: expiresAt.toISOString(), secondFactor: !!user.mfa_enabled_at } });
    return expiresAt;
  });
  if (result === false) throw validationFailed([{ path: recoveryCode ? 'recoveryCode' : 'code', message: 'That code is not right, or it has already been used. Enter the current code from your authenticator app.' }]);
  if (result instanceof Date) return result;
  throw accountLocked({ until: result.locked });
}

export async function signOut(deps: Deps, { session, everywhere, caller }: { session: SessionUser; everywhere: boolean; caller: Caller }) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const ended = everywhere
      ? await repo.revokeUserSessions(trx, { userId: session.userId, now })
      : (await repo.revokeSession(trx, { sessionId: session.sessionId, now }), 1);
    await recordAudit(trx, actorOf(caller, { id: session.userId, username: session.username }), {
      action: everywhere ? 'auth.signed-out-everywhere' : 'auth.signed-out', recordType: 'user', recordId: session.userId, details: { sessionsEnded: ended },
    });
  });
}

export async function changePassword(deps: Deps, { session, currentPassword, newPassword, caller }: { session: SessionUser; currentPassword: string; newPassword: string; caller: Caller }) {
  const { db, clock } = deps;
  const now = clock.now();
  const user = (await repo.findUserById(db, session.userId))!;
  await reauthenticate(deps, { user, password: currentPassword, caller, action: 'account.password-change', field: 'currentPassword' });
  const problem = checkPassword({ password: newPassword, username: user.username, current: currentPassword });
  if (problem) throw validationFailed([{ path: 'newPassword', message: problem }]);
  const passwordHash = await hashPassword(newPassword);
  return db.transaction().execute(async (trx) => {
    await repo.updatePassword(trx, { userId: user.id, passwordHash, mustChange: false, now });
    const ended = await repo.revokeUserSessions(trx, { userId: user.id, now, keep: session.sessionId });
    const stage = session.stage === 'active' ? 'active' : await stageFor(trx, { ...user, must_change_password: false }, true);
    await repo.setSessionStage(trx, { sessionId: session.sessionId, stage });
    await recordAudit(trx, actorOf(caller, user), { action: 'account.password-changed', recordType: 'user', recordId: user.id, details: { otherSessionsEnded: ended, forced: user.must_change_password } });
    return stage;
  }).then((stage) => {
    oneTimePasswordUsed(deps, user.username);
    return stage;
  });
}

export async function startMfaSetup(deps: Deps, { session, password, caller }: { session: SessionUser; password: string; caller: Caller }) {
  // Adding or replacing an authenticator must not be possible with a stolen session alone.
  const user = (await repo.findUserById(deps.db, session.userId))!;
  if (user.mfa_enabled_at) throw mfaAlreadyEnabled();
  await reauthenticate(deps, { user, password, caller, action: 'account.mfa-setup', field: 'password' });
  const secret = newTotpSecret();
  const uri = totpUri({ issuer: `Vigil (${deps.config.council.name})`, label: session.username, secret });
  await deps.db.transaction().execute(async (trx) => {
    await repo.setPendingMfaSecret(trx, { userId: session.userId, secret });
    await recordAudit(trx, actorOf(caller, { id: session.userId, username: session.username }), { action: 'account.mfa-setup-started', recordType: 'user', recordId: session.userId });
  });
  return { secret, otpauthUri: uri, qrCodeDataUrl: await qrCodeDataUrl(uri) };
}

export async function confirmMfaSetup(deps: Deps, { session, code, caller }: { session: SessionUser; code: string; caller: Caller }) {
  const { db, clock } = deps;
  const now = clock.now();
  const user = (await repo.findUserById(db, session.userId))!;
  if (!user.mfa_pending_secret) throw noPendingMfa();
  const step = await checkTotp({ secret: user.mfa_pending_secret, code, now: now.getTime() });
  if (step === undefined) throw validationFailed([{ path: 'code', message: 'That code is not right. Enter the 6-digit code your authenticator app shows now.' }]);
  const codes = newRecoveryCodes();
  const stage = await db.transaction().execute(async (trx) => {
    await repo.enableMfa(trx, { userId: user.id, secret: user.mfa_pending_secret!, step, now });
    await repo.replaceRecoveryCodes(trx, { userId: user.id, hashes: codes.map((c) => sha256(normaliseRecoveryCode(c))) });
    const next = session.stage === 'active' ? 'active' : await stageFor(trx, { ...user, mfa_enabled_at: now }, true);
    await repo.setSessionStage(trx, { sessionId: session.sessionId, stage: next });
    await recordAudit(trx, actorOf(caller, user), { action: 'account.mfa-enabled', recordType: 'user', recordId: user.id });
    return next;
  });
  return { recoveryCodes: codes, stage };
}

/**
 * A signed-in user proves again who they are before a sensitive change. Wrong passwords count with
 * sign-in's (the same lock-out and rate limit): a stolen session must not become a way to guess
 * the password without limit. A lock-out here ends the user's sessions.
 */
async function reauthenticate(deps: Deps, { user, password, caller, action, field }: {
  user: { id: string; username: string; password_hash: string; is_active: boolean }; password: string; caller: Caller; action: string; field: 'password' | 'currentPassword';
}) {
  const { attemptId } = await guardedPasswordCheck(deps, {
    username: user.username, user, password, caller, endSessionsOnLock: true,
    failureReason: field === 'currentPassword' ? 'wrong_current_password' : 'wrong_password',
    wrongPassword: () => validationFailed([{ path: field, message: field === 'currentPassword' ? 'Your current password is not right.' : 'Your password is not right.' }]),
    audit: { actor: actorOf(caller, user), action },
  });
  await repo.markAttemptSucceeded(deps.db, { attemptId });
}

export async function disableMfa(deps: Deps, { session, password, caller }: { session: SessionUser; password: string; caller: Caller }) {
  const { db, clock } = deps;
  const user = (await repo.findUserById(db, session.userId))!;
  await reauthenticate(deps, { user, password, caller, action: 'account.mfa-disable', field: 'password' });
  const roles = await repo.listRoles(db, user.id);
  if (isMfaRequired({ roles, requiredRoles: await repo.getSetting<string[]>(db, MFA_ROLES_KEY, []) })) throw mfaRequired();
  await db.transaction().execute(async (trx) => {
    await repo.clearMfa(trx, { userId: user.id, now: clock.now() });
    await recordAudit(trx, actorOf(caller, user), { action: 'account.mfa-disabled', recordType: 'user', recordId: user.id });
  });
}

export async function regenerateRecoveryCodes(deps: Deps, { session, password, caller }: { session: SessionUser; password: string; caller: Caller }) {
  const { db } = deps;
  const user = (await repo.findUserById(db, session.userId))!;
  await reauthenticate(deps, { user, password, caller, action: 'account.recovery-codes', field: 'password' });
  if (!user.mfa_enabled_at) throw noPendingMfa();
  const codes = newRecoveryCodes();
  await db.transaction().execute(async (trx) => {
    await repo.replaceRecoveryCodes(trx, { userId: user.id, hashes: codes.map((c) => sha256(normaliseRecoveryCode(c))) });
    await recordAudit(trx, actorOf(caller, user), { action: 'account.recovery-codes-regenerated', recordType: 'user', recordId: user.id });
  });
  return { recoveryCodes: codes };
}

/** Scheduled: removes sessions and sign-in attempts nobody needs any more. */
export async function cleanUpSessions(deps: Deps) {
  const now = deps.clock.now();
  const sessions = await repo.deleteDeadSessions(deps.db, { now, idleMinutes: deps.config.session.idleMinutes });
  const attempts = await repo.deleteOldSignInAttempts(deps.db, { before: new Date(now.getTime() - 30 * 24 * 3600_000) });
  return { sessions, attempts };
}

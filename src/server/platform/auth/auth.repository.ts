import { sql } from 'kysely';
import type { Db } from '../db/db';

// SQL for sign-in, sessions, MFA and the settings auth reads. Nothing else.

export async function findUserByUsername(db: Db, username: string) {
  return db.selectFrom('users').selectAll().where('username', '=', username.toLowerCase()).executeTakeFirst();
}

export async function findUserById(db: Db, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function listRoles(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('user_roles').select('role').where('user_id', '=', userId).orderBy('role').execute();
  return rows.map((r) => r.role);
}

export async function recordSignInAttempt(db: Db, a: { username: string; ip: string; succeeded: boolean; at: Date }) {
  await db.insertInto('sign_in_attempts').values({ username: a.username.toLowerCase(), ip: a.ip, succeeded: a.succeeded, at: a.at }).execute();
}

const ATTEMPT_LOCK = 727_413_010; // advisory lock namespace: "vigil sign-in attempts"

/**
 * Counts, decides and records an attempt in one step, before any password is checked: the caller's
 * transaction holds a lock on the username and on the address until it commits, so parallel guesses
 * are counted one after another and each sees the attempts (still unresolved ones included) before it.
 * Returns the counts; `record` then inserts the attempt as failed until the caller settles it.
 */
export async function lockAttemptCounters(db: Db, { username, ip }: { username: string; ip: string }) {
  await sql`select pg_advisory_xact_lock(${ATTEMPT_LOCK}, hashtext(${username.toLowerCase()})), pg_advisory_xact_lock(${ATTEMPT_LOCK + 1}, hashtext(${ip}))`.execute(db);
}

export async function insertPendingAttempt(db: Db, a: { username: string; ip: string; at: Date }) {
  const r = await db.insertInto('sign_in_attempts').values({ username: a.username.toLowerCase(), ip: a.ip, succeeded: false, at: a.at }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

/** A reserved attempt whose password turned out right: it no longer counts as a failure. */
export async function markAttemptSucceeded(db: Db, { attemptId }: { attemptId: string }) {
  await db.updateTable('sign_in_attempts').set({ succeeded: true }).where('id', '=', attemptId).execute();
}

export async function findLockedUntil(db: Db, { username }: { username: string }) {
  const r = await db.selectFrom('users').select('locked_until').where('username', '=', username.toLowerCase()).executeTakeFirst();
  return r?.locked_until ?? null;
}

/** Locks the account unless it is already locked at `now`; true when this call locked it. */
export async function lockIfUnlocked(db: Db, { userId, until, now }: { userId: string; until: Date; now: Date }) {
  const r = await db.updateTable('users').set({ locked_until: until, updated_at: now }).where('id', '=', userId)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)])).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function countAttemptsFromIp(db: Db, { ip, since }: { ip: string; since: Date }) {
  const r = await db.selectFrom('sign_in_attempts').select(sql<string>`count(*)`.as('n')).where('ip', '=', ip).where('at', '>', since).executeTakeFirstOrThrow();
  return Number(r.n);
}

/**
 * Failures for a username since the later of `since` and its last completed sign-in. Completed, not
 * a succeeded attempt: a right password with the MFA code still to come must not reset the count,
 * or signing in again between wrong codes would guess codes for ever.
 */
export async function countRecentFailures(db: Db, { username, since }: { username: string; since: Date }) {
  const r = await sql<{ n: string }>`
    select count(*) as n from sign_in_attempts a
    where a.username = ${username.toLowerCase()} and not a.succeeded and a.at > ${since}
      and a.at > coalesce((select greatest(u.last_sign_in_at, u.failures_reset_at) from users u where u.username = a.username), '-infinity')`.execute(db);
  return Number(r.rows[0].n);
}

export async function setLockedUntil(db: Db, { userId, until }: { userId: string; until: Date | null }) {
  await db.updateTable('users').set({ locked_until: until, updated_at: new Date() }).where('id', '=', userId).execute();
}

/** An administrator's unlock or password reset: no lock, and earlier failures no longer count. */
export async function clearLockout(db: Db, { userId, now }: { userId: string; now: Date }) {
  await db.updateTable('users').set({ locked_until: null, failures_reset_at: now, updated_at: now }).where('id', '=', userId).execute();
}

export async function markSignedIn(db: Db, { userId, at }: { userId: string; at: Date }) {
  await db.updateTable('users').set({ last_sign_in_at: at, locked_until: null }).where('id', '=', userId).execute();
}

export type SessionStage = 'active' | 'mfa' | 'mfa_enrolment' | 'password_change';

export async function insertSession(db: Db, s: { tokenHash: string; userId: string; stage: SessionStage; csrfToken: string; ip: string; userAgent: string | null; now: Date; expiresAt: Date }) {
  return db.insertInto('sessions').values({
    token_hash: s.tokenHash, user_id: s.userId, stage: s.stage, csrf_token: s.csrfToken, ip: s.ip, user_agent: s.userAgent,
    created_at: s.now, last_seen_at: s.now, expires_at: s.expiresAt,
  }).returning(['id']).executeTakeFirstOrThrow();
}

/** The session behind a cookie, with its user, if it is live. */
export async function findLiveSession(db: Db, { tokenHash, now, idleSince }: { tokenHash: string; now: Date; idleSince: Date }) {
  return db.selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .innerJoin('organisations as o', 'o.id', 'u.organisation_id')
    .select([
      's.id as sessionId', 's.stage', 's.csrf_token as csrfToken', 's.expires_at as expiresAt', 's.last_seen_at as lastSeenAt',
      'u.id as userId', 'u.username', 'u.display_name as displayName', 'u.mfa_enabled_at as mfaEnabledAt',
      'o.id as organisationId', 'o.name as organisationName', 'o.is_external as organisationIsExternal',
      sql<string[]>`coalesce((select array_agg(r.role order by r.role) from user_roles r where r.user_id = u.id), '{}')`.as('roles'),
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', idleSince)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
}

export async function touchSession(db: Db, { sessionId, now }: { sessionId: string; now: Date }) {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id', '=', sessionId).execute();
}

/** Re-authentication: the session's fixed end starts again, and it counts as activity. */
export async function renewSession(db: Db, { sessionId, now, expiresAt }: { sessionId: string; now: Date; expiresAt: Date }) {
  await db.updateTable('sessions').set({ expires_at: expiresAt, last_seen_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

export async function setSessionStage(db: Db, { sessionId, stage }: { sessionId: string; stage: SessionStage }) {
  await db.updateTable('sessions').set({ stage }).where('id', '=', sessionId).execute();
}

export async function revokeSession(db: Db, { sessionId, now }: { sessionId: string; now: Date }) {
  await db.updateTable('sessions').set({ revoked_at: now }).where('id', '=', sessionId).where('revoked_at', 'is', null).execute();
}

/** Ends every live session of a user, except `keep` if given. Returns how many ended. */
export async function revokeUserSessions(db: Db, { userId, now, keep }: { userId: string; now: Date; keep?: string }) {
  let q = db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null);
  if (keep) q = q.where('id', '!=', keep);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Deletes sessions that ended (expired, idle or revoked) more than a day ago. */
export async function deleteDeadSessions(db: Db, { now, idleMinutes }: { now: Date; idleMinutes: number }) {
  const dayAgo = new Date(now.getTime() - 24 * 3600_000);
  const idleCut = new Date(now.getTime() - idleMinutes * 60_000 - 24 * 3600_000);
  const r = await db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<', dayAgo), eb('revoked_at', '<', dayAgo), eb('last_seen_at', '<', idleCut)]))
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteOldSignInAttempts(db: Db, { before }: { before: Date }) {
  const r = await db.deleteFrom('sign_in_attempts').where('at', '<', before).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function updatePassword(db: Db, { userId, passwordHash, mustChange, now }: { userId: string; passwordHash: string; mustChange: boolean; now: Date }) {
  await db.updateTable('users').set({ password_hash: passwordHash, must_change_password: mustChange, password_changed_at: now, updated_at: now }).where('id', '=', userId).execute();
}

export async function setPendingMfaSecret(db: Db, { userId, secret }: { userId: string; secret: string }) {
  await db.updateTable('users').set({ mfa_pending_secret: secret }).where('id', '=', userId).execute();
}

export async function enableMfa(db: Db, { userId, secret, step, now }: { userId: string; secret: string; step: number; now: Date }) {
  await db.updateTable('users').set({ mfa_secret: secret, mfa_pending_secret: null, mfa_enabled_at: now, mfa_last_step: String(step), updated_at: now }).where('id', '=', userId).execute();
}

export async function clearMfa(db: Db, { userId, now }: { userId: string; now: Date }) {
  await db.updateTable('users').set({ mfa_secret: null, mfa_pending_secret: null, mfa_enabled_at: null, mfa_last_step: null, updated_at: now }).where('id', '=', userId).execute();
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

/** Records the TOTP step used, only if it is newer than the last: false means a replayed code. */
export async function claimTotpStep(db: Db, { userId, step }: { userId: string; step: number }) {
  const r = await db.updateTable('users').set({ mfa_last_step: String(step) }).where('id', '=', userId)
    .where((eb) => eb.or([eb('mfa_last_step', 'is', null), eb('mfa_last_step', '<', String(step))])).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function replaceRecoveryCodes(db: Db, { userId, hashes }: { userId: string; hashes: string[] }) {
  await db.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (hashes.length) await db.insertInto('recovery_codes').values(hashes.map((h) => ({ user_id: userId, code_hash: h }))).execute();
}

export async function useRecoveryCode(db: Db, { userId, hash, now }: { userId: string; hash: string; now: Date }) {
  const r = await db.updateTable('recovery_codes').set({ used_at: now }).where('user_id', '=', userId).where('code_hash', '=', hash).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getSetting<T>(db: Db, key: string, fallback: T): Promise<T> {
  const r = await db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
  return (r?.value as T) ?? fallback;
}

export async function putSetting(db: Db, { key, value, userId, now }: { key: string; value: unknown; userId: string | null; now: Date }) {
  await db.insertInto('settings').values({ key, value: JSON.stringify(value), updated_by: userId, updated_at: now })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(value), updated_by: userId, updated_at: now })).execute();
}

import type { SessionStage } from './auth.repository';

// Pure decisions about sign-in. Tested without a database.

/**
 * Where a session stands after each step: a password proves the first factor; an enrolled user must
 * then give a code; a forced password change comes next; then MFA enrolment if the role needs it.
 */
export function nextStage({ mfaEnabled, mfaVerified, mustChangePassword, mfaRequired }: {
  mfaEnabled: boolean; mfaVerified: boolean; mustChangePassword: boolean; mfaRequired: boolean;
}): SessionStage {
  if (mfaEnabled && !mfaVerified) return 'mfa';
  if (mustChangePassword) return 'password_change';
  if (mfaRequired && !mfaEnabled) return 'mfa_enrolment';
  return 'active';
}

export function isMfaRequired({ roles, requiredRoles }: { roles: readonly string[]; requiredRoles: readonly string[] }) {
  return roles.some((r) => requiredRoles.includes(r));
}

export function isLocked({ lockedUntil, now }: { lockedUntil: Date | null; now: Date }) {
  return lockedUntil !== null && lockedUntil.getTime() > now.getTime();
}

/** After a failure is recorded: lock when the failures in the window reach the limit. */
export function shouldLock({ failures, maxFailures }: { failures: number; maxFailures: number }) {
  return failures >= maxFailures;
}

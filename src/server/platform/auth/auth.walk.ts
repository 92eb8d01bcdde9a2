import { generate, generateSecret } from 'otplib';
import type { Walk, WalkCtx } from '../../../../test/support/walk';
import { uniq } from '../../../../test/support/deps';
import { isMfaRequired } from './auth.models';
import { getSetting } from './auth.repository';

// Signing in and one's own account: the route × role table's platform part (test/support/walk.ts).

const setSecret = async ({ deps, user }: WalkCtx, enabled: boolean) => {
  const secret = generateSecret();
  await deps.db.updateTable('users').set(enabled ? { mfa_secret: secret, mfa_enabled_at: new Date() } : { mfa_pending_secret: secret }).where('id', '=', user.id).execute();
  return secret;
};

export const walk: Walk = {
  'GET /api/v1/meta': { allowed: 'public' },
  'POST /api/v1/auth/sign-in': { allowed: 'public', body: ({ user }) => ({ username: user.username, password: user.password }) },
  'GET /api/v1/auth/session': { allowed: 'signed-in', stages: ['active', 'password_change', 'mfa_enrolment', 'mfa'] },
  'POST /api/v1/auth/sign-out': { allowed: 'signed-in', stages: ['active', 'password_change', 'mfa_enrolment', 'mfa'] },
  'POST /api/v1/auth/mfa': {
    // Only a session waiting for its second factor may send one; a wrong code is refused as such.
    allowed: 'signed-in', stages: ['mfa'], body: () => ({ code: '000000' }), allowedStatus: () => [401],
  },
  'POST /api/v1/auth/reauthenticate': { allowed: 'signed-in', body: ({ user }) => ({ password: user.password }) },
  'POST /api/v1/auth/sign-out-everywhere': { allowed: 'signed-in' },
  'POST /api/v1/account/password': { allowed: 'signed-in', stages: ['active', 'password_change'], body: ({ user }) => ({ currentPassword: user.password, newPassword: `${uniq('violet')} harbour quilt` }) },
  'POST /api/v1/account/mfa/setup': { allowed: 'signed-in', stages: ['active', 'mfa_enrolment'], body: ({ user }) => ({ password: user.password }) },
  'POST /api/v1/account/mfa/confirm': { allowed: 'signed-in', stages: ['active', 'mfa_enrolment'], body: async (ctx) => ({ code: await generate({ secret: await setSecret(ctx, false) }) }) },
  'POST /api/v1/account/mfa/disable': {
    allowed: 'signed-in', body: ({ user }) => ({ password: user.password }),
    allowedStatus: async (roles, { deps }) => (isMfaRequired({ roles, requiredRoles: await getSetting<string[]>(deps.db, 'auth.mfa_required_roles', []) }) ? [409] : [204]),
  },
  'POST /api/v1/account/recovery-codes': { allowed: 'signed-in', body: async (ctx) => { await setSecret(ctx, true); return { password: ctx.user.password }; } },
};

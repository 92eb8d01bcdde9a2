import { ADMINS, type Walk } from '../../../../test/support/walk';
import { getSetting } from '../../platform/auth/auth.repository';
import { getRetentionDays } from '../occurrences';

export const walk: Walk = {
  'GET /api/v1/settings/security': { allowed: ADMINS },
  // Writes back the policy it finds, so that other tests sharing the database see no change.
  'PUT /api/v1/settings/security': { allowed: ADMINS, body: async ({ deps }) => ({ mfaRequiredRoles: await getSetting<string[]>(deps.db, 'auth.mfa_required_roles', []) }) },

  'GET /api/v1/settings/retention': { allowed: ADMINS },
  // Writes back the ages it finds, as above.
  'PUT /api/v1/settings/retention': { allowed: ADMINS, body: async ({ deps }) => getRetentionDays(deps) },
};

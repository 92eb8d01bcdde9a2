import { ADMINS, type Walk, type WalkCtx } from '../../../../test/support/walk';
import { makeUser, uniq } from '../../../../test/support/deps';

const target = async ({ deps, councilOrgId }: WalkCtx) => (await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId })).id;
const onUser = (tail = '') => async (ctx: WalkCtx) => `/api/v1/users/${await target(ctx)}${tail}`;

export const walk: Walk = {
  'GET /api/v1/users': { allowed: ADMINS, path: () => '/api/v1/users?status=all&q=a' },
  'POST /api/v1/users': { allowed: ADMINS, body: ({ councilOrgId }) => ({ username: uniq('new'), displayName: 'New Person', organisationId: councilOrgId, roles: ['operator'] }) },
  'GET /api/v1/users/:id': { allowed: ADMINS, path: onUser() },
  'PATCH /api/v1/users/:id': { allowed: ADMINS, path: onUser(), body: () => ({ displayName: 'Renamed Person' }) },
  'POST /api/v1/users/:id/deactivate': { allowed: ADMINS, path: onUser('/deactivate') },
  'POST /api/v1/users/:id/reactivate': { allowed: ADMINS, path: onUser('/reactivate') },
  'POST /api/v1/users/:id/reset-mfa': { allowed: ADMINS, path: onUser('/reset-mfa') },
  'POST /api/v1/users/:id/unlock': { allowed: ADMINS, path: onUser('/unlock') },
  'POST /api/v1/users/:id/reset-password': { allowed: ADMINS, path: onUser('/reset-password') },
  'GET /api/v1/organisations': { allowed: ADMINS },
  'GET /api/v1/teams': { allowed: ADMINS },
  'GET /api/v1/roles': { allowed: ADMINS },
};

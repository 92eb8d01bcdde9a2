import { randomUUID } from 'node:crypto';
import { FIELD_USERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { aDevice, actorOf, patrolStart } from './handheld.fixtures';

// The handheld's part of the route × role table, written by hand. Device routes act on a device
// registered to the caller; a role without field.use is refused before that matters.

const own = (tail: string) => async (ctx: WalkCtx) => `/api/v1/field/devices/${(await aDevice(ctx.deps, actorOf(ctx.user))).device.id}${tail}`;

export const walk: Walk = {
  'POST /api/v1/field/devices': { allowed: FIELD_USERS, body: () => ({ id: randomUUID(), name: 'Walk handheld' }) },
  'GET /api/v1/field/devices': { allowed: FIELD_USERS },
  'POST /api/v1/field/devices/:id/blocks': { allowed: FIELD_USERS, path: own('/blocks') },
  'GET /api/v1/field/devices/:id/key': { allowed: FIELD_USERS, path: own('/key') },
  'POST /api/v1/field/devices/:id/status': { allowed: FIELD_USERS, path: own('/status'), body: () => ({ queued: 3 }) },
  'PUT /api/v1/field/photos/:id': {
    allowed: FIELD_USERS, allowedStatus: () => [415],
    path: async (ctx) => `/api/v1/field/photos/${randomUUID()}?deviceId=${(await aDevice(ctx.deps, actorOf(ctx.user))).device.id}`,
    body: () => ({ photo: 'not an image' }),
  },
  'POST /api/v1/field/sync': {
    allowed: FIELD_USERS,
    body: async (ctx) => ({ deviceId: (await aDevice(ctx.deps, actorOf(ctx.user))).device.id, queued: 0, records: [patrolStart(ctx.deps.clock.now())] }),
  },
};

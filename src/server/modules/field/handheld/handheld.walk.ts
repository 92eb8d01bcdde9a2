import { randomUUID } from 'node:crypto';
import { ENFORCEMENT_READERS, FIELD_LEADERS, FIELD_USERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { issuePcnFromHandheld } from '../../enforcement';
import { patrolActor, pcnPayload } from '../../enforcement/pcns/pcns.walk';
import { aDevice, aPhoto, actorOf, patrolStart } from './handheld.fixtures';

// The handheld's part of the route × role table, written by hand. Device routes act on a device
// registered to the caller; a role without field.use is refused before that matters.

/** A photo an officer of the council took and put on a PCN: every enforcement reader may see it. */
async function photoOnAPcn(ctx: WalkCtx) {
  const officer = await patrolActor(ctx.deps, ctx.councilOrgId);
  const { device } = await aDevice(ctx.deps, officer);
  const photoId = await aPhoto(ctx.deps, officer, device.id);
  await issuePcnFromHandheld(ctx.deps, { actor: officer, deviceId: device.id, payload: pcnPayload(ctx.deps.clock.now(), { photoIds: [photoId] }) });
  return `/api/v1/field/photos/${photoId}`;
}

const own = (tail: string) => async (ctx: WalkCtx) => `/api/v1/field/devices/${(await aDevice(ctx.deps, actorOf(ctx.user))).device.id}${tail}`;

export const walk: Walk = {
  'POST /api/v1/field/devices': { allowed: FIELD_USERS, body: () => ({ id: randomUUID(), name: 'Walk handheld' }) },
  'GET /api/v1/field/devices': { allowed: FIELD_USERS },
  'POST /api/v1/field/devices/:id/blocks': { allowed: FIELD_USERS, path: own('/blocks') },
  'GET /api/v1/field/devices/:id/key': { allowed: FIELD_USERS, path: own('/key') },
  'POST /api/v1/field/devices/:id/withdrawal': { allowed: FIELD_LEADERS, path: own('/withdrawal'), body: () => ({ reason: 'lost', note: 'Left on the 36 bus' }) },
  'POST /api/v1/field/devices/:id/status': { allowed: FIELD_USERS, path: own('/status'), body: () => ({ queued: 3 }) },
  'PUT /api/v1/field/photos/:id': {
    allowed: FIELD_USERS, allowedStatus: () => [415],
    path: async (ctx) => `/api/v1/field/photos/${randomUUID()}?deviceId=${(await aDevice(ctx.deps, actorOf(ctx.user))).device.id}`,
    body: () => ({ photo: 'not an image' }),
  },
  'GET /api/v1/field/photos/:id': { allowed: ENFORCEMENT_READERS, path: photoOnAPcn },
  'POST /api/v1/field/sync': {
    allowed: FIELD_USERS,
    body: async (ctx) => ({ deviceId: (await aDevice(ctx.deps, actorOf(ctx.user))).device.id, queued: 0, records: [patrolStart(ctx.deps.clock.now())] }),
  },
};

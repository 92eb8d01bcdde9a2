import { FIELD_USERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { aDevice, actorOf, patrolStart } from '../handheld/handheld.fixtures';
import { sync } from '../handheld/handheld.usecases';

// Patrols' part of the route × role table, written by hand: a patrol of the caller's own, synced from their device.

async function ownPatrol(ctx: WalkCtx) {
  const actor = actorOf(ctx.user);
  const { device } = await aDevice(ctx.deps, actor);
  const start = patrolStart(ctx.deps.clock.now());
  await sync(ctx.deps, { actor, deviceId: device.id, queued: 0, records: [start] });
  return start.payload.patrolId as string;
}

export const walk: Walk = {
  'GET /api/v1/field/patrols': { allowed: FIELD_USERS },
  'GET /api/v1/field/patrols.csv': { allowed: FIELD_USERS },
  'GET /api/v1/field/patrols/:id': { allowed: FIELD_USERS, path: async (ctx) => `/api/v1/field/patrols/${await ownPatrol(ctx)}` },
};

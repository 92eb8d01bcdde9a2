import { VIEWING_KEEPERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { uniq } from '../../../../../test/support/deps';
import { aRequest, handlerActor } from '../register/register.walk';
import * as uc from './viewings.usecases';

// The viewing diary's part of the route × role table (test/support/walk.ts), written by hand.

/** A booking an hour long, some days ahead, in a room of its own (so walks never clash). */
export const aBooking = (over: { room?: string; startsAt?: Date } = {}) => {
  const startsAt = over.startsAt ?? new Date(Date.now() + 3 * 86_400_000);
  return { startsAt, endsAt: new Date(startsAt.getTime() + 3_600_000), room: over.room ?? uniq('Viewing suite'), viewerName: 'PC Sam Jones', viewerOrganisation: 'Staffordshire Police', viewerAuthority: 'CR/0451/26' };
};

async function aBookedViewing(ctx: WalkCtx) {
  const r = await aRequest(ctx, { type: 'viewing', summary: 'View the footage of the car park on Friday' });
  return uc.bookViewing(ctx.deps, { actor: await handlerActor(ctx), id: r.id, input: aBooking() });
}

export const walk: Walk = {
  'POST /api/v1/requests/:id/viewings': {
    allowed: VIEWING_KEEPERS, path: async (ctx) => `/api/v1/requests/${(await aRequest(ctx, { type: 'viewing', summary: 'View the footage of the car park' })).id}/viewings`,
    body: () => ({ ...aBooking(), startsAt: aBooking().startsAt.toISOString(), endsAt: aBooking().endsAt.toISOString() }),
  },
  'GET /api/v1/viewings': { allowed: VIEWING_KEEPERS },
  'POST /api/v1/viewings/:viewingId/record': {
    allowed: VIEWING_KEEPERS, path: async (ctx) => `/api/v1/viewings/${(await aBookedViewing(ctx)).id}/record`,
    body: () => ({ state: 'viewed', viewed: 'The whole 20 minutes from camera 12' }),
  },
};

import { OOH_MANAGERS, OOH_OFFICERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import type { AddOohRotaEntry } from '../../../../domain/ooh/calls.contract';
import * as uc from './rota.usecases';

// The rota's part of the route × role table, written by hand.

export async function managerActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>): Promise<uc.Actor> {
  const u = await makeUser(deps, { roles: ['supervisor'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export async function dutyId(ctx: Pick<WalkCtx, 'deps'>, key = 'dog_warden') {
  return (await ctx.deps.db.selectFrom('ooh_duties').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
}

export const shiftInput = async (ctx: Pick<WalkCtx, 'deps'>, over: Partial<AddOohRotaEntry> = {}) => ({
  dutyId: await dutyId(ctx), level: 4, personName: 'Pat Warden', phone: '07700 900123',
  startsAt: new Date('2030-01-01T17:00:00Z'), endsAt: new Date('2030-01-02T09:00:00Z'), note: '', ...over,
});

export const walk: Walk = {
  'GET /api/v1/ooh/rota': { allowed: OOH_OFFICERS },
  'POST /api/v1/ooh/rota': { allowed: OOH_MANAGERS, body: async (ctx) => shiftInput(ctx) },
  'POST /api/v1/ooh/rota/:id/removal': {
    allowed: OOH_MANAGERS,
    path: async (ctx) => `/api/v1/ooh/rota/${(await uc.addShift(ctx.deps, { actor: await managerActor(ctx), input: await shiftInput(ctx) })).id}/removal`,
    body: () => ({ reason: 'Swapped with a colleague' }),
  },
};

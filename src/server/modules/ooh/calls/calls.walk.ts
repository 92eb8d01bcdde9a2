import { OOH_MANAGERS, OOH_OFFICERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import type { TakeOohCall } from '../../../../domain/ooh/calls.contract';
import * as uc from './calls.usecases';

// The call log's and categories' part of the route × role table, written by hand.

export async function officerActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>): Promise<uc.Actor> {
  const u = await makeUser(deps, { roles: ['ooh_officer'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export const categoryId = async (ctx: Pick<WalkCtx, 'deps'>, key = 'other') =>
  (await ctx.deps.db.selectFrom('ooh_call_categories').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;

export const callInput = async (ctx: Pick<WalkCtx, 'deps'>, over: Partial<TakeOohCall> = {}): Promise<TakeOohCall> => ({
  callerName: 'Mrs Ellis', callbackNumber: '07700 900555', address: '12 Station Road', categoryId: await categoryId(ctx),
  priorityKey: 'urgent', description: 'Fly-tipped fridge blocking the alley', vulnerable: false, vulnerability: '', ...over,
});

const aCall = async (ctx: WalkCtx, over: Partial<TakeOohCall> = {}) => uc.takeCall(ctx.deps, { actor: await officerActor(ctx), input: await callInput(ctx, over) });
const onCall = (tail: string, over: Partial<TakeOohCall> = {}) => async (ctx: WalkCtx) => `/api/v1/ooh/calls/${(await aCall(ctx, over)).id}${tail}`;
const priorities = [{ key: 'urgent', name: 'Urgent', response: { kind: 'within', minutes: 60 } }];

export const walk: Walk = {
  'GET /api/v1/ooh/calls': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/calls?status=open&sort=response_asc' },
  'GET /api/v1/ooh/calls.csv': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/calls.csv?q=nothing-matches-this' },
  'GET /api/v1/ooh/calls/downgraded.csv': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/calls/downgraded.csv?from=2020-01-01&to=2020-01-02' },
  'POST /api/v1/ooh/calls': { allowed: OOH_OFFICERS, body: (ctx) => callInput(ctx) },
  'GET /api/v1/ooh/calls/:id': { allowed: OOH_OFFICERS, path: onCall('') },
  // Whether anyone is on call for "other" (the duty manager) depends on the rota: 200 or 409.
  'POST /api/v1/ooh/calls/:id/referral': { allowed: OOH_OFFICERS, path: onCall('/referral'), body: () => ({ note: '' }), allowedStatus: () => [200, 409] },
  'POST /api/v1/ooh/calls/:id/acknowledgement': { allowed: OOH_OFFICERS, path: onCall('/acknowledgement'), body: () => ({ note: '' }), allowedStatus: () => [409] },
  'POST /api/v1/ooh/calls/:id/downgrade': { allowed: OOH_OFFICERS, path: onCall('/downgrade'), body: () => ({ reason: 'Can wait for the day service' }) },
  'POST /api/v1/ooh/calls/:id/closure': { allowed: OOH_OFFICERS, path: onCall('/closure'), body: () => ({ advice: 'Advised to report it online in the morning' }) },
  'POST /api/v1/ooh/calls/:id/fault': {
    allowed: OOH_OFFICERS, path: onCall('/fault'), body: () => ({ target: 'camera', cameraId: '00000000-0000-4000-8000-000000000000' }),
    allowedStatus: () => [409], // an "other" call is no equipment fault
  },
  'GET /api/v1/ooh/call-categories': { allowed: OOH_OFFICERS },
  'GET /api/v1/ooh/call-settings': { allowed: OOH_MANAGERS },
  'POST /api/v1/ooh/call-settings': {
    allowed: OOH_MANAGERS,
    body: () => ({ key: `walk_${Math.random().toString(36).slice(2, 10)}`, name: 'Walk category', dutyId: null, ackMinutes: 15, priorities, isActive: false }),
  },
  'PUT /api/v1/ooh/call-settings/:id': {
    allowed: OOH_MANAGERS,
    path: async (ctx) => {
      const id = (await ctx.deps.db.insertInto('ooh_call_categories').values({ key: `walk_${Math.random().toString(36).slice(2, 10)}`, name: 'Walk category', ack_minutes: 15, priorities: JSON.stringify(priorities), is_active: false }).returning('id').executeTakeFirstOrThrow()).id;
      return `/api/v1/ooh/call-settings/${id}`;
    },
    body: () => ({ name: 'Walk category, renamed', dutyId: null, ackMinutes: 20, priorities, isActive: false }),
  },
};

import { AGENCIES, REQUEST_HANDLERS, REQUEST_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser, uniq } from '../../../../../test/support/deps';
import { londonDay } from '../../../../domain/calendar/london';
import type { ReceiveRequest } from '../../../../domain/requests/contract';
import * as uc from './register.usecases';

// The register's part of the route × role table (test/support/walk.ts), written by hand. Partner
// agencies use /api/v1/partner/requests and reach only their own organisation's requests.

export async function handlerActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>): Promise<uc.Actor> {
  const u = await makeUser(deps, { roles: ['enforcement_officer'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id, viewer: { party: 'council' } };
}

export const requestInput = (over: Partial<ReceiveRequest> = {}): ReceiveRequest => ({
  type: 'sar', receivedOn: londonDay(), channel: 'email',
  requester: { name: uniq('Alex Requester'), organisation: '', email: 'alex@example.org', phone: '', address: '1 High Street' },
  summary: 'Footage of me outside the station on Friday night', place: 'Station Road', cameraIds: [], personDescription: 'Tall, dark hair', clothing: 'Red coat',
  isDataProtectionComplaint: false, ...over,
});

/** A request received today by an enforcement officer; for an agency caller, one of its own organisation's. */
export async function aRequest(ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'> & { user?: WalkCtx['user'] }, over: Partial<ReceiveRequest> = {}, { forOrganisation }: { forOrganisation?: string } = {}) {
  const actor = await handlerActor(ctx);
  return uc.receiveRequest(ctx.deps, { actor, input: requestInput(over), organisationId: forOrganisation ?? null });
}

const onRequest = (tail = '', over: Partial<ReceiveRequest> = {}) => async (ctx: WalkCtx) => `/api/v1/requests/${(await aRequest(ctx, over)).id}${tail}`;
const onOwnRequest = (tail = '') => async (ctx: WalkCtx) =>
  `/api/v1/partner/requests/${(await aRequest(ctx, { type: 'agency_footage', authority: { crimeReference: 'CR/1/26', exemption: 'DPA 2018 Sch 2 Pt 1 para 2', officerName: 'PC Jones', officerRank: 'Constable', officerNumber: '1234' } }, { forOrganisation: ctx.user.organisationId })).id}${tail}`;

export const walk: Walk = {
  'GET /api/v1/requests': { allowed: REQUEST_READERS, path: () => '/api/v1/requests?due=open&sort=received_desc' },
  'GET /api/v1/requests.csv': { allowed: REQUEST_READERS, path: () => '/api/v1/requests.csv?type=sar' },
  'POST /api/v1/requests': { allowed: REQUEST_HANDLERS, body: () => requestInput({ type: 'foi', summary: 'How many cameras does the council run?' }) },
  'GET /api/v1/requests/dashboard': { allowed: REQUEST_READERS },
  'GET /api/v1/requests/:id': { allowed: REQUEST_READERS, path: onRequest() },
  'POST /api/v1/requests/:id/status': { allowed: REQUEST_HANDLERS, path: onRequest('/status'), body: () => ({ status: 'searching', note: 'Looking' }) },
  'POST /api/v1/requests/:id/clock-stops': { allowed: REQUEST_HANDLERS, path: onRequest('/clock-stops'), body: () => ({ reason: 'identity', note: 'Asked for photo ID' }) },
  'POST /api/v1/requests/:id/clock-restarts': {
    allowed: REQUEST_HANDLERS,
    path: async (ctx) => {
      const r = await aRequest(ctx);
      await uc.stopClock(ctx.deps, { actor: await handlerActor(ctx), id: r.id, input: { reason: 'identity', note: 'Asked for photo ID' } });
      return `/api/v1/requests/${r.id}/clock-restarts`;
    },
    body: () => ({ note: 'Passport copy arrived' }),
  },
  'POST /api/v1/requests/:id/extension': { allowed: REQUEST_HANDLERS, path: onRequest('/extension'), body: () => ({ reason: 'Many hours of footage from six cameras', notifiedOn: londonDay() }) },
  'POST /api/v1/requests/:id/owner': {
    allowed: REQUEST_HANDLERS, path: async (ctx) => { ctx.bag.ownerId = (await handlerActor(ctx)).userId; return onRequest('/owner')(ctx); },
    body: ({ bag }) => ({ ownerId: bag.ownerId }),
  },
  'POST /api/v1/requests/:id/escalation': { allowed: REQUEST_HANDLERS, path: onRequest('/escalation', { type: 'complaint', summary: 'Camera points at my garden' }), body: () => ({ on: londonDay(), note: 'Not satisfied with stage 1' }) },
  'POST /api/v1/requests/:id/notes': { allowed: REQUEST_HANDLERS, path: onRequest('/notes'), body: () => ({ note: 'Rang the requester' }) },
  'POST /api/v1/requests/:id/reopening': {
    allowed: REQUEST_HANDLERS,
    path: async (ctx) => {
      const r = await aRequest(ctx);
      await uc.changeStatus(ctx.deps, { actor: await handlerActor(ctx), id: r.id, input: { status: 'withdrawn', note: '' } });
      return `/api/v1/requests/${r.id}/reopening`;
    },
    body: () => ({ reason: 'The requester wrote again the next day' }),
  },
  'GET /api/v1/partner/requests': { allowed: AGENCIES },
  'POST /api/v1/partner/requests': {
    allowed: AGENCIES,
    body: () => ({
      summary: 'Assault outside the Red Lion at about 23:40', place: 'Market Place', timeFrom: '2026-11-20T23:00:00Z', timeTo: '2026-11-21T00:30:00Z',
      authority: { crimeReference: 'CR/0451/26', exemption: 'DPA 2018 Sch 2 Pt 1 para 2', officerName: 'PC Sam Jones', officerRank: 'Constable', officerNumber: '4471' },
    }),
  },
  'GET /api/v1/partner/requests/:id': { allowed: AGENCIES, path: onOwnRequest() },
  'POST /api/v1/partner/requests/:id/notes': { allowed: AGENCIES, path: onOwnRequest('/notes'), body: () => ({ note: 'The suspect wore a green jacket' }) },
  'POST /api/v1/partner/requests/:id/withdrawal': { allowed: AGENCIES, path: onOwnRequest('/withdrawal'), body: () => ({ note: 'Charged on other evidence' }) },
};

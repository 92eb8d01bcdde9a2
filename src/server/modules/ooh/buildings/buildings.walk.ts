import { OOH_MANAGERS, OOH_OFFICERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { uniq } from '../../../../../test/support/deps';
import { londonDay } from '../../../../domain/calendar/london';
import { oohActor } from '../absence/absence.walk';
import * as buildings from './buildings.usecases';
import * as alarms from './alarms.usecases';
import * as patrols from './patrols.usecases';

// Alarms, patrols, buildings and access: their part of the route × role table, written by hand.

export const buildingInput = () => ({ name: uniq('Walk Building'), address: '1 Walk Street', checklist: ['Rooms vacated', 'Doors secured'] });
export const aBuilding = async (ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'>) => buildings.saveBuilding(ctx.deps, { actor: await oohActor(ctx), input: buildingInput() });
const anAlarm = async (ctx: WalkCtx) => alarms.raiseAlarm(ctx.deps, { actor: await oohActor(ctx), input: { buildingId: (await aBuilding(ctx)).id, kind: 'intruder', raisedAt: new Date(Date.now() - 600_000), location: '', source: '' } });
const aPatrol = async (ctx: WalkCtx) => patrols.startPatrol(ctx.deps, { actor: await oohActor(ctx), buildingId: (await aBuilding(ctx)).id });
const entryInput = () => ({ name: 'Walk Visitor', organisation: '', validFrom: londonDay(), validTo: null, idCheck: 'Council ID card' });
const anEntry = async (ctx: WalkCtx) => buildings.addAccessEntry(ctx.deps, { actor: await oohActor(ctx), buildingId: (await aBuilding(ctx)).id, input: entryInput() });
const progress = { checks: [{ item: 'Rooms vacated', outcome: 'ok' }, { item: 'Doors secured', outcome: 'problem', note: 'Fire door wedged open: closed' }], lateWorkers: [], notes: '' };

export const walk: Walk = {
  'GET /api/v1/ooh/buildings': { allowed: OOH_OFFICERS },
  'POST /api/v1/ooh/buildings': { allowed: OOH_MANAGERS, body: buildingInput },
  'GET /api/v1/ooh/buildings/:id': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/buildings/${(await aBuilding(ctx)).id}` },
  'PUT /api/v1/ooh/buildings/:id': { allowed: OOH_MANAGERS, path: async (ctx) => `/api/v1/ooh/buildings/${(await aBuilding(ctx)).id}`, body: buildingInput },
  'POST /api/v1/ooh/buildings/:id/access-list': { allowed: OOH_MANAGERS, path: async (ctx) => `/api/v1/ooh/buildings/${(await aBuilding(ctx)).id}/access-list`, body: entryInput },
  'PUT /api/v1/ooh/access-list/:id': { allowed: OOH_MANAGERS, path: async (ctx) => `/api/v1/ooh/access-list/${(await anEntry(ctx)).id}`, body: entryInput },
  'DELETE /api/v1/ooh/access-list/:id': { allowed: OOH_MANAGERS, path: async (ctx) => `/api/v1/ooh/access-list/${(await anEntry(ctx)).id}` },
  'GET /api/v1/ooh/access-check': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/access-check?buildingId=${(await anEntry(ctx)).buildingId}&name=walk%20visitor` },
  'GET /api/v1/ooh/access-requests': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/access-requests?page=1' },
  'POST /api/v1/ooh/access-requests': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => { ctx.bag.buildingId = (await aBuilding(ctx)).id; return '/api/v1/ooh/access-requests'; },
    body: (ctx) => ({ buildingId: ctx.bag.buildingId, visitorName: 'Someone Unknown', idType: 'None', decision: 'refused', reason: 'Not on the list' }),
  },
  'POST /api/v1/ooh/access-requests/:id/departure': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => {
      const e = await anEntry(ctx);
      const r = await buildings.recordAccess(ctx.deps, { actor: await oohActor(ctx), input: { buildingId: e.buildingId, visitorName: e.name, visitorOrganisation: '', idType: 'Council ID card', idLast4: '', decision: 'let_in', reason: '', authorisedBy: '' } });
      return `/api/v1/ooh/access-requests/${r.id}/departure`;
    },
    body: () => ({ at: new Date().toISOString() }),
  },
  'GET /api/v1/ooh/alarms': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/alarms?open=true&sort=building_asc' },
  'GET /api/v1/ooh/alarms.csv': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/alarms.csv?kind=fire' },
  'POST /api/v1/ooh/alarms': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => { ctx.bag.buildingId = (await aBuilding(ctx)).id; return '/api/v1/ooh/alarms'; },
    body: (ctx) => ({ buildingId: ctx.bag.buildingId, kind: 'fire', raisedAt: new Date(Date.now() - 60_000).toISOString() }),
  },
  'GET /api/v1/ooh/alarms/:id': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/alarms/${(await anAlarm(ctx)).id}` },
  'POST /api/v1/ooh/alarms/:id/events': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/alarms/${(await anAlarm(ctx)).id}/events`, body: () => ({ kind: 'reset', at: new Date().toISOString() }) },
  'GET /api/v1/ooh/patrols': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/patrols?problems=true' },
  'GET /api/v1/ooh/patrols.csv': { allowed: OOH_OFFICERS },
  'POST /api/v1/ooh/patrols': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => { ctx.bag.buildingId = (await aBuilding(ctx)).id; return '/api/v1/ooh/patrols'; },
    body: (ctx) => ({ buildingId: ctx.bag.buildingId }),
  },
  'GET /api/v1/ooh/patrols/:id': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/patrols/${(await aPatrol(ctx)).id}` },
  'PUT /api/v1/ooh/patrols/:id': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/patrols/${(await aPatrol(ctx)).id}`, body: () => progress },
  'POST /api/v1/ooh/patrols/:id/completion': { allowed: OOH_OFFICERS, path: async (ctx) => `/api/v1/ooh/patrols/${(await aPatrol(ctx)).id}/completion`, body: () => progress },
};

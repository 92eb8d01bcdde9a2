import { OOH_OFFICERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import type { MethaneMessage } from '../../../../domain/ooh/methane';
import type { OohDeclareIncident } from '../../../../domain/ooh/incidents.contract';
import * as uc from './incidents.usecases';

// Major incidents in the route × role table, written by hand: out-of-hours officers and the
// control-room manager (ooh.use) only.

export async function officerActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>): Promise<uc.Actor> {
  const u = await makeUser(deps, { roles: ['ooh_officer'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

/** A complete M/ETHANE message for a declared major incident (every letter given). */
export const methaneInput = (over: Partial<MethaneMessage> = {}): MethaneMessage => ({
  status: 'declared',
  location: { street: 'Market Street', landmarks: 'Outside the Corn Exchange', postcode: 'DC1 2AB', latitude: null, longitude: null, what3words: '' },
  type: 'building_collapse', typeDetail: '',
  hazards: { present: 'Falling masonry', potential: 'Further collapse of the front wall' },
  access: { routesIn: 'Station Road', routesOut: 'Bridge Street north', rendezvousPoint: 'Civic Centre car park', areasToAvoid: 'Market Street east of Bridge Street' },
  casualties: { number: 3, details: '3 walking wounded, minor injuries', estimated: true },
  services: [{ agency: 'fire', present: 2, required: 1, notes: '' }, { agency: 'ambulance', present: 1, required: 0, notes: '' }],
  ...over,
});

export const declareInput = (over: Partial<OohDeclareIncident> = {}): OohDeclareIncident => ({ title: 'Shop front collapse, Market Street', exercise: false, message: methaneInput(), ...over });

export async function anIncident(ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'>, over: Partial<OohDeclareIncident> = {}) {
  return uc.declareIncident(ctx.deps, { actor: await officerActor(ctx), input: declareInput(over) });
}

const onIncident = (tail = '') => async (ctx: WalkCtx) => `/api/v1/ooh/incidents/${(await anIncident(ctx)).id}${tail}`;

export const walk: Walk = {
  'GET /api/v1/ooh/incidents': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/incidents?open=true' },
  'POST /api/v1/ooh/incidents': { allowed: OOH_OFFICERS, body: () => declareInput({ exercise: true }) },
  'GET /api/v1/ooh/incident-officers': { allowed: OOH_OFFICERS },
  'GET /api/v1/ooh/incidents/:id': { allowed: OOH_OFFICERS, path: onIncident() },
  'GET /api/v1/ooh/incidents/:id/pdf': { allowed: OOH_OFFICERS, path: onIncident('/pdf') },
  'POST /api/v1/ooh/incidents/:id/methane': { allowed: OOH_OFFICERS, path: onIncident('/methane'), body: () => ({ message: methaneInput({ casualties: { number: 4, details: '4 minor', estimated: false } }) }) },
  'POST /api/v1/ooh/incidents/:id/timeline': { allowed: OOH_OFFICERS, path: onIncident('/timeline'), body: () => ({ source: 'fio', sourceName: 'FIO', content: 'Cordon in place' }) },
  'POST /api/v1/ooh/incidents/:id/decisions': { allowed: OOH_OFFICERS, path: onIncident('/decisions'), body: () => ({ decision: 'Open a rest centre', rationale: 'Residents evacuated', decidedByName: 'Lisa Brennan' }) },
  'POST /api/v1/ooh/incidents/:id/actions': { allowed: OOH_OFFICERS, path: onIncident('/actions'), body: () => ({ action: 'Divert the buses', ownerName: 'Network controller' }) },
  'POST /api/v1/ooh/incidents/:id/actions/:seq/updates': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => {
      const i = await anIncident(ctx);
      await uc.addAction(ctx.deps, { actor: await officerActor(ctx), id: i.id, input: { action: 'Divert the buses', ownerName: 'Network controller', ownerOrganisation: '' } });
      return `/api/v1/ooh/incidents/${i.id}/actions/1/updates`;
    },
    body: () => ({ status: 'done', note: 'Diverted' }),
  },
  'POST /api/v1/ooh/incidents/:id/handovers': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => { ctx.bag.to = (await officerActor(ctx)).userId; return onIncident('/handovers')(ctx); },
    body: ({ bag }) => ({ toUserId: bag.to, summary: 'Cordon in place, rest centre open' }),
  },
  'POST /api/v1/ooh/incidents/:id/handovers/:seq/acknowledgement': {
    allowed: OOH_OFFICERS,
    // Handed over to the caller where the caller may take it (an officer); to another officer otherwise.
    path: async (ctx) => {
      const i = await anIncident(ctx);
      const from = await officerActor(ctx);
      const input = { summary: 'Cordon in place', outstanding: '' };
      await uc.handOver(ctx.deps, { actor: from, id: i.id, input: { ...input, toUserId: ctx.user.id } })
        .catch(async () => uc.handOver(ctx.deps, { actor: from, id: i.id, input: { ...input, toUserId: (await officerActor(ctx)).userId } }));
      return `/api/v1/ooh/incidents/${i.id}/handovers/1/acknowledgement`;
    },
  },
  'POST /api/v1/ooh/incidents/:id/closure': { allowed: OOH_OFFICERS, path: onIncident('/closure'), body: () => ({ note: 'Stood down' }) },
};

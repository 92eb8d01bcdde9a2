import { REQUEST_HANDLERS, REQUEST_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { TINY_PNG } from '../../estate/deployments/deployments.walk';
import { londonDay } from '../../../../domain/calendar/london';
import * as register from '../register/register.usecases';
import { aRequest, handlerActor } from '../register/register.walk';
import * as uc from './casework.usecases';

// Casework's part of the route × role table (test/support/walk.ts), written by hand.

const sar = (tail: string) => async (ctx: WalkCtx) => `/api/v1/requests/${(await aRequest(ctx, { type: 'sar' })).id}${tail}`;
const foi = (tail: string) => async (ctx: WalkCtx) => `/api/v1/requests/${(await aRequest(ctx, { type: 'foi', summary: 'How many cameras does the council run?' })).id}${tail}`;

const searchInput = { searchedFrom: '2026-03-01T20:00:00Z', searchedTo: '2026-03-01T23:00:00Z', found: true, othersVisible: true, notes: 'Market Place PTZ, north side' };

/** A responded FOI with its answer logged for publication. */
export async function aLoggedFoi(ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'>, { title = 'Number of cameras', publish = true } = {}) {
  const actor = await handlerActor(ctx);
  const r = await aRequest(ctx, { type: 'foi', summary: 'How many cameras does the council run?' });
  await uc.applyExemptions(ctx.deps, { actor, id: r.id, input: { sections: ['s.31(1)(a)'], note: '', publicInterest: 'Locations would help offenders avoid the cameras' } });
  await register.changeStatus(ctx.deps, { actor, id: r.id, input: { status: 'responded', note: '' } });
  await uc.recordDisclosure(ctx.deps, { actor, id: r.id, input: { title, answer: 'The council runs 212 cameras.', publish } });
  return r;
}

export const walk: Walk = {
  'POST /api/v1/requests/:id/identity': { allowed: REQUEST_HANDLERS, path: sar('/identity'), body: () => ({ method: 'passport', verifiedBy: 'J Smith', on: londonDay(), note: '' }) },
  'POST /api/v1/request-stills': { allowed: REQUEST_HANDLERS, body: () => ({ still: 'not an image' }), allowedStatus: () => [415] },
  'POST /api/v1/requests/:id/searches': { allowed: REQUEST_HANDLERS, path: sar('/searches'), body: () => searchInput },
  'GET /api/v1/requests/:id/searches': { allowed: REQUEST_READERS, path: sar('/searches') },
  'GET /api/v1/requests/:id/searches/:searchId/stills/:sha256': {
    allowed: REQUEST_READERS,
    path: async (ctx) => {
      const r = await aRequest(ctx, { type: 'sar' });
      const sha256 = (await ctx.deps.storage.put(TINY_PNG)).sha256;
      const list = await uc.recordSearch(ctx.deps, { actor: await handlerActor(ctx), id: r.id, input: { ...searchInput, searchedFrom: new Date(searchInput.searchedFrom), searchedTo: new Date(searchInput.searchedTo), stills: [sha256] } });
      return `/api/v1/requests/${r.id}/searches/${list.searches[0]!.id}/stills/${sha256}`;
    },
  },
  'POST /api/v1/requests/:id/exemptions': { allowed: REQUEST_HANDLERS, path: foi('/exemptions'), body: () => ({ sections: ['s.40(2)'], note: 'Members of the public are identifiable' }) },
  'POST /api/v1/requests/:id/disclosure-log': {
    allowed: REQUEST_HANDLERS,
    path: async (ctx) => {
      const r = await aRequest(ctx, { type: 'foi', summary: 'How many cameras does the council run?' });
      await register.changeStatus(ctx.deps, { actor: await handlerActor(ctx), id: r.id, input: { status: 'responded', note: '' } });
      return `/api/v1/requests/${r.id}/disclosure-log`;
    },
    body: () => ({ title: 'Number of cameras', answer: 'The council runs 212 cameras.', publish: true }),
  },
  'GET /api/v1/foi/disclosure-log': { allowed: REQUEST_READERS },
  'GET /api/v1/foi/disclosure-log.csv': { allowed: REQUEST_READERS },
};

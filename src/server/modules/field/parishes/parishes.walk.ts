import { FIELD_LEADERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { uniq } from '../../../../../test/support/deps';
import * as repo from './parishes.repository';

// Parishes' part of the route × role table, written by hand. The report reads the handheld's
// patrols (migration 0032): until both have landed, its rows are checked after the merge.

export async function aParish({ deps }: Pick<WalkCtx, 'deps'>) {
  return (await repo.insertParish(deps.db, { name: uniq('Walk Parish Council'), contact: '', notes: '' })).id;
}
export async function aContract(ctx: Pick<WalkCtx, 'deps'>) {
  return (await repo.insertContract(ctx.deps.db, { parish_id: await aParish(ctx), label: '', minutes_per_month: 600, visits_per_month: 4, valid_from: '2026-01-01', valid_to: null, notes: '' })).id;
}
const contract = { label: 'Walk', hoursPerMonth: 10.5, visitsPerMonth: 4, validFrom: '2026-01-01', validTo: null, notes: '' };

export const walk: Walk = {
  'GET /api/v1/field/parishes': { allowed: FIELD_LEADERS },
  'POST /api/v1/field/parishes': { allowed: FIELD_LEADERS, body: () => ({ name: uniq('Walk Town Council'), contact: '', notes: '' }) },
  'POST /api/v1/field/parish-contracts': {
    allowed: FIELD_LEADERS,
    path: async (ctx) => { ctx.bag.parishId = await aParish(ctx); return '/api/v1/field/parish-contracts'; },
    body: (ctx) => ({ ...contract, parishId: ctx.bag.parishId }),
  },
  'PUT /api/v1/field/parish-contracts/:id': { allowed: FIELD_LEADERS, path: async (ctx) => `/api/v1/field/parish-contracts/${await aContract(ctx)}`, body: () => contract },
  'GET /api/v1/field/parish-report': { allowed: FIELD_LEADERS, path: () => '/api/v1/field/parish-report?month=2026-03' },
  'GET /api/v1/field/parish-report.csv': { allowed: FIELD_LEADERS, path: () => '/api/v1/field/parish-report.csv?month=2026-03' },
};

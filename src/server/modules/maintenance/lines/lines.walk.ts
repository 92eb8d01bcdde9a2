import { randomUUID } from 'node:crypto';
import { MAINTENANCE_MANAGERS, MAINTENANCE_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser } from '../../../../../test/support/deps';
import type { Role } from '../../../platform/auth/permissions';
import * as uc from './lines.usecases';

// Connectivity lines' part of the route × role table (test/support/walk.ts), written by hand.
// Contractors and partner agencies are in none of these lists: the walk expects 404 for them.


const short = () => randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase();
export const lineInput = () => ({ reference: `LN-${short()}`, provider: 'Openreach', kind: 'fibre' as const, circuitId: `OR-${short()}`, monthlyCostPence: 4500, contractEndsOn: '2027-03-31' });

async function coordinator({ deps, councilOrgId }: WalkCtx) {
  const u = await makeUser(deps, { roles: ['coordinator'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export async function aCameraRow({ deps }: WalkCtx | { deps: WalkCtx['deps'] }, over: { connectivity_line?: string; status?: 'operational' | 'faulty' } = {}) {
  return deps.db.insertInto('cameras').values({
    reference: `L${short()}`, name: 'Walk line camera', location_text: 'Station Street', latitude: 52.8, longitude: -1.63, kind: 'fixed', status: over.status ?? 'operational',
    connectivity_line: over.connectivity_line ?? null,
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

/** A line serving one camera (its fault open with `faulty`); leaves the camera's id in the bag. */
async function aLine(ctx: WalkCtx, { faulty = false } = {}) {
  const by = await coordinator(ctx);
  const input = lineInput();
  const camera = await aCameraRow(ctx, { connectivity_line: input.reference });
  const line = await uc.createLine(ctx.deps, { actor: by, input });
  ctx.bag.cameraId = camera.id;
  if (faulty) await uc.raiseLineFault(ctx.deps, { actor: by, lineId: line.id, note: 'No picture from the cabinet.' });
  return line.id;
}
const at = (tail = '', opts?: { faulty?: boolean }) => async (ctx: WalkCtx) => `/api/v1/connectivity-lines/${await aLine(ctx, opts)}${tail}`;

export const walk: Walk = {
  'GET /api/v1/connectivity-lines': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/connectivity-lines?kind=fibre&endingSoon=true&sort=contract_ends_on_asc' },
  'GET /api/v1/connectivity-lines.csv': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/connectivity-lines.csv?provider=openreach' },
  'POST /api/v1/connectivity-lines': { allowed: MAINTENANCE_MANAGERS, body: () => lineInput() },
  'GET /api/v1/connectivity-lines/:id': { allowed: MAINTENANCE_READERS, path: at() },
  'PATCH /api/v1/connectivity-lines/:id': { allowed: MAINTENANCE_MANAGERS, path: at(), body: () => ({ version: 1, notes: 'Renewal quote requested' }) },
  'POST /api/v1/connectivity-lines/:id/cameras': {
    allowed: MAINTENANCE_MANAGERS, path: async (ctx) => { const path = await at('/cameras')(ctx); ctx.bag.other = (await aCameraRow(ctx)).id; return path; },
    body: ({ bag }) => ({ cameraId: bag.other }),
  },
  'DELETE /api/v1/connectivity-lines/:id/cameras/:cameraId': {
    allowed: MAINTENANCE_MANAGERS, path: async (ctx) => { const path = await at('/cameras')(ctx); return `${path}/${ctx.bag.cameraId}`; },
  },
  'POST /api/v1/connectivity-lines/:id/fault': { allowed: MAINTENANCE_MANAGERS, path: at('/fault'), body: () => ({ note: 'Provider reports a cable cut.' }) },
  'POST /api/v1/connectivity-lines/:id/fault/clearance': { allowed: MAINTENANCE_MANAGERS, path: at('/fault/clearance', { faulty: true }), body: () => ({ note: 'Repaired by the provider.' }) },
};

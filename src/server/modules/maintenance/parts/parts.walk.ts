import { MAINTENANCE_MANAGERS, MAINTENANCE_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser, uniq } from '../../../../../test/support/deps';
import type { Role } from '../../../platform/auth/permissions';
import * as uc from './parts.usecases';

// Spare parts' part of the route × role table (test/support/walk.ts), written by hand. Contractors
// and partner agencies get 404: the council's stock is not theirs to see.

/** Who signs parts out to the contractor and takes them back (maintenance.parts). */
export const PARTS_SIGNERS: readonly Role[] = ['coordinator', 'ooh_officer'];

/** A signature as the pad sends it: a 1×1 PNG as a data URL. */
export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

export async function coordinatorActor({ deps, councilOrgId }: Pick<WalkCtx, 'deps' | 'councilOrgId'>): Promise<uc.Actor> {
  const u = await makeUser(deps, { roles: ['coordinator'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

/** A store with one part, `stock` of it on hand (received by a coordinator). */
export async function aStockedPart(ctx: Pick<WalkCtx, 'deps' | 'councilOrgId'>, { stock = 5, reorderLevel = 2 }: { stock?: number; reorderLevel?: number } = {}) {
  const actor = await coordinatorActor(ctx);
  const store = await uc.createStore(ctx.deps, { actor, input: { name: uniq('Store'), location: 'Control room' } });
  const part = await uc.createPart(ctx.deps, { actor, input: { storeId: store.id, partNumber: uniq('P').slice(0, 40), description: '12V power supply', unitCostPence: 2450, reorderLevel } });
  if (stock) await uc.recordMovement(ctx.deps, { actor, partId: part.id, movement: { kind: 'received', input: { quantity: stock, note: '' } } });
  return { store, part, actor };
}

const onPart = (tail = '') => async (ctx: WalkCtx) => {
  const { part, store } = await aStockedPart(ctx);
  ctx.bag.storeId = store.id;
  return `/api/v1/parts/${part.id}${tail}`;
};

export const walk: Walk = {
  'GET /api/v1/part-stores': { allowed: MAINTENANCE_READERS },
  'POST /api/v1/part-stores': { allowed: MAINTENANCE_MANAGERS, body: () => ({ name: uniq('Depot'), location: 'Burton depot' }) },
  'GET /api/v1/parts': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/parts?belowReorderLevel=true&sort=quantity_desc' },
  'GET /api/v1/parts.csv': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/parts.csv?belowReorderLevel=false' },
  'POST /api/v1/parts': {
    allowed: MAINTENANCE_MANAGERS,
    path: async (ctx) => { ctx.bag.storeId = (await aStockedPart(ctx, { stock: 0 })).store.id; return '/api/v1/parts'; },
    body: ({ bag }) => ({ storeId: bag.storeId, partNumber: uniq('N').slice(0, 40), description: 'Camera housing', unitCostPence: 9900, reorderLevel: 1 }),
  },
  'GET /api/v1/parts/:id': { allowed: MAINTENANCE_READERS, path: onPart() },
  'POST /api/v1/parts/:id/receipts': { allowed: MAINTENANCE_MANAGERS, path: onPart('/receipts'), body: () => ({ quantity: 2 }) },
  'POST /api/v1/parts/:id/counts': { allowed: MAINTENANCE_MANAGERS, path: onPart('/counts'), body: () => ({ counted: 4, note: 'Quarterly count' }) },
  'POST /api/v1/parts/:id/sign-outs': {
    allowed: PARTS_SIGNERS, path: onPart('/sign-outs'),
    body: () => ({ quantity: 1, justification: 'Replacing the failed power supply', engineerName: 'J Smith', engineerOrganisation: 'Acme CCTV Ltd', signaturePng: SIGNATURE_PNG }),
  },
  'POST /api/v1/parts/:id/returns': { allowed: PARTS_SIGNERS, path: onPart('/returns'), body: () => ({ quantity: 1, note: 'Not needed after all' }) },
  'GET /api/v1/parts/:id/movements/:seq/signature': {
    allowed: MAINTENANCE_READERS,
    path: async (ctx) => {
      const { part, actor } = await aStockedPart(ctx);
      const m = await uc.recordMovement(ctx.deps, { actor, partId: part.id, movement: { kind: 'signed_out', input: { quantity: 1, justification: 'Replacing the PSU', engineerName: 'J Smith', engineerOrganisation: 'Acme CCTV Ltd', signaturePng: SIGNATURE_PNG } } });
      return `/api/v1/parts/${part.id}/movements/${m.seq}/signature`;
    },
  },
};

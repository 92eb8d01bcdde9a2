import { randomUUID } from 'node:crypto';
import { CONTRACTORS, FAULT_HANDLERS, MAINTENANCE_MANAGERS, MAINTENANCE_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeOrganisation, makeUser } from '../../../../../test/support/deps';
import type { Deps } from '../../../platform/deps';
import { TINY_PNG } from '../../estate/deployments/deployments.walk';
import { createContract } from '../contracts/contracts.usecases';
import { contractInput } from '../contracts/contracts.walk';
import * as uc from './faults.usecases';

// Faults' part of the route × role table (test/support/walk.ts), written by hand. The council's
// routes are no contractor's (404); the portal's routes are the contractor's alone, and each
// fixture puts the fault on a contract of the caller's own organisation, so that an allowed
// contractor is answered: another organisation's fault answers 404 (faults.api.test.ts).

const actorOf = (u: { id: string; username: string }) => ({ audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id });
const short = () => randomUUID().replace(/-/g, '').slice(0, 8).toUpperCase();

export async function aCamera(deps: Deps, status: 'operational' | 'faulty' = 'operational') {
  return deps.db.insertInto('cameras').values({
    reference: `F${short()}`, name: 'Walk fault camera', location_text: 'Market Place', latitude: 52.8, longitude: -1.63, kind: 'fixed', status,
  }).returning(['id', 'reference']).executeTakeFirstOrThrow();
}

type Step = 'attended' | 'fixed';
/**
 * A P2 fault raised by an operator on a new camera, on a new contract whose contractor is
 * `contractorOrgId` (a new organisation when not given), moved on by the contractor's `steps`.
 */
export async function aFault(deps: Deps, { councilOrgId, contractorOrgId, steps = [] }: { councilOrgId: string; contractorOrgId?: string; steps?: Step[] }) {
  const contractorOrg = contractorOrgId ?? (await makeOrganisation(deps, { external: true, kind: 'contractor' })).id;
  // The walk's external callers get an organisation of no particular kind: a contract needs a contractor's.
  if (contractorOrgId) await deps.db.updateTable('organisations').set({ kind: 'contractor' }).where('id', '=', contractorOrgId).execute();
  const coordinator = await makeUser(deps, { roles: ['coordinator'], organisationId: councilOrgId });
  const contract = await createContract(deps, { actor: actorOf(coordinator), input: { ...contractInput(contractorOrg), startsOn: '2020-01-01', endsOn: null } });
  const operator = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  const camera = await aCamera(deps);
  const fault = await uc.raiseFault(deps, {
    actor: actorOf(operator), source: 'operator', party: { party: 'council', canDecide: false },
    input: { target: 'camera', cameraId: camera.id, description: 'No picture since 02:00.', priority: 'P2', contractId: contract.id },
  });
  const engineer = await makeUser(deps, { roles: ['contractor'], organisationId: contractorOrg });
  for (const kind of steps) {
    await uc.recordStep(deps, {
      actor: actorOf(engineer), id: fault.id, party: { party: 'contractor', organisationId: contractorOrg },
      step: kind === 'fixed' ? { kind, note: 'Replaced the PSU.' } : { kind },
    });
  }
  return { fault, contract, camera, coordinator };
}

const councilFault = (tail = '', steps: Step[] = []) => async ({ deps, councilOrgId }: WalkCtx) =>
  `/api/v1/maintenance/faults/${(await aFault(deps, { councilOrgId, steps })).fault.id}${tail}`;
/** The caller's own organisation's fault when the caller is external; any contractor's otherwise (a council caller is refused anyway). */
const ownFault = (tail = '', steps: Step[] = []) => async ({ deps, councilOrgId, user }: WalkCtx) =>
  `/api/v1/contractor/faults/${(await aFault(deps, { councilOrgId, contractorOrgId: user.organisationId === councilOrgId ? undefined : user.organisationId, steps })).fault.id}${tail}`;
const withPhoto = (path: (ctx: WalkCtx) => Promise<string>) => async (ctx: WalkCtx) => {
  ctx.bag.sha256 = (await ctx.deps.storage.put(TINY_PNG)).sha256;
  return path(ctx);
};
const photoOn = (prefix: 'maintenance' | 'contractor') => async (ctx: WalkCtx) => {
  const { deps, councilOrgId, user } = ctx;
  const { fault } = await aFault(deps, { councilOrgId, contractorOrgId: prefix === 'contractor' && user.organisationId !== councilOrgId ? user.organisationId : undefined });
  const sha256 = (await deps.storage.put(TINY_PNG)).sha256;
  const operator = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  await uc.attachPhoto(deps, { actor: actorOf(operator), id: fault.id, sha256, party: { party: 'council', canDecide: false } });
  return `/api/v1/${prefix}/faults/${fault.id}/photos/${sha256}`;
};
const camera = async ({ deps, bag }: WalkCtx) => { bag.cameraId = (await aCamera(deps)).id; };

export const walk: Walk = {
  'GET /api/v1/maintenance/faults': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/maintenance/faults?state=open&priority=P2&sort=priority_asc' },
  'GET /api/v1/maintenance/faults.csv': { allowed: MAINTENANCE_READERS, path: () => '/api/v1/maintenance/faults.csv?sla=breached' },
  'GET /api/v1/maintenance/faults/at-risk': { allowed: MAINTENANCE_READERS },
  'POST /api/v1/maintenance/faults': {
    allowed: FAULT_HANDLERS,
    path: async (ctx) => { await camera(ctx); return '/api/v1/maintenance/faults'; },
    body: ({ bag }) => ({ target: 'camera', cameraId: bag.cameraId, description: 'Picture rolling on the wall.' }),
  },
  'GET /api/v1/maintenance/faults/:id': { allowed: MAINTENANCE_READERS, path: councilFault() },
  'POST /api/v1/maintenance/faults/:id/steps': { allowed: FAULT_HANDLERS, path: councilFault('/steps'), body: () => ({ kind: 'note', note: 'Police asked after it.' }) },
  'POST /api/v1/maintenance/faults/:id/decision': { allowed: MAINTENANCE_MANAGERS, path: councilFault('/decision', ['attended', 'fixed']), body: () => ({ kind: 'accepted' }) },
  'POST /api/v1/maintenance/faults/:id/photos': { allowed: FAULT_HANDLERS, path: withPhoto(councilFault('/photos')), body: ({ bag }) => ({ sha256: bag.sha256 }) },
  'GET /api/v1/maintenance/faults/:id/photos/:sha256': { allowed: MAINTENANCE_READERS, path: photoOn('maintenance') },
  'POST /api/v1/maintenance/fault-photos': { allowed: FAULT_HANDLERS, body: () => ({ photo: 'not an image' }), allowedStatus: () => [415] },

  'GET /api/v1/contractor/faults': { allowed: CONTRACTORS, path: () => '/api/v1/contractor/faults?stage=reported' },
  'GET /api/v1/contractor/faults.csv': { allowed: CONTRACTORS },
  'GET /api/v1/contractor/fault-targets': { allowed: CONTRACTORS },
  'POST /api/v1/contractor/faults': {
    allowed: CONTRACTORS,
    path: async (ctx) => {
      await camera(ctx);
      // The contractor raises on its own contract: one in force for the caller's organisation.
      if (ctx.user.organisationId !== ctx.councilOrgId) await aFault(ctx.deps, { councilOrgId: ctx.councilOrgId, contractorOrgId: ctx.user.organisationId });
      return '/api/v1/contractor/faults';
    },
    body: ({ bag }) => ({ target: 'camera', cameraId: bag.cameraId, description: 'Wiper motor seized, found on a visit.' }),
  },
  'GET /api/v1/contractor/faults/:id': { allowed: CONTRACTORS, path: ownFault() },
  'POST /api/v1/contractor/faults/:id/steps': { allowed: CONTRACTORS, path: ownFault('/steps'), body: () => ({ kind: 'attended' }) },
  'POST /api/v1/contractor/faults/:id/photos': { allowed: CONTRACTORS, path: withPhoto(ownFault('/photos')), body: ({ bag }) => ({ sha256: bag.sha256 }) },
  'GET /api/v1/contractor/faults/:id/photos/:sha256': { allowed: CONTRACTORS, path: photoOn('contractor') },
  'POST /api/v1/contractor/fault-photos': { allowed: CONTRACTORS, body: () => ({ photo: 'not an image' }), allowedStatus: () => [415] },
};

import { CAMERA_READERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { makeUser, uniq } from '../../../../../test/support/deps';
import type { Role } from '../../../platform/auth/permissions';
import { londonDay } from '../../../../domain/calendar/london';
import { RequestDeployment } from '../../../../domain/estate/deployments';
import * as uc from './deployments.usecases';

// Mobile deployments' part of the route × role table (test/support/walk.ts), written by hand.
// Partners and contractors are in none of these lists: the walk expects 404 for them.

/** Who requests, deploys, reviews and removes mobile cameras. */
export const DEPLOYMENT_MANAGERS: readonly Role[] = ['supervisor', 'enforcement_officer', 'coordinator'];
/** Who approves or refuses a request: the coordinator. */
export const DEPLOYMENT_APPROVERS: readonly Role[] = ['coordinator'];

/** A 1×1 PNG. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function person({ deps, councilOrgId }: WalkCtx, role: Role) {
  const u = await makeUser(deps, { roles: [role], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

export const aRequestInput = () => RequestDeployment.parse({
  locationText: 'Station Street, Burton upon Trent', latitude: 52.8037, longitude: -1.6370, problem: 'Repeated criminal damage to shop fronts at night.',
  evidencePeriod: { radiusM: 200, from: '2026-01-01', to: '2026-03-31' }, proposedDays: 90, alternatives: 'Extra patrols tried for a month.', dpiaReference: 'DPIA-WALK-1',
});

export async function aMobileCamera({ deps }: WalkCtx) {
  const c = await deps.db.insertInto('cameras').values({ reference: uniq('W').toUpperCase().slice(0, 16), name: 'Walk mobile camera', location_text: 'Depot', latitude: 52.8, longitude: -1.63, kind: 'mobile', status: 'out_of_service' })
    .returning('id').executeTakeFirstOrThrow();
  return c.id;
}

/** A deployment taken as far as `upTo`, its id. */
export async function aDeployment(ctx: WalkCtx, upTo: 'requested' | 'approved' | 'deployed' = 'requested') {
  const { deps } = ctx;
  const { id } = await uc.requestDeployment(deps, { actor: await person(ctx, 'enforcement_officer'), input: aRequestInput() });
  if (upTo === 'requested') return id;
  await uc.decideDeployment(deps, { actor: await person(ctx, 'coordinator'), deploymentId: id, input: { decision: 'approve', reasons: 'Justified by the log.' } });
  if (upTo === 'approved') return id;
  const photo = await deps.storage.put(TINY_PNG);
  await uc.deployCamera(deps, { actor: await person(ctx, 'enforcement_officer'), deploymentId: id, input: { cameraId: await aMobileCamera(ctx), deployedOn: londonDay(deps.clock.now()), signagePhotoSha256: photo.sha256, reviewPeriodDays: 90 } });
  return id;
}

const at = (path: (id: string) => string, upTo?: 'requested' | 'approved' | 'deployed') => async (ctx: WalkCtx) => path(await aDeployment(ctx, upTo));

export const walk: Walk = {
  'GET /api/v1/mobile-deployments': { allowed: CAMERA_READERS },
  'GET /api/v1/mobile-deployments/reviews-due': { allowed: CAMERA_READERS },
  'GET /api/v1/mobile-cameras/history': { allowed: CAMERA_READERS },
  'GET /api/v1/mobile-deployments/incident-counts': {
    allowed: DEPLOYMENT_MANAGERS, path: () => '/api/v1/mobile-deployments/incident-counts?latitude=52.8037&longitude=-1.637&radiusM=250&from=2026-01-01&to=2026-03-31',
  },
  'POST /api/v1/mobile-deployments': { allowed: DEPLOYMENT_MANAGERS, body: () => aRequestInput() },
  'GET /api/v1/mobile-deployments/:id': { allowed: CAMERA_READERS, path: at((id) => `/api/v1/mobile-deployments/${id}`) },
  'POST /api/v1/mobile-deployments/:id/decision': {
    allowed: DEPLOYMENT_APPROVERS, path: at((id) => `/api/v1/mobile-deployments/${id}/decision`), body: () => ({ decision: 'approve', reasons: 'Evidence shows a pressing need.' }),
  },
  'POST /api/v1/mobile-deployments/:id/withdrawal': {
    allowed: DEPLOYMENT_MANAGERS, path: at((id) => `/api/v1/mobile-deployments/${id}/withdrawal`), body: () => ({ reason: 'Problem moved elsewhere.' }),
  },
  // The walk's client sends JSON: an allowed caller gets past the guard to the refusal of a body that is not an image.
  'POST /api/v1/mobile-deployments/signage-photos': { allowed: DEPLOYMENT_MANAGERS, body: () => ({ photo: 'not an image' }), allowedStatus: () => [415] },
  'GET /api/v1/mobile-deployments/:id/signage-photo': { allowed: CAMERA_READERS, path: at((id) => `/api/v1/mobile-deployments/${id}/signage-photo`, 'deployed') },
  'POST /api/v1/mobile-deployments/:id/deployment': {
    allowed: DEPLOYMENT_MANAGERS,
    path: async (ctx) => {
      ctx.bag.cameraId = await aMobileCamera(ctx);
      ctx.bag.photo = (await ctx.deps.storage.put(TINY_PNG)).sha256;
      return `/api/v1/mobile-deployments/${await aDeployment(ctx, 'approved')}/deployment`;
    },
    body: ({ deps, bag }) => ({ cameraId: bag.cameraId, deployedOn: londonDay(deps.clock.now()), signagePhotoSha256: bag.photo }),
  },
  'POST /api/v1/mobile-deployments/:id/reviews': {
    allowed: DEPLOYMENT_MANAGERS, path: at((id) => `/api/v1/mobile-deployments/${id}/reviews`, 'deployed'),
    body: ({ deps }) => ({ reviewedOn: londonDay(deps.clock.now()), isNecessary: true, isProportionate: true }),
  },
  'POST /api/v1/mobile-deployments/:id/removal': {
    allowed: DEPLOYMENT_MANAGERS, path: at((id) => `/api/v1/mobile-deployments/${id}/removal`, 'deployed'),
    body: ({ deps }) => ({ removedOn: londonDay(deps.clock.now()), reason: 'Problem resolved.' }),
  },
};

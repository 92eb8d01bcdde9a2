import { randomUUID } from 'node:crypto';
import { CAMERA_READERS, type Walk, type WalkCtx } from '../../../../test/support/walk';
import type { Role } from '../../platform/auth/permissions';
import { makeUser } from '../../../../test/support/deps';
import { registerCamera } from './estate.usecases';

// The estate's part of the route × role table (test/support/walk.ts), written by hand.

/** Who keeps the register: supervisors, enforcement officers and coordinators (estate.manage). */
export const CAMERA_MANAGERS: readonly Role[] = ['supervisor', 'enforcement_officer', 'coordinator'];

export const newReference = () => `W${randomUUID().replace(/-/g, '').slice(0, 12).toUpperCase()}`;

export const cameraInput = (reference = newReference()) => ({
  reference, name: `Walk ${reference}`, location: 'Station Street, Burton upon Trent', latitude: 52.8045, longitude: -1.6405,
  kind: 'ptz' as const, status: 'operational' as const, owner: 'council' as const, capabilities: ['pan' as const, 'tilt' as const, 'zoom' as const],
  purpose: 'Town centre public safety', bearing: 120, fieldOfView: 60, range: 80,
});

/** A camera of the caller's council, registered by a coordinator. */
async function aCamera({ deps, councilOrgId, bag }: WalkCtx) {
  const u = await makeUser(deps, { roles: ['coordinator'], organisationId: councilOrgId });
  const cam = await registerCamera(deps, { actor: { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id }, input: cameraInput() });
  bag.cameraId = cam.id;
  return cam.id;
}
const onCamera = (tail = '') => async (ctx: WalkCtx) => `/api/v1/cameras/${await aCamera(ctx)}${tail}`;

export const walk: Walk = {
  'GET /api/v1/cameras': { allowed: CAMERA_READERS, path: () => '/api/v1/cameras?kind=ptz&sort=installed_on_desc&includeDecommissioned=true' },
  'POST /api/v1/cameras': { allowed: CAMERA_MANAGERS, body: () => cameraInput() },
  'GET /api/v1/cameras/:id': { allowed: CAMERA_READERS, path: onCamera() },
  'PATCH /api/v1/cameras/:id': { allowed: CAMERA_MANAGERS, path: onCamera(), body: () => ({ version: 1, bearing: 200, reason: 'Re-pointed at the taxi rank' }) },
  'GET /api/v1/cameras/:id/versions': { allowed: CAMERA_READERS, path: onCamera('/versions') },
  'GET /api/v1/cameras.csv': { allowed: CAMERA_READERS, path: () => '/api/v1/cameras.csv?status=operational' },
  'GET /api/v1/cameras.geojson': { allowed: CAMERA_READERS, path: () => '/api/v1/cameras.geojson?owner=council' },
  'GET /api/v1/cameras/map': { allowed: CAMERA_READERS },
  'GET /api/v1/cameras/pick': { allowed: CAMERA_READERS, path: () => '/api/v1/cameras/pick?q=street&lat=52.8&lon=-1.63' },
};

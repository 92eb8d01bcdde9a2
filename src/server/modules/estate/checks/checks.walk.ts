import { randomUUID } from 'node:crypto';
import { ADMINS, CAMERA_READERS, LOG_WRITERS, SUPERVISORS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { aCheckedCamera } from './checks.fixtures';
import { openCurrentRound } from './checks.usecases';
import { readCheckSettings } from './checks.repository';

// Operators and supervisors record the checks; supervisors see completion; whoever reads the
// register sees the faults and the equipment; those who manage the estate add equipment. Partners
// and contractors get 404 throughout.

const ESTATE_MANAGERS = ['supervisor', 'enforcement_officer', 'coordinator'] as const;

/** The current shift's camera round, with a camera of its own in it (a camera added after the round opened is not). */
async function aRound(ctx: WalkCtx) {
  await aCheckedCamera(ctx.deps);
  const round = await openCurrentRound(ctx.deps, { actor: { userId: ctx.user.id, audit: { actorId: ctx.user.id, actorUsername: ctx.user.username, ip: null, userAgent: null } }, kind: 'cameras' });
  ctx.bag.targetId = round.targets[0].id;
  return round.id;
}

export const walk: Walk = {
  'GET /api/v1/checks/current': { allowed: LOG_WRITERS, path: () => '/api/v1/checks/current?kind=equipment' },
  'GET /api/v1/checks/rounds/:id': { allowed: LOG_WRITERS, path: async (ctx) => `/api/v1/checks/rounds/${await aRound(ctx)}` },
  'POST /api/v1/checks/rounds/:id/results': {
    allowed: LOG_WRITERS,
    path: async (ctx) => `/api/v1/checks/rounds/${await aRound(ctx)}/results`,
    body: (ctx) => ({ targetId: ctx.bag.targetId, item: 'picture', outcome: 'pass' }),
  },
  'GET /api/v1/checks/overview': { allowed: SUPERVISORS },
  'GET /api/v1/checks/faults': { allowed: CAMERA_READERS, path: () => '/api/v1/checks/faults?state=open&target=camera' },
  'GET /api/v1/checks/faults.csv': { allowed: CAMERA_READERS },
  'GET /api/v1/equipment': { allowed: CAMERA_READERS },
  'GET /api/v1/checks/settings': { allowed: ADMINS },
  // The settings as they are, written back: the walk changes nothing other tests rely on.
  'PUT /api/v1/checks/settings': { allowed: ADMINS, body: async (ctx) => readCheckSettings(ctx.deps.db) },
  'POST /api/v1/equipment': {
    allowed: ESTATE_MANAGERS,
    body: () => ({ reference: `RAD-${randomUUID().slice(0, 8)}`, name: 'Radio base station', kind: 'radio', location: 'Control room desk 2' }),
  },
};

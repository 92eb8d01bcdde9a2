import { LONE_WORKERS, OOH_MANAGERS, OOH_OFFICERS, type Walk, type WalkCtx } from '../../../../../test/support/walk';
import { actorFor, anEscalatingSession, asActor, ownInput, sessionInput } from '../../../../../test/support/lone-working-fixtures';
import { DEFAULT_LONE_WORKING_POLICY } from '../../../../domain/ooh/loneWorking';
import * as uc from './lone-working.usecases';

// Lone working's part of the route × role table (test/support/walk.ts), written by hand.

const aSession = async (ctx: WalkCtx) => uc.startSession(ctx.deps, { actor: await actorFor(ctx.deps, { organisationId: ctx.councilOrgId }), input: sessionInput(ctx.deps.clock.now()) });
const onSession = (tail: string) => async (ctx: WalkCtx) => `/api/v1/ooh/lone-workers/${(await aSession(ctx)).id}${tail}`;
const onOwn = (tail: string) => async (ctx: WalkCtx) => `/api/v1/lone-working/sessions/${(await uc.startOwnSession(ctx.deps, { actor: asActor(ctx.user), input: ownInput(ctx.deps.clock.now()) })).id}${tail}`;

export const walk: Walk = {
  'GET /api/v1/ooh/lone-workers': { allowed: OOH_OFFICERS },
  'GET /api/v1/ooh/lone-workers.csv': { allowed: OOH_OFFICERS, path: () => '/api/v1/ooh/lone-workers.csv?state=ended' },
  'POST /api/v1/ooh/lone-workers': { allowed: OOH_OFFICERS, body: (ctx) => JSON.parse(JSON.stringify(sessionInput(ctx.deps.clock.now()))) },
  'GET /api/v1/ooh/lone-workers/:id': { allowed: OOH_OFFICERS, path: onSession('') },
  'POST /api/v1/ooh/lone-workers/:id/check-ins': { allowed: OOH_OFFICERS, path: onSession('/check-ins'), body: () => ({ note: 'Called them: all well' }) },
  'POST /api/v1/ooh/lone-workers/:id/steps/:stepId/acknowledgement': {
    allowed: OOH_OFFICERS,
    path: async (ctx) => {
      const { session, stepId } = await anEscalatingSession(ctx.deps, await actorFor(ctx.deps, { organisationId: ctx.councilOrgId }));
      return `/api/v1/ooh/lone-workers/${session.id}/steps/${stepId}/acknowledgement`;
    },
    body: () => ({ outcome: 'no_answer', note: 'Rang out' }),
  },
  'POST /api/v1/ooh/lone-workers/:id/end': { allowed: OOH_OFFICERS, path: onSession('/end'), body: () => ({ note: 'Home safe' }) },
  'GET /api/v1/ooh/lone-working-policy': { allowed: OOH_OFFICERS },
  'PUT /api/v1/ooh/lone-working-policy': { allowed: OOH_MANAGERS, body: () => DEFAULT_LONE_WORKING_POLICY },
  'GET /api/v1/lone-working/sessions': { allowed: LONE_WORKERS },
  'POST /api/v1/lone-working/sessions': { allowed: LONE_WORKERS, body: (ctx) => JSON.parse(JSON.stringify(ownInput(ctx.deps.clock.now()))) },
  'POST /api/v1/lone-working/sessions/:id/check-ins': { allowed: LONE_WORKERS, path: onOwn('/check-ins'), body: () => ({ word: '' }) },
  'POST /api/v1/lone-working/sessions/:id/end': { allowed: LONE_WORKERS, path: onOwn('/end'), body: () => ({ note: '' }) },
};

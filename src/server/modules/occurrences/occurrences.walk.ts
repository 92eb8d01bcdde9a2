import { LOG_READERS, LOG_WRITERS, PARTNERS, PERSONAL_DATA_REVIEWERS, SUPERVISORS, ADMINS, type Walk, type WalkCtx } from '../../../../test/support/walk';
import { makeOrganisation, makeUser, uniq } from '../../../../test/support/deps';
import { insertCameras } from '../estate';
import * as occ from './occurrences.usecases';
import * as handover from './handover/handover.usecases';
import { insertVersion, listVersionSteps } from './occurrences.repository';

// The occurrence log's part of the route × role table (test/support/walk.ts): who may call each
// route, written by hand, and what each call needs.

/** An operator of the caller's council, to open what the caller then acts on. */
async function author({ deps, councilOrgId }: WalkCtx) {
  const u = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  return { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id };
}

/** An occurrence to act on (closed, or shared with an organisation, when asked). */
export async function anOccurrence(ctx: WalkCtx, { closed = false, shareWith, categoryId }: { closed?: boolean; shareWith?: string; categoryId?: string } = {}) {
  const { deps } = ctx;
  const a = await author(ctx);
  const category = categoryId ? { id: categoryId } : await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'licensing').executeTakeFirstOrThrow();
  const o = await occ.openOccurrence(deps, { actor: a, input: { source: 'camera_patrol', categoryId: category.id, priority: 'normal', summary: 'Walk-test occurrence' } });
  const entry = await occ.addEntry(deps, { actor: a, occurrenceId: o.id, kind: 'observation', body: 'Two males arguing outside the bar' });
  if (closed) await occ.closeOccurrence(deps, { actor: a, occurrenceId: o.id, outcome: 'dispersed' });
  if (shareWith) await occ.shareOccurrence(deps, { actor: a, occurrenceId: o.id, organisationId: shareWith });
  ctx.bag.occurrenceId = o.id;
  ctx.bag.entryId = entry.id;
  return o.id;
}

const aCamera = async ({ deps }: WalkCtx) => (await deps.db.selectFrom('cameras').select('id').executeTakeFirst())?.id
  ?? (await insertCameras(deps.db, [{ reference: 'W1', name: 'Walk test', location_text: 'Test Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }]))[0].id;
/** A handover addressed to the caller where the caller keeps the log (so that they may acknowledge it), else to another operator. */
async function aHandover(ctx: WalkCtx) {
  const keepsLog = await ctx.deps.db.selectFrom('user_roles').select('role').where('user_id', '=', ctx.user.id).where('role', 'in', LOG_WRITERS).executeTakeFirst();
  const to = keepsLog ? ctx.user.id : (await author(ctx)).userId;
  return (await handover.createHandover(ctx.deps, {
    actor: await author(ctx), input: { to: { kind: 'user', id: to }, occurrenceIds: [], actions: [], equipmentFaults: 'C07 no picture', notes: 'Quiet night' },
  })).id;
}
const anAction = async (ctx: WalkCtx) => { const a = await author(ctx); return (await handover.addAction(ctx.deps, { actor: a, input: { text: 'Call back PC 4471', ownerId: a.userId, dueAt: new Date(Date.now() + 3600_000) } })).id; };
const anAlert = async ({ deps }: WalkCtx) => (await deps.db.insertInto('supervisor_alerts').values({ kind: 'test', message: 'Walk-test alert', created_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
const aCategory = async ({ deps }: WalkCtx) => (await deps.db.insertInto('occurrence_categories').values({ key: uniq('walk').replace('-', '_'), name: 'Walk category' }).returning('id').executeTakeFirstOrThrow()).id;
const categoryId = async ({ deps }: WalkCtx, key: string) => (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', key).executeTakeFirstOrThrow()).id;
const onOccurrence = (tail: string) => async (ctx: WalkCtx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/${tail}`;

export const walk: Walk = {
  'GET /api/v1/occurrences/live': { allowed: LOG_READERS, stream: true },
  'GET /api/v1/occurrences': { allowed: LOG_READERS, path: () => '/api/v1/occurrences?q=arguing&status=open&sort=opened_asc' },
  'GET /api/v1/occurrences.csv': { allowed: LOG_READERS, path: () => '/api/v1/occurrences.csv?category=licensing' },
  'GET /api/v1/occurrence-counts': { allowed: LOG_READERS, path: () => '/api/v1/occurrence-counts?by=hour' },
  'GET /api/v1/occurrence-counts.csv': { allowed: LOG_READERS, path: () => '/api/v1/occurrence-counts.csv?by=category' },
  'GET /api/v1/occurrence-categories': { allowed: LOG_READERS },
  'GET /api/v1/occurrences/:id': { allowed: LOG_READERS, path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}` },
  'GET /api/v1/occurrences/:id/pdf': { allowed: LOG_READERS, path: onOccurrence('pdf') },
  'GET /api/v1/occurrences/:id/personal-data': { allowed: LOG_READERS, path: onOccurrence('personal-data') },
  'GET /api/v1/assignees': { allowed: LOG_READERS },
  'GET /api/v1/handovers': { allowed: LOG_READERS, path: () => '/api/v1/handovers?status=waiting_for_me' },
  'GET /api/v1/handovers/:id': { allowed: LOG_READERS, path: async (ctx) => `/api/v1/handovers/${await aHandover(ctx)}` },
  'GET /api/v1/actions': { allowed: LOG_READERS },
  'GET /api/v1/occurrence-categories/:id/procedure': { allowed: LOG_READERS, path: async (ctx) => `/api/v1/occurrence-categories/${await aCategory(ctx)}/procedure` },

  'POST /api/v1/occurrences': {
    allowed: LOG_WRITERS,
    body: async (ctx) => ({ source: 'police_request', categoryId: await categoryId(ctx, 'asb'), summary: 'Group gathering', cameraIds: [await aCamera(ctx)] }),
  },
  'POST /api/v1/occurrences/:id/entries': { allowed: LOG_WRITERS, path: onOccurrence('entries'), body: () => ({ body: 'Group moved towards Station Street' }) },
  'POST /api/v1/occurrences/:id/notifications': { allowed: LOG_WRITERS, path: onOccurrence('notifications'), body: () => ({ agency: 'police', agencyReference: 'CAD 1234' }) },
  'POST /api/v1/occurrences/:id/footage': {
    allowed: LOG_WRITERS, path: onOccurrence('footage'),
    body: async (ctx) => ({ cameraId: await aCamera(ctx), from: new Date(Date.now() - 600_000).toISOString(), to: new Date(Date.now() - 60_000).toISOString() }),
  },
  'POST /api/v1/occurrences/:id/amendments': { allowed: LOG_WRITERS, path: onOccurrence('amendments'), body: (ctx) => ({ entryId: ctx.bag.entryId, body: 'Three males, not two', reason: 'Miscounted' }) },
  'POST /api/v1/occurrences/:id/cameras': { allowed: LOG_WRITERS, path: onOccurrence('cameras'), body: async (ctx) => ({ cameraIds: [await aCamera(ctx)] }) },
  'POST /api/v1/occurrences/:id/steps': {
    allowed: LOG_WRITERS,
    // An occurrence of a category of its own, opened under a procedure with a step to tick.
    path: async (ctx) => {
      const categoryId = await aCategory(ctx);
      const version = await insertVersion(ctx.deps.db, { categoryId, version: 1, steps: [{ text: `Walk step ${uniq('s')}`, isRequired: false }], by: null, at: new Date() });
      ctx.bag.stepId = (await listVersionSteps(ctx.deps.db, version.id))[0].id;
      return `/api/v1/occurrences/${await anOccurrence(ctx, { categoryId })}/steps`;
    },
    body: ({ bag }) => ({ stepId: bag.stepId }),
  },
  'POST /api/v1/occurrences/:id/close': { allowed: LOG_WRITERS, path: onOccurrence('close'), body: () => ({ outcome: 'dispersed', skipReason: 'Walk test' }) },
  'POST /api/v1/occurrences/:id/reopen': { allowed: LOG_WRITERS, path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx, { closed: true })}/reopen`, body: () => ({ reason: 'New information from police' }) },
  'POST /api/v1/occurrences/:id/personal-data': { allowed: LOG_WRITERS, path: onOccurrence('personal-data'), body: () => ({ name: 'Jane Example', details: 'Known to staff' }) },
  'POST /api/v1/occurrences/:id/shares': { allowed: LOG_WRITERS, path: onOccurrence('shares'), body: async ({ deps }) => ({ organisationId: (await makeOrganisation(deps, { external: true })).id }) },
  'GET /api/v1/partners': { allowed: LOG_WRITERS },
  'GET /api/v1/handovers/draft': { allowed: LOG_WRITERS, path: () => `/api/v1/handovers/draft?shiftStartedAt=${new Date(Date.now() - 3600_000).toISOString()}` },
  'POST /api/v1/handovers': {
    allowed: LOG_WRITERS,
    body: async (ctx) => ({ to: { kind: 'user', id: (await author(ctx)).userId }, notes: 'All quiet', equipmentFaults: '', occurrenceIds: [await anOccurrence(ctx)], actions: [{ text: 'Chase fault on C07', ownerId: ctx.user.id, dueAt: new Date(Date.now() + 7200_000).toISOString() }] }),
  },
  'POST /api/v1/handovers/:id/acknowledge': { allowed: LOG_WRITERS, path: async (ctx) => `/api/v1/handovers/${await aHandover(ctx)}/acknowledge` },
  'POST /api/v1/actions': { allowed: LOG_WRITERS, body: (ctx) => ({ text: 'Return radio to the shop', ownerId: ctx.user.id, dueAt: new Date(Date.now() + 3600_000).toISOString() }) },
  'POST /api/v1/actions/:id/done': { allowed: LOG_WRITERS, path: async (ctx) => `/api/v1/actions/${await anAction(ctx)}/done` },

  'GET /api/v1/supervisor/overview': { allowed: SUPERVISORS },
  'POST /api/v1/supervisor/alerts/:id/acknowledge': { allowed: SUPERVISORS, path: async (ctx) => `/api/v1/supervisor/alerts/${await anAlert(ctx)}/acknowledge` },

  'GET /api/v1/occurrences/personal-data-review': { allowed: PERSONAL_DATA_REVIEWERS },
  'POST /api/v1/occurrences/:id/personal-data/:pdId/remove': {
    allowed: PERSONAL_DATA_REVIEWERS,
    path: async (ctx) => {
      const id = await anOccurrence(ctx);
      const item = await occ.recordPersonalData(ctx.deps, { actor: await author(ctx), occurrenceId: id, name: 'Jane Example' });
      return `/api/v1/occurrences/${id}/personal-data/${item.id}/remove`;
    },
    body: () => ({ reason: 'Reviewed: not needed any more' }),
  },

  // Procedures are kept by administrators.
  'GET /api/v1/procedures': { allowed: ADMINS },
  'POST /api/v1/occurrence-categories': { allowed: ADMINS, body: () => ({ name: `Walk ${uniq('cat')}` }) },
  'PATCH /api/v1/occurrence-categories/:id': { allowed: ADMINS, path: async (ctx) => `/api/v1/occurrence-categories/${await aCategory(ctx)}`, body: () => ({ name: 'Renamed walk category' }) },
  'PUT /api/v1/occurrence-categories/:id/procedure': {
    allowed: ADMINS, path: async (ctx) => `/api/v1/occurrence-categories/${await aCategory(ctx)}/procedure`,
    body: () => ({ steps: [{ text: 'Inform the police', isRequired: true }, { text: 'Start recording' }] }),
  },

  // Partners read only what was shared with their own organisation.
  'GET /api/v1/shared/occurrences/:id': {
    allowed: PARTNERS,
    path: async (ctx) => `/api/v1/shared/occurrences/${await anOccurrence(ctx, { shareWith: ctx.user.organisationId !== ctx.councilOrgId ? ctx.user.organisationId : (await makeOrganisation(ctx.deps, { external: true })).id })}`,
  },
};

import { describe, expect, it, beforeAll } from 'vitest';
import { generate } from 'otplib';
import { ROLES, isAllowed, type Role } from '../src/server/platform/auth/permissions';
import { isMfaRequired } from '../src/server/platform/auth/auth.models';
import { getSetting } from '../src/server/platform/auth/auth.repository';
import type { Deps } from '../src/server/platform/deps';
import { ApiClient, testApp } from './support/api';
import * as occ from '../src/server/modules/occurrences/occurrences.usecases';
import * as handover from '../src/server/modules/occurrences/handover.usecases';
import { insertCameras } from '../src/server/modules/estate';
import { makeOrganisation, makeSession, makeUser, testDeps, uniq } from './support/deps';

// Walks every API route with every role, and with no session. Each call gets a fresh user and
// session, so that no call depends on another. The expected answer comes from the permission map:
// 200/201/204 exactly where a role is allowed, 401/403/404 everywhere else.

const deps: Deps = testDeps({ config: { trustProxy: 1, signIn: { maxFailures: 5, windowMinutes: 15, ratePerMinute: 10_000 } } });
const { app, routes } = testApp(deps);

interface Ctx { user: { id: string; username: string; password: string; organisationId: string }; councilOrgId: string; bag: Record<string, string> }
interface Fixture {
  path?: (ctx: Ctx) => Promise<string> | string;
  body?: (ctx: Ctx) => Promise<unknown> | unknown;
  /** When a business rule, not access, decides the answer for an allowed caller. */
  allowedStatus?: (roles: Role[]) => Promise<number[]> | number[];
}

const targetUser = async (ctx: Ctx) => (await makeUser(deps, { roles: ['operator'], organisationId: ctx.councilOrgId })).id;
const setSecret = async (userId: string, enabled: boolean) => {
  const { generateSecret } = await import('otplib');
  const secret = generateSecret();
  await deps.db.updateTable('users').set(enabled ? { mfa_secret: secret, mfa_enabled_at: new Date() } : { mfa_pending_secret: secret }).where('id', '=', userId).execute();
  return secret;
};

// An occurrence to act on, opened by an operator of its own (and closed, or shared, when asked).
let occurrenceAuthor: { id: string; username: string } | undefined;
async function anOccurrence(ctx: Ctx, { closed = false, shareWith }: { closed?: boolean; shareWith?: string } = {}) {
  occurrenceAuthor ??= await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  const a = { audit: { actorId: occurrenceAuthor.id, actorUsername: occurrenceAuthor.username, ip: null, userAgent: null }, userId: occurrenceAuthor.id };
  const category = await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'licensing').executeTakeFirstOrThrow();
  const o = await occ.openOccurrence(deps, { actor: a, input: { source: 'camera_patrol', categoryId: category.id, priority: 'normal', summary: 'Walk-test occurrence' } });
  const entry = await occ.addEntry(deps, { actor: a, occurrenceId: o.id, kind: 'observation', body: 'Two males arguing outside the bar' });
  if (closed) await occ.closeOccurrence(deps, { actor: a, occurrenceId: o.id, outcome: 'dispersed' });
  if (shareWith) await occ.shareOccurrence(deps, { actor: a, occurrenceId: o.id, organisationId: shareWith });
  ctx.bag.occurrenceId = o.id;
  ctx.bag.entryId = entry.id;
  return o.id;
}
const aCamera = async () => (await deps.db.selectFrom('cameras').select('id').executeTakeFirst())?.id ?? (await insertCameras(deps.db, [{ reference: 'W1', name: 'Walk test', location_text: 'Test Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }]))[0].id;
const authorActor = async () => {
  occurrenceAuthor ??= await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  return { audit: { actorId: occurrenceAuthor.id, actorUsername: occurrenceAuthor.username, ip: null, userAgent: null }, userId: occurrenceAuthor.id };
};
const aHandover = async () => (await handover.createHandover(deps, { actor: await authorActor(), input: { occurrenceIds: [], actions: [], equipmentFaults: 'C07 no picture', notes: 'Quiet night' } })).id;
const anAction = async () => { const a = await authorActor(); return (await handover.addAction(deps, { actor: a, input: { text: 'Call back PC 4471', ownerId: a.userId, dueAt: new Date(Date.now() + 3600_000) } })).id; };
const anAlert = async () => (await deps.db.insertInto('supervisor_alerts').values({ kind: 'test', message: 'Walk-test alert', created_at: new Date() }).returning('id').executeTakeFirstOrThrow()).id;
const aCategory = async () => deps.db.insertInto('occurrence_categories').values({ key: uniq('walk').replace('-', '_'), name: 'Walk category' }).returning('id').executeTakeFirstOrThrow();
const externalOrg = async () => (await makeOrganisation(deps, { external: true })).id;

const FIXTURES: Record<string, Fixture> = {
  'GET /api/v1/meta': {},
  'GET /api/v1/auth/session': {},
  'POST /api/v1/auth/sign-in': { body: ({ user }) => ({ username: user.username, password: user.password }) },
  'POST /api/v1/auth/mfa': { body: () => ({ code: '000000' }) },
  'POST /api/v1/auth/sign-out': {},
  'POST /api/v1/auth/sign-out-everywhere': {},
  'POST /api/v1/account/password': { body: ({ user }) => ({ currentPassword: user.password, newPassword: `${uniq('violet')} harbour quilt` }) },
  'POST /api/v1/account/mfa/setup': { body: ({ user }) => ({ password: user.password }) },
  'POST /api/v1/account/mfa/confirm': { body: async ({ user }) => ({ code: await generate({ secret: await setSecret(user.id, false) }) }) },
  'POST /api/v1/account/mfa/disable': {
    body: ({ user }) => ({ password: user.password }),
    allowedStatus: async (roles) => (isMfaRequired({ roles, requiredRoles: await getSetting<string[]>(deps.db, 'auth.mfa_required_roles', []) }) ? [409] : [204]),
  },
  'POST /api/v1/account/recovery-codes': { body: async ({ user }) => { await setSecret(user.id, true); return { password: user.password }; } },
  'GET /api/v1/modules': {},
  'GET /api/v1/users': { path: () => '/api/v1/users?status=all&q=a' },
  'POST /api/v1/users': { body: ({ councilOrgId }) => ({ username: uniq('new'), displayName: 'New Person', organisationId: councilOrgId, roles: ['operator'] }) },
  'GET /api/v1/users/:id': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}` },
  'PATCH /api/v1/users/:id': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}`, body: () => ({ displayName: 'Renamed Person' }) },
  'POST /api/v1/users/:id/deactivate': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}/deactivate` },
  'POST /api/v1/users/:id/reactivate': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}/reactivate` },
  'POST /api/v1/users/:id/reset-mfa': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}/reset-mfa` },
  'POST /api/v1/users/:id/unlock': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}/unlock` },
  'POST /api/v1/users/:id/reset-password': { path: async (ctx) => `/api/v1/users/${await targetUser(ctx)}/reset-password` },
  'GET /api/v1/organisations': {},
  'GET /api/v1/teams': {},
  'GET /api/v1/roles': {},
  'GET /api/v1/audit/events': { path: () => '/api/v1/audit/events?action=user.&pageSize=5' },
  'GET /api/v1/audit/events.csv': { path: () => '/api/v1/audit/events.csv?action=user.created' },
  'GET /api/v1/audit/verify': {},
  'GET /api/v1/settings/security': {},
  'GET /api/v1/cameras': {},
  'GET /api/v1/occurrence-categories': {},
  'GET /api/v1/occurrences/live': {},
  'GET /api/v1/handovers/draft': {},
  'GET /api/v1/occurrence-categories/:id/procedure': { path: async () => `/api/v1/occurrence-categories/${(await aCategory()).id}/procedure` },
  'PUT /api/v1/occurrence-categories/:id/procedure': { path: async () => `/api/v1/occurrence-categories/${(await aCategory()).id}/procedure`, body: () => ({ steps: [{ text: 'Inform the police', isRequired: true }, { text: 'Start recording' }] }) },
  'POST /api/v1/occurrence-categories': { body: () => ({ name: `Walk ${uniq('cat')}` }) },
  'PATCH /api/v1/occurrence-categories/:id': { path: async () => `/api/v1/occurrence-categories/${(await aCategory()).id}`, body: () => ({ name: 'Renamed walk category' }) },
  'POST /api/v1/handovers': { body: async (ctx) => ({ notes: 'All quiet', equipmentFaults: '', occurrenceIds: [await anOccurrence(ctx)], actions: [{ text: 'Chase fault on C07', ownerId: ctx.user.id, dueAt: new Date(Date.now() + 7200_000).toISOString() }] }) },
  'GET /api/v1/handovers': { path: () => '/api/v1/handovers?status=unacknowledged' },
  'GET /api/v1/handovers/:id': { path: async () => `/api/v1/handovers/${await aHandover()}` },
  'POST /api/v1/handovers/:id/acknowledge': { path: async () => `/api/v1/handovers/${await aHandover()}/acknowledge` },
  'GET /api/v1/actions': {},
  'POST /api/v1/actions': { body: (ctx) => ({ text: 'Return radio to the shop', ownerId: ctx.user.id, dueAt: new Date(Date.now() + 3600_000).toISOString() }) },
  'POST /api/v1/actions/:id/done': { path: async () => `/api/v1/actions/${await anAction()}/done` },
  'GET /api/v1/assignees': {},
  'GET /api/v1/partners': {},
  'GET /api/v1/procedures': {},
  'GET /api/v1/supervisor/overview': {},
  'POST /api/v1/supervisor/alerts/:id/acknowledge': { path: async () => `/api/v1/supervisor/alerts/${await anAlert()}/acknowledge` },
  'GET /api/v1/occurrences': { path: () => '/api/v1/occurrences?q=arguing&status=open&sort=opened_asc' },
  'GET /api/v1/occurrences.csv': { path: () => '/api/v1/occurrences.csv?category=licensing' },
  'GET /api/v1/occurrence-counts': { path: () => '/api/v1/occurrence-counts?by=hour' },
  'GET /api/v1/occurrence-counts.csv': { path: () => '/api/v1/occurrence-counts.csv?by=category' },
  'POST /api/v1/occurrences': { body: async () => ({ source: 'police_request', categoryId: (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id, summary: 'Group gathering', cameraIds: [await aCamera()] }) },
  'GET /api/v1/occurrences/:id/pdf': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/pdf` },
  'GET /api/v1/occurrences/:id': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}` },
  'POST /api/v1/occurrences/:id/entries': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/entries`, body: () => ({ body: 'Group moved towards Station Street' }) },
  'POST /api/v1/occurrences/:id/notifications': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/notifications`, body: () => ({ agency: 'police', agencyReference: 'CAD 1234' }) },
  'POST /api/v1/occurrences/:id/footage': {
    path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/footage`,
    body: async () => ({ cameraId: await aCamera(), from: new Date(Date.now() - 600_000).toISOString(), to: new Date(Date.now() - 60_000).toISOString() }),
  },
  'POST /api/v1/occurrences/:id/amendments': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/amendments`, body: (ctx) => ({ entryId: ctx.bag.entryId, body: 'Three males, not two', reason: 'Miscounted' }) },
  'POST /api/v1/occurrences/:id/cameras': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/cameras`, body: async () => ({ cameraIds: [await aCamera()] }) },
  'POST /api/v1/occurrences/:id/steps': {
    path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/steps`,
    body: async (ctx) => {
      const occRow = await deps.db.selectFrom('occurrences').select('category_id').where('id', '=', ctx.bag.occurrenceId).executeTakeFirstOrThrow();
      const [step] = await deps.db.insertInto('procedure_steps').values({ category_id: occRow.category_id, position: 99, text: `Walk step ${uniq('s')}`, is_required: false }).returning('id').execute();
      return { stepId: step.id };
    },
  },
  'POST /api/v1/occurrences/:id/close': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/close`, body: () => ({ outcome: 'dispersed', skipReason: 'Walk test' }) },
  'POST /api/v1/occurrences/:id/reopen': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx, { closed: true })}/reopen`, body: () => ({ reason: 'New information from police' }) },
  'POST /api/v1/occurrences/:id/personal-data': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/personal-data`, body: () => ({ name: 'Jane Example', details: 'Known to staff' }) },
  'GET /api/v1/occurrences/:id/personal-data': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/personal-data` },
  'GET /api/v1/occurrences/personal-data-review': {},
  'POST /api/v1/occurrences/:id/personal-data/:pdId/remove': {
    path: async (ctx) => {
      const id = await anOccurrence(ctx);
      const item = await occ.recordPersonalData(deps, { actor: await authorActor(), occurrenceId: id, name: 'Jane Example' });
      return `/api/v1/occurrences/${id}/personal-data/${item.id}/remove`;
    },
    body: () => ({ reason: 'Reviewed: not needed any more' }),
  },
  'POST /api/v1/occurrences/:id/shares': { path: async (ctx) => `/api/v1/occurrences/${await anOccurrence(ctx)}/shares`, body: async () => ({ organisationId: await externalOrg() }) },
  'GET /api/v1/shared/occurrences/:id': { path: async (ctx) => `/api/v1/shared/occurrences/${await anOccurrence(ctx, { shareWith: ctx.user.organisationId !== ctx.councilOrgId ? ctx.user.organisationId : await externalOrg() })}` },
  // Writes back the policy it finds, so that other tests sharing the database see no change.
  'PUT /api/v1/settings/security': { body: async () => ({ mfaRequiredRoles: await getSetting<string[]>(deps.db, 'auth.mfa_required_roles', []) }) },
};

let councilOrgId: string;
beforeAll(async () => {
  councilOrgId = (await makeOrganisation(deps)).id;
});

it('has a fixture for every registered route (a new route must be added here)', () => {
  const missing = routes.map((r) => `${r.method} ${r.path}`).filter((k) => !FIXTURES[k]);
  expect(missing).toEqual([]);
  expect(routes.length).toBeGreaterThanOrEqual(27);
});

const callers: (Role | 'anonymous')[] = ['anonymous', ...ROLES];

describe.each(callers)('as %s', (caller) => {
  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_key, r) => {
    const fixture = FIXTURES[`${r.method} ${r.path}`];
    const roles: Role[] = caller === 'anonymous' ? [] : [caller];
    const external = caller === 'agency' || caller === 'contractor';
    const orgId = external ? (await makeOrganisation(deps, { external: true })).id : councilOrgId;
    const user = await makeUser(deps, { roles: roles.length ? roles : ['operator'], organisationId: orgId });
    const client = new ApiClient(app, `198.51.100.${Math.floor(Math.random() * 250) + 1}`);
    if (caller !== 'anonymous') {
      const s = await makeSession(deps, { userId: user.id });
      client.cookie = s.cookie;
      client.csrf = s.csrf;
    }
    const ctx: Ctx = { user, councilOrgId, bag: {} };
    const path = fixture.path ? await fixture.path(ctx) : r.path;
    const body = fixture.body ? await fixture.body(ctx) : r.method === 'GET' ? undefined : {};
    const res = await client.request(r.method, path, body);

    const allowed = isAllowed({ access: r.access, roles, signedIn: caller !== 'anonymous' }) && (r.access === 'public' || r.stages.includes('active'));
    if (allowed) {
      const ok = fixture.allowedStatus ? await fixture.allowedStatus(roles) : [200, 201, 204];
      expect(ok, `${caller} ${r.method} ${path}: ${res.text.slice(0, 300)}`).toContain(res.status);
    } else {
      expect([401, 403, 404], `${caller} ${r.method} ${path}: ${res.status} ${res.text.slice(0, 200)}`).toContain(res.status);
      if (caller === 'anonymous') expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
    }
  });
});

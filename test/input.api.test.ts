import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { Deps } from '../src/server/platform/deps';
import { toProblem } from '../src/server/platform/http/problem';
import * as occ from '../src/server/modules/occurrences/occurrences.usecases';
import { ApiClient, testApp, type Reply } from './support/api';
import { makeOrganisation, makeSession, makeUser, testDeps } from './support/deps';

// The input a fuzz of the OpenAPI document once answered with 500, each refused with a 400 that names
// the field and says what to fix. (A CSV export whose query fails: http/csv.api.test.ts.)

const deps: Deps = testDeps();
const { app } = testApp(deps);

let councilOrgId: string;
let occurrenceId: string;
let categoryId: string;
const as = async (roles: Parameters<typeof makeUser>[1]['roles']) => {
  const user = await makeUser(deps, { roles, organisationId: councilOrgId });
  return Object.assign(new ApiClient(app, '192.0.2.150'), await makeSession(deps, { userId: user.id }));
};
let operator: ApiClient;
let admin: ApiClient;

beforeAll(async () => {
  councilOrgId = (await makeOrganisation(deps)).id;
  operator = await as(['supervisor']);
  admin = await as(['admin']);
  const author = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
  categoryId = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'licensing').executeTakeFirstOrThrow()).id;
  occurrenceId = (await occ.openOccurrence(deps, {
    actor: { audit: { actorId: author.id, actorUsername: author.username, ip: null, userAgent: null }, userId: author.id },
    input: { source: 'camera_patrol', categoryId, priority: 'normal', summary: 'Input test' },
  })).id;
});

const refused = (r: Reply, path: string, message: string | RegExp) => {
  expect(r.status, r.text).toBe(400);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  expect(r.body.code).toBe('validation.failed');
  expect(r.body.errors).toContainEqual({ path, message: typeof message === 'string' ? message : expect.stringMatching(message) });
};

describe('text', () => {
  it('a NUL in a text field: 400 naming the field', async () => {
    refused(await operator.post(`/api/v1/occurrences/${occurrenceId}/entries`, { body: 'Two males\u0000 arguing' }), 'body', 'Remove the control character (U+0000) from this text');
  });

  it('a NUL in a query: 400 naming the parameter', async () => {
    refused(await operator.get('/api/v1/occurrences?q=arguing%00'), 'q', 'Remove the control character (U+0000) from this text');
    refused(await admin.get('/api/v1/audit/events?actor=x%00'), 'actor', /U\+0000/);
  });

  it('a lone surrogate: 400 naming the field', async () => {
    const r = await operator.request('POST', '/api/v1/occurrences', `{"source":"alarm","categoryId":"${categoryId}","summary":"Alarm \\ud83d at the bank"}`);
    refused(r, 'summary', 'Remove the broken character (U+D83D, half of a character pair) from this text');
  });

  it('a line break in a one-line field, and a control character the guard lets through to the schema', async () => {
    refused(await operator.post('/api/v1/occurrences', { source: 'alarm', categoryId, summary: 'Alarm\nat the bank' }), 'summary', 'Keep this to one line: remove the line break');
    refused(await admin.patch(`/api/v1/users/${(await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId })).id}`, { displayName: 'Ann\tOther' }), 'displayName', 'Remove the tab from this text');
  });

  it('keeps line breaks where text runs over lines', async () => {
    const r = await operator.post(`/api/v1/occurrences/${occurrenceId}/entries`, { body: 'Line one\r\nLine two\twith a tab' });
    expect(r.status, r.text).toBe(201);
  });
});

describe('dates', () => {
  it.each(['-004000-01-01T00:00:00.000Z', '-271821-04-20T00:00:00.000Z', '+275760-09-13T00:00:00.000Z', '1899-12-31T23:59:59.000Z'])('%s in a body: 400 with the range to use', async (observedAt) => {
    refused(await operator.post(`/api/v1/occurrences/${occurrenceId}/entries`, { body: 'Seen', observedAt }), 'observedAt', 'Enter a date between 1900 and 2100');
  });

  it('a year 4000 BC date in a query: 400 naming the parameter', async () => {
    refused(await operator.get('/api/v1/occurrences?from=-004000-01-01T00:00:00.000Z'), 'from', 'Enter a date between 1900 and 2100');
    refused(await admin.get('/api/v1/audit/events?to=%2B275760-09-13T00:00:00.000Z'), 'to', 'Enter a date between 1900 and 2100');
  });
});

describe('changes and sets', () => {
  it('an empty PATCH /api/v1/users/{id}: 400, change at least one field', async () => {
    const target = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
    refused(await admin.patch(`/api/v1/users/${target.id}`, {}), '(body)', 'Change at least one field');
  });

  it('an empty PATCH of a category: 400', async () => {
    const category = await deps.db.insertInto('occurrence_categories').values({ key: `input_${Date.now()}`, name: 'Input test' }).returning('id').executeTakeFirstOrThrow();
    const settings = await as(['admin']);
    refused(await settings.patch(`/api/v1/occurrence-categories/${category.id}`, {}), '(body)', 'Change at least one field');
  });

  it('roles with a repeat: 400 naming the repeat', async () => {
    const target = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
    refused(await admin.patch(`/api/v1/users/${target.id}`, { roles: ['operator', 'supervisor', 'operator'] }), 'roles.2', 'Remove the repeated role: each role can be given once');
    refused(await admin.post('/api/v1/users', { username: 'repeats', displayName: 'Re Peat', organisationId: councilOrgId, roles: ['admin', 'admin'] }), 'roles.1', /repeated role/);
  });

  it('the same role ten thousand times: 400', async () => {
    const target = await makeUser(deps, { roles: ['operator'], organisationId: councilOrgId });
    refused(await admin.patch(`/api/v1/users/${target.id}`, { roles: Array(10_000).fill('operator') }), 'roles', /or fewer/);
  });

  it('a camera given twice: 400 naming the repeat', async () => {
    const [camera] = await deps.db.selectFrom('cameras').select('id').limit(1).execute();
    const cameraId = camera?.id ?? (await deps.db.insertInto('cameras').values({ reference: 'IN1', name: 'Input', location_text: 'Test Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }).returning('id').executeTakeFirstOrThrow()).id;
    refused(await operator.post(`/api/v1/occurrences/${occurrenceId}/cameras`, { cameraIds: [cameraId, cameraId] }), 'cameraIds.1', /repeated camera/);
  });
});

describe('the last net, with the refusals of PostgreSQL itself', () => {
  it.each([
    ['NUL in text', sql`select ${'a\u0000b'}::text as x`],
    ['a lone surrogate in jsonb', sql`select ${'{"a":"\\ud800"}'}::jsonb as x`],
    ['NUL in jsonb', sql`select ${'{"a":"\\u0000"}'}::jsonb as x`],
    ['a date before 4713 BC', sql`select ${new Date('-271821-04-20T00:00:00.000Z')}::timestamptz as x`],
    ['a date PostgreSQL cannot read', sql`select ${'-271821-04-20T00:00:00.000Z'}::timestamptz as x`],
    ['a LIKE pattern ending in an escape', sql`select ${'user.x'} like ${'user.\\'} as x`],
  ])('%s is a 400, still logged as unexpected', async (_what, query) => {
    const err = await query.execute(deps.db).then(() => undefined, (e: unknown) => e);
    expect(err).toBeDefined();
    expect(toProblem(err)).toMatchObject({ problem: { status: 400, code: 'http.invalid_input' }, unexpected: true });
  });
});

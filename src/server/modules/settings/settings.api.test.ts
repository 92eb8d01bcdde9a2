import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, sealed, silentLog, testConfig, testStorage } from '../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import { getSetting } from '../../platform/auth/auth.repository';
import type { Deps } from '../../platform/deps';
import { getRetentionDays } from '../occurrences';

// The MFA policy is global, so this test changes it in a database of its own.
let handle: OwnDatabase;
let deps: Deps;
let app: ReturnType<typeof testApp>['app'];
let original: string[];
beforeAll(async () => {
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig({ trustProxy: 1 }), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
  app = testApp(deps).app;
});
afterAll(async () => {
  await handle.drop();
});

it('an administrator changes which roles must use MFA; the change is audited and applies at the next sign-in', async () => {
  original = await getSetting<string[]>(deps.db, 'auth.mfa_required_roles', []);
  const admin = await makeUser(deps, { roles: ['admin'] });
  const client = new ApiClient(app, '192.0.2.90');
  Object.assign(client, await makeSession(deps, { userId: admin.id }));

  const bad = await client.request('PUT', '/api/v1/settings/security', { mfaRequiredRoles: ['wizard'] });
  expect(bad.status).toBe(400);
  expect(bad.body.errors[0].path).toMatch(/^mfaRequiredRoles/);

  const r = await client.request('PUT', '/api/v1/settings/security', { mfaRequiredRoles: [...original, 'auditor'] });
  expect(r.status).toBe(200);
  expect(r.body.mfaRequiredRoles).toContain('auditor');
  const [event] = await (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('action', '=', 'settings.changed').where('actor_id', '=', admin.id).execute();
  expect(event.details).toMatchObject({ before: original, after: expect.arrayContaining(['auditor']) });

  const auditor = await makeUser(deps, { roles: ['auditor'] });
  const signIn = await new ApiClient(app, '192.0.2.91').signIn(auditor.username, auditor.password);
  expect(signIn.body.stage).toBe('mfa_enrolment');
});

it('an administrator changes the retention ages on validated, audited settings that the nightly run then uses', async () => {
  const admin = await makeUser(deps, { roles: ['admin'] });
  const client = new ApiClient(app, '192.0.2.92');
  Object.assign(client, await makeSession(deps, { userId: admin.id }));
  const before = (await client.get('/api/v1/settings/retention')).body;
  expect(before).toEqual(await getRetentionDays(deps));

  const shorter = await client.request('PUT', '/api/v1/settings/retention', { reviewDays: 60, removalDays: 30 });
  expect(shorter.status).toBe(400);
  expect(shorter.body.errors).toEqual([{ path: 'removalDays', message: 'The removal age must be the same as the review age or longer' }]);
  const silly = await client.request('PUT', '/api/v1/settings/retention', { reviewDays: 0, removalDays: 36500 });
  expect(silly.body.errors.map((e: { path: string; message: string }) => `${e.path}: ${e.message}`).sort()).toEqual([
    'removalDays: The removal age must be 3650 days or fewer', 'reviewDays: The review age must be at least 1 day',
  ]);
  expect((await client.request('PUT', '/api/v1/settings/retention', { reviewDays: 14.5, removalDays: 90 })).body.errors[0].message).toBe('Enter the review age as a whole number of days, like 31');
  expect(await getRetentionDays(deps)).toEqual(before);

  const r = await client.request('PUT', '/api/v1/settings/retention', { reviewDays: 28, removalDays: 180 });
  expect(r.status, r.text).toBe(200);
  expect(r.body).toEqual({ reviewDays: 28, removalDays: 180 });
  expect(await getRetentionDays(deps)).toEqual({ reviewDays: 28, removalDays: 180 });
  const [event] = await (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('action', '=', 'settings.changed').where('record_id', '=', 'occurrences.personal_data_retention').execute();
  expect(event).toMatchObject({ actor_id: admin.id, details: { before, after: { reviewDays: 28, removalDays: 180 } } });

  const operator = await makeUser(deps, { roles: ['supervisor'] });
  const other = new ApiClient(app, '192.0.2.93');
  Object.assign(other, await makeSession(deps, { userId: operator.id }));
  expect((await other.request('PUT', '/api/v1/settings/retention', { reviewDays: 1, removalDays: 1 })).status).toBe(403);
});

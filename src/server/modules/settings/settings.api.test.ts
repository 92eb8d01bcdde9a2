import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../test/support/api';
import { makeSession, makeUser, sealed, silentLog, testConfig } from '../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../test/support/product';
import { getSetting } from '../../platform/auth/auth.repository';
import type { Deps } from '../../platform/deps';

// The MFA policy is global, so this test changes it in a database of its own.
let handle: OwnDatabase;
let deps: Deps;
let app: ReturnType<typeof testApp>['app'];
let original: string[];
beforeAll(async () => {
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig({ trustProxy: 1 }), clock: { now: () => new Date() }, log: silentLog };
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

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiClient, testApp } from '../../../../../test/support/api';
import { makeSession, makeUser, sealed, silentLog, testConfig, testStorage } from '../../../../../test/support/deps';
import { ownDatabase, type OwnDatabase } from '../../../../../test/support/product';
import type { Deps } from '../../../platform/deps';
import type { Role } from '../../../platform/auth/permissions';

// The retention settings and decisions through the API: validated field by field, audited, and
// refused with reasons. The settings are global, so this file has a database of its own.

let handle: OwnDatabase;
let deps: Deps;
let app: ReturnType<typeof testApp>['app'];
beforeAll(async () => {
  handle = await ownDatabase();
  deps = { db: handle.db, config: testConfig(), clock: { now: () => new Date() }, log: silentLog, storage: testStorage() };
  app = testApp(deps).app;
});
afterAll(async () => {
  await handle.drop();
});

async function as(roles: Role[]) {
  const user = await makeUser(deps, { roles });
  const client = new ApiClient(app, `10.9.${randomBytes(1)[0]}.${randomBytes(1)[0]}`);
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}

const routine = { key: 'routine', name: 'Routine recordings', days: 31 };

it('an administrator changes the classes and review period on validated, audited settings; evidence handlers read them', async () => {
  const { user: admin, client } = await as(['admin']);
  const before = (await client.get('/api/v1/settings/evidence-retention')).body;
  expect(before).toEqual({ classes: [routine], exhibitReviewMonths: 6 });

  const bad = await client.request('PUT', '/api/v1/settings/evidence-retention', {
    classes: [{ ...routine, days: 0 }, { key: 'Police Request', name: 'P', days: 4000 }, { key: 'routine', name: 'Again', days: 31 }], exhibitReviewMonths: 0,
  });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual([
    'classes.0.days', 'classes.1.days', 'classes.1.key', 'classes.1.name', 'classes.2.key', 'exhibitReviewMonths',
  ]);
  expect(bad.body.errors.find((e: { path: string }) => e.path === 'classes.0.days').message).toBe('The retention period must be at least 1 day');
  expect((await client.request('PUT', '/api/v1/settings/evidence-retention', { classes: [{ key: 'other', name: 'Other', days: 5 }], exhibitReviewMonths: 6 })).body.errors)
    .toEqual([{ path: 'classes', message: 'Keep the class with the key routine: new footage is put in it' }]);

  const after = { classes: [{ ...routine, days: 28 }, { key: 'police_request', name: 'Police request', days: 90 }], exhibitReviewMonths: 12 };
  const ok = await client.request('PUT', '/api/v1/settings/evidence-retention', after);
  expect(ok.status, ok.text).toBe(200);
  expect(ok.body).toEqual(after);
  const [event] = await (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('action', '=', 'settings.changed').where('record_id', '=', 'evidence.retention').execute();
  expect(event).toMatchObject({ actor_id: admin.id, details: { before, after } });

  const { client: operator } = await as(['operator']);
  expect((await operator.get('/api/v1/evidence/retention')).body).toEqual(after);
  expect((await operator.request('PUT', '/api/v1/settings/evidence-retention', after)).status).toBe(403);
});

it('a recording’s class can be changed to one the settings have; a destroy decision is refused with its reasons as a problem', async () => {
  const { user: officer, client } = await as(['enforcement_officer']);
  const sha256 = randomBytes(32).toString('hex');
  const recording = await deps.db.insertInto('recordings').values({
    sha256, size_bytes: 10, original_name: 'cam4.mp4', source: 'upload', format: 'unreadable', note: 'test', ingested_by: officer.id,
  }).returning(['id', 'ingested_at']).executeTakeFirstOrThrow();
  const unknown = await client.request('PUT', `/api/v1/recordings/${recording.id}/retention-class`, { retentionClass: 'made_up' });
  expect(unknown.status).toBe(400);
  expect(unknown.body.errors[0].path).toBe('retentionClass');

  const listed = (await client.get('/api/v1/recordings?unassigned=true')).body.items.find((r: { id: string }) => r.id === recording.id);
  const days = (await client.get('/api/v1/evidence/retention')).body.classes.find((c: { key: string }) => c.key === 'routine').days;
  expect(listed.deleteAfter).toBe(new Date(recording.ingested_at.getTime() + days * 86_400_000).toISOString());

  const hold = await client.post(`/api/v1/recordings/${recording.id}/holds`, { reason: 'Police request SP/4/26' });
  expect(hold.status).toBe(201);
  expect((await client.get('/api/v1/recordings?unassigned=true')).body.items.find((r: { id: string }) => r.id === recording.id).deleteAfter).toBeNull();
  expect((await client.get('/api/v1/evidence-holds')).body.items).toEqual([expect.objectContaining({ id: hold.body.id, recording: { id: recording.id, reference: 'cam4.mp4' }, exhibit: null })]);

  const exhibit = await client.post('/api/v1/exhibits', { description: 'Footage of the assault', recordingIds: [recording.id] });
  expect(exhibit.status, exhibit.text).toBe(201);
  const refused = await client.post(`/api/v1/exhibits/${exhibit.body.id}/reviews`, { decision: 'destroy', reason: 'Not needed' });
  expect(refused.status).toBe(409);
  expect(refused.body).toMatchObject({ code: 'evidence.destruction_refused', detail: `${exhibit.body.reference} cannot be destroyed. It is under a legal hold: Police request SP/4/26` });

  const keep = await client.post(`/api/v1/exhibits/${exhibit.body.id}/reviews`, { decision: 'keep', reason: 'Awaiting the police' });
  expect(keep.status).toBe(201);
  expect(keep.body.decision).toBe('keep');
});

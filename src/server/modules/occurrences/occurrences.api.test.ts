import { randomBytes, randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, testApp, type Reply } from '../../../../test/support/api';
import { makeOrganisation, makeSession, makeUser, sealed, testDeps, uniq } from '../../../../test/support/deps';
import type { Role } from '../../platform/auth/permissions';
import { insertCameras } from '../estate';
import * as occ from './occurrences.usecases';
import { insertVersion, listVersionSteps } from './occurrences.repository';

// The occurrence routes as the web app and partner agencies meet them: who may read and write, what
// a partner sees, field-by-field validation, and audited reads of personal data.

const deps = testDeps({ config: { trustProxy: 1 } });
const { app } = testApp(deps);
const newIp = () => { const b = randomBytes(3); return `10.${b[0]}.${b[1]}.${b[2]}`; };

async function signedIn(roles: Role[], organisationId?: string) {
  const user = await makeUser(deps, { roles, organisationId });
  const client = new ApiClient(app, newIp());
  Object.assign(client, await makeSession(deps, { userId: user.id }));
  return { user, client };
}

function expectProblem(r: Reply, status: number, code?: string) {
  expect(r.status, r.text).toBe(status);
  expect(r.headers.get('content-type')).toContain('application/problem+json');
  if (code) expect(r.body.code).toBe(code);
}

const paths = (r: Reply) => (r.body.errors as { path: string }[]).map((e) => e.path).sort();

let asb: string;
let author: { actor: occ.Actor; organisationId: string };
let cameraId: string;
beforeAll(async () => {
  asb = (await deps.db.selectFrom('occurrence_categories').select('id').where('key', '=', 'asb').executeTakeFirstOrThrow()).id;
  const u = await makeUser(deps, { roles: ['operator'] });
  author = { actor: { audit: { actorId: u.id, actorUsername: u.username, ip: null, userAgent: null }, userId: u.id }, organisationId: u.organisationId };
  [{ id: cameraId }] = await insertCameras(deps.db, [{ reference: `A${randomUUID().replace(/-/g, '').slice(0, 10).toUpperCase()}`, name: 'API cam', location_text: 'Castle Street', latitude: 52.8, longitude: -1.63, kind: 'ptz' }]);
});

/** An occurrence opened by an operator of its own, straight through the use case. */
const anOccurrence = (summary = 'Youths on the bandstand roof') =>
  occ.openOccurrence(deps, { actor: author.actor, input: { source: 'camera_patrol', categoryId: asb, priority: 'normal', summary } });

const openBody = (extra: Record<string, unknown> = {}) => ({ source: 'police_request', categoryId: asb, summary: `Fight reported ${uniq('x')}`, ...extra });

describe('who may read and write', () => {
  it.each<Role>(['operator', 'supervisor'])('a %s opens, logs, notifies, closes and reopens (201) and reads (200)', async (role) => {
    const { client, user } = await signedIn([role]);
    const opened = await client.post('/api/v1/occurrences', openBody({ cameraIds: [cameraId] }));
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body.reference).toMatch(/^OCC-\d{4}-\d{6}$/);
    const id = opened.body.id;
    const entry = await client.post(`/api/v1/occurrences/${id}/entries`, { body: 'Two groups squaring up', kind: 'observation' });
    expect(entry.status, entry.text).toBe(201);
    expect(entry.body).toMatchObject({ seq: 2, reference: opened.body.reference });
    expect((await client.post(`/api/v1/occurrences/${id}/notifications`, { agency: 'police', agencyReference: 'CAD 77' })).status).toBe(201);
    expect((await client.post(`/api/v1/occurrences/${id}/close`, { outcome: 'dispersed' })).status).toBe(201);
    expect((await client.post(`/api/v1/occurrences/${id}/reopen`, { reason: 'They came back' })).status).toBe(201);

    const view = await client.get(`/api/v1/occurrences/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ reference: opened.body.reference, status: 'open', openedBy: `Test ${role}`, location: { text: 'Castle Street' } });
    expect(view.body.entries.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'observation', 'notification', 'closed', 'reopened']);
    expect(view.body.told[0]).toMatchObject({ agency: 'police', told: true, references: ['CAD 77'] });
    const opener = await deps.db.selectFrom('occurrences').select('opened_by').where('id', '=', id).executeTakeFirstOrThrow();
    expect(opener.opened_by).toBe(user.id);
  });

  it.each<Role>(['enforcement_officer', 'coordinator'])('a %s reads (200) but cannot write (403), and nothing is written', async (role) => {
    const o = await anOccurrence();
    const { client } = await signedIn([role]);
    const view = await client.get(`/api/v1/occurrences/${o.id}`);
    expect(view.status).toBe(200);
    expect(view.body.reference).toBe(o.reference);
    expect((await client.get('/api/v1/occurrence-categories')).status).toBe(200);

    expectProblem(await client.post('/api/v1/occurrences', openBody()), 403, 'auth.forbidden');
    expectProblem(await client.post(`/api/v1/occurrences/${o.id}/entries`, { body: 'Not mine to write' }), 403, 'auth.forbidden');
    expectProblem(await client.post(`/api/v1/occurrences/${o.id}/notifications`, { agency: 'police' }), 403, 'auth.forbidden');
    expectProblem(await client.post(`/api/v1/occurrences/${o.id}/close`, { outcome: 'dispersed' }), 403, 'auth.forbidden');
    expectProblem(await client.post(`/api/v1/occurrences/${o.id}/personal-data`, { name: 'Jane Example' }), 403, 'auth.forbidden');
    const after = await client.get(`/api/v1/occurrences/${o.id}`);
    expect(after.body.entries).toHaveLength(1);
    expect(after.body).toMatchObject({ status: 'open', personalDataCount: 0 });
  });

  it('without a session, reads and writes are 401', async () => {
    const o = await anOccurrence();
    const anon = new ApiClient(app, newIp());
    expectProblem(await anon.get(`/api/v1/occurrences/${o.id}`), 401);
    expectProblem(await anon.post('/api/v1/occurrences', openBody()), 401);
  });

  it('an unknown occurrence is 404', async () => {
    const { client } = await signedIn(['operator']);
    expectProblem(await client.get(`/api/v1/occurrences/${randomUUID()}`), 404, 'http.not_found');
    expectProblem(await client.post(`/api/v1/occurrences/${randomUUID()}/entries`, { body: 'x' }), 404, 'http.not_found');
  });
});

describe('partner agencies', () => {
  it('see an occurrence only once it is shared with their organisation, never one shared with another', async () => {
    const police = await makeOrganisation(deps, { external: true });
    const insurer = await makeOrganisation(deps, { external: true, kind: 'insurer' });
    const { client } = await signedIn(['agency'], police.id);
    const ours = await anOccurrence('Shared with the police');
    const theirs = await anOccurrence('Shared with the insurer');
    await occ.shareOccurrence(deps, { actor: author.actor, occurrenceId: theirs.id, organisationId: insurer.id });

    expectProblem(await client.get(`/api/v1/shared/occurrences/${ours.id}`), 404, 'http.not_found');
    await occ.shareOccurrence(deps, { actor: author.actor, occurrenceId: ours.id, organisationId: police.id });
    const shared = await client.get(`/api/v1/shared/occurrences/${ours.id}`);
    expect(shared.status, shared.text).toBe(200);
    expect(shared.body).toMatchObject({ id: ours.id, reference: ours.reference, summary: 'Shared with the police' });
    expect(shared.body).not.toHaveProperty('sharedWith'); // nor who else it went to

    const other = await client.get(`/api/v1/shared/occurrences/${theirs.id}`);
    expectProblem(other, 404, 'http.not_found');
    // Not shared and does not exist look the same.
    const missing = await client.get(`/api/v1/shared/occurrences/${randomUUID()}`);
    expect(missing.body.detail).toBe(other.body.detail);
  });

  it('get 404 from the council’s own occurrence routes, even for one shared with them (they may not learn what exists)', async () => {
    const police = await makeOrganisation(deps, { external: true });
    const { client } = await signedIn(['agency'], police.id);
    const o = await anOccurrence();
    await occ.shareOccurrence(deps, { actor: author.actor, occurrenceId: o.id, organisationId: police.id });
    expectProblem(await client.get(`/api/v1/occurrences/${o.id}`), 404, 'http.not_found');
    expectProblem(await client.get(`/api/v1/occurrences/${o.id}/personal-data`), 404, 'http.not_found');
    expectProblem(await client.post(`/api/v1/occurrences/${o.id}/entries`, { body: 'x' }), 404, 'http.not_found');
  });

  it('the council shares through the API only with a partner organisation', async () => {
    const { client, user } = await signedIn(['operator']);
    const police = await makeOrganisation(deps, { external: true });
    const o = await anOccurrence();
    const own = await client.post(`/api/v1/occurrences/${o.id}/shares`, { organisationId: user.organisationId });
    expectProblem(own, 400, 'validation.failed');
    expect(paths(own)).toEqual(['organisationId']);
    expect((await client.post(`/api/v1/occurrences/${o.id}/shares`, { organisationId: police.id })).status).toBe(201);
    expect((await client.get(`/api/v1/occurrences/${o.id}`)).body.sharedWith.map((s: { id: string }) => s.id)).toEqual([police.id]);
  });
});

describe('validation names each field', () => {
  it('opening with several bad fields lists each one', async () => {
    const { client } = await signedIn(['operator']);
    const r = await client.post('/api/v1/occurrences', { source: 'carrier_pigeon', categoryId: 'violence', priority: 'urgent', summary: '   ', cameraIds: ['CAM-1'] });
    expectProblem(r, 400, 'validation.failed');
    expect(paths(r)).toEqual(['cameraIds.0', 'categoryId', 'priority', 'source', 'summary']);
    for (const e of r.body.errors) expect(e.message).toEqual(expect.any(String));
  });

  it('opening with nothing says which fields are required', async () => {
    const { client } = await signedIn(['operator']);
    const r = await client.post('/api/v1/occurrences', {});
    expectProblem(r, 400, 'validation.failed');
    expect(paths(r)).toEqual(['categoryId', 'source', 'summary']);
  });

  it('a point needs both latitude and longitude; an unknown camera or category is named', async () => {
    const { client } = await signedIn(['operator']);
    const half = await client.post('/api/v1/occurrences', openBody({ latitude: 52.8 }));
    expectProblem(half, 400, 'validation.failed');
    expect(paths(half)).toEqual(['latitude']);
    const cam = await client.post('/api/v1/occurrences', openBody({ cameraIds: [randomUUID()] }));
    expectProblem(cam, 400, 'validation.failed');
    expect(paths(cam)).toEqual(['cameraIds']);
    const cat = await client.post('/api/v1/occurrences', openBody({ categoryId: randomUUID() }));
    expectProblem(cat, 400, 'validation.failed');
    expect(paths(cat)).toEqual(['categoryId']);
  });

  it('closing without an outcome is refused, naming outcome, and the occurrence stays open', async () => {
    const { client } = await signedIn(['operator']);
    const o = await anOccurrence();
    const r = await client.post(`/api/v1/occurrences/${o.id}/close`, { body: 'All quiet' });
    expectProblem(r, 400, 'validation.failed');
    expect(paths(r)).toEqual(['outcome']);
    const bad = await client.post(`/api/v1/occurrences/${o.id}/close`, { outcome: 'vanished' });
    expect(paths(bad)).toEqual(['outcome']);
    expect((await client.get(`/api/v1/occurrences/${o.id}`)).body).toMatchObject({ status: 'open', outcome: null });
  });

  it('closing with a required step undone asks for skipReason and lists the steps', async () => {
    const { client } = await signedIn(['supervisor']);
    const key = `t_${randomUUID().replace(/-/g, '').slice(0, 20)}`;
    const cat = await deps.db.insertInto('occurrence_categories').values({ key, name: `Test ${key}` }).returning('id').executeTakeFirstOrThrow();
    const [step] = await listVersionSteps(deps.db, (await insertVersion(deps.db, { categoryId: cat.id, version: 1, steps: [{ text: 'Notify police', isRequired: true }], by: null, at: new Date() })).id);
    const o = await occ.openOccurrence(deps, { actor: author.actor, input: { source: 'alarm', categoryId: cat.id, priority: 'high', summary: 'Shop alarm' } });
    const r = await client.post(`/api/v1/occurrences/${o.id}/close`, { outcome: 'false_alarm' });
    expectProblem(r, 400, 'occurrences.required_steps_skipped');
    expect(paths(r)).toEqual(['skipReason']);
    expect(r.body.steps).toMatchObject([{ id: step.id, text: 'Notify police' }]);
    const ok = await client.post(`/api/v1/occurrences/${o.id}/close`, { outcome: 'false_alarm', skipReason: 'Keyholder confirmed a fault' });
    expect(ok.status, ok.text).toBe(201);
    expect(ok.body.skippedRequired).toEqual([{ id: step.id, text: 'Notify police' }]);
  });

  it('an amendment needs a reason and a reopening needs a reason', async () => {
    const { client } = await signedIn(['operator']);
    const o = await anOccurrence();
    const e = await occ.addEntry(deps, { actor: author.actor, occurrenceId: o.id, kind: 'observation', body: 'Red car' });
    const amend = await client.post(`/api/v1/occurrences/${o.id}/amendments`, { entryId: e.id, body: 'Blue car' });
    expectProblem(amend, 400, 'validation.failed');
    expect(paths(amend)).toEqual(['reason']);
    expect(paths(await client.post(`/api/v1/occurrences/${o.id}/amendments`, { entryId: e.id, body: 'Blue car', reason: '  ' }))).toEqual(['reason']);
    await occ.closeOccurrence(deps, { actor: author.actor, occurrenceId: o.id, outcome: 'no_trace' });
    const reopen = await client.post(`/api/v1/occurrences/${o.id}/reopen`, {});
    expectProblem(reopen, 400, 'validation.failed');
    expect(paths(reopen)).toEqual(['reason']);
    const view = await client.get(`/api/v1/occurrences/${o.id}`);
    expect(view.body.status).toBe('closed');
    expect(view.body.entries.map((x: { kind: string }) => x.kind)).toEqual(['opened', 'observation', 'closed']);
  });

  it('adding to a closed occurrence is a 409 that says so', async () => {
    const { client } = await signedIn(['operator']);
    const o = await anOccurrence();
    await occ.closeOccurrence(deps, { actor: author.actor, occurrenceId: o.id, outcome: 'no_trace' });
    expectProblem(await client.post(`/api/v1/occurrences/${o.id}/entries`, { body: 'Late entry' }), 409, 'occurrences.closed');
  });

  it('times in the future and unknown cameras name the field that was sent', async () => {
    const { client } = await signedIn(['operator']);
    const o = await anOccurrence();
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(paths(await client.post(`/api/v1/occurrences/${o.id}/notifications`, { agency: 'police', notifiedAt: future }))).toEqual(['notifiedAt']);
    expect(paths(await client.post(`/api/v1/occurrences/${o.id}/entries`, { body: 'x', observedAt: future }))).toEqual(['observedAt']);
    const from = new Date(Date.now() - 600_000).toISOString();
    const to = new Date(Date.now() - 60_000).toISOString();
    expect(paths(await client.post(`/api/v1/occurrences/${o.id}/footage`, { cameraId: randomUUID(), from, to }))).toEqual(['cameraId']);
    expect(paths(await client.post(`/api/v1/occurrences/${o.id}/footage`, { cameraId, from: to, to: from }))).toEqual(['to']);
  });
});

describe('personal data over the API', () => {
  it('every read writes an audit event, and the name stays out of the occurrence and the audit trail', async () => {
    const { client: writer } = await signedIn(['operator']);
    const { client: reader, user } = await signedIn(['enforcement_officer']);
    const o = await anOccurrence();
    const name = `Bartholomew ${uniq('Zed')}`;
    const recorded = await writer.post(`/api/v1/occurrences/${o.id}/personal-data`, { name, details: 'Lives locally' });
    expect(recorded.status, recorded.text).toBe(201);
    expect(paths(await writer.post(`/api/v1/occurrences/${o.id}/personal-data`, {}))).toEqual(['name']);

    const view = await reader.get(`/api/v1/occurrences/${o.id}`);
    expect(view.body.personalDataCount).toBe(1);
    expect(view.text).not.toContain(name);

    const viewed = async () => (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('record_id', '=', o.id).where('action', '=', 'occurrence.personal-data-viewed').execute();
    expect(await viewed()).toHaveLength(0);
    for (let i = 1; i <= 2; i++) {
      const r = await reader.get(`/api/v1/occurrences/${o.id}/personal-data`);
      expect(r.status).toBe(200);
      expect(r.body.items).toEqual([expect.objectContaining({ id: recorded.body.id, name, details: 'Lives locally' })]);
      const events = await viewed();
      expect(events).toHaveLength(i);
      expect(events[i - 1]).toMatchObject({ actor_id: user.id, actor_username: user.username });
    }
    const leaked = await (await sealed(deps.db)).selectFrom('audit_events').select('id').where((eb) => eb(eb.cast('details', 'text'), 'ilike', `%${name.split(' ')[1]}%`)).execute();
    expect(leaked).toEqual([]);
  });

  it('a refused read writes no audit event', async () => {
    const { client } = await signedIn(['patrol_officer']);
    const o = await anOccurrence();
    expectProblem(await client.get(`/api/v1/occurrences/${o.id}/personal-data`), 403);
    const events = await (await sealed(deps.db)).selectFrom('audit_events').select('id').where('record_id', '=', o.id).where('action', '=', 'occurrence.personal-data-viewed').execute();
    expect(events).toEqual([]);
  });
});

describe('personal data review', () => {
  const DAY = 86_400_000;
  /** An item recorded `daysAgo` and flagged by retention (set directly: retention itself acts on the whole database). */
  async function flaggedItem({ daysAgo = 40, held = false } = {}) {
    const o = await anOccurrence('Shoplifter detained by store staff');
    const name = `Persephone ${uniq('Quill')}`;
    const item = await occ.recordPersonalData(deps, { actor: author.actor, occurrenceId: o.id, name, details: 'Address given to police' });
    const recordedAt = new Date(Date.now() - daysAgo * DAY);
    await deps.db.updateTable('occurrence_personal_data').set({ recorded_at: recordedAt, flagged_for_review_at: new Date(Date.now() - DAY) }).where('id', '=', item.id).execute();
    if (held) await deps.db.insertInto('occurrence_holds').values({ occurrence_id: o.id, held_by: 'evidence', reference: uniq('EXH') }).execute();
    return { occurrence: o, id: item.id, name, recordedAt };
  }
  const removalEvents = async (occurrenceId: string) =>
    (await sealed(deps.db)).selectFrom('audit_events').selectAll().where('record_id', '=', occurrenceId).where('action', '=', 'occurrence.personal-data-removed').execute();

  it('lists flagged items for supervisors and administrators, with the removal date or "held", never the name', async () => {
    const plain = await flaggedItem();
    const held = await flaggedItem({ held: true });
    const { client: supervisor } = await signedIn(['supervisor']);
    const { client: admin } = await signedIn(['admin']);

    const list = await supervisor.get('/api/v1/occurrences/personal-data-review');
    expect(list.status, list.text).toBe(200);
    expect(list.body).toMatchObject({ reviewDays: 31, removalDays: 365 });
    expect(list.body.items.find((i: { id: string }) => i.id === plain.id)).toEqual({
      id: plain.id, occurrence: { id: plain.occurrence.id, reference: plain.occurrence.reference }, recordedAt: plain.recordedAt.toISOString(),
      flaggedAt: expect.any(String), held: false, removalDueAt: new Date(plain.recordedAt.getTime() + 365 * DAY).toISOString(),
    });
    expect(list.body.items.find((i: { id: string }) => i.id === held.id)).toMatchObject({ held: true, removalDueAt: null });
    expect(list.text).not.toContain(plain.name.split(' ')[1]);
    expect(list.text).not.toContain('Address given');
    expect((await admin.get('/api/v1/occurrences/personal-data-review')).body.items.map((i: { id: string }) => i.id)).toEqual(expect.arrayContaining([plain.id, held.id]));
    for (const role of ['operator', 'enforcement_officer', 'auditor'] as const) {
      expectProblem(await (await signedIn([role])).client.get('/api/v1/occurrences/personal-data-review'), 403);
    }

    // The occurrence says that its personal data is up for review.
    const view = await supervisor.get(`/api/v1/occurrences/${plain.occurrence.id}`);
    expect(view.body.personalDataFlagged).toEqual({ count: 1, since: expect.any(String) });
  });

  it('removes an item now with a reason, in the timeline and the audit trail; refuses a held one, a missing reason and other roles', async () => {
    const item = await flaggedItem();
    const held = await flaggedItem({ held: true });
    const { client: supervisor } = await signedIn(['supervisor']);
    const { client: admin, user: adminUser } = await signedIn(['admin']);
    const { client: operator } = await signedIn(['operator']);
    const url = (i: { occurrence: { id: string }; id: string }) => `/api/v1/occurrences/${i.occurrence.id}/personal-data/${i.id}/remove`;

    expectProblem(await supervisor.post(url(item), {}), 400, 'validation.failed');
    expect(paths(await supervisor.post(url(item), {}))).toEqual(['reason']);
    expect(paths(await supervisor.post(url(item), { reason: '  ab ' }))).toEqual(['reason']);
    expectProblem(await operator.post(url(item), { reason: 'Not needed any more' }), 403);
    expectProblem(await supervisor.post(`/api/v1/occurrences/${held.occurrence.id}/personal-data/${item.id}/remove`, { reason: 'Not needed any more' }), 404);

    const refused = await supervisor.post(url(held), { reason: 'Not needed any more' });
    expectProblem(refused, 409, 'occurrences.personal_data_held');
    expect(refused.body.detail).toContain(held.occurrence.reference);
    expect((await deps.db.selectFrom('occurrence_personal_data').select('name').where('id', '=', held.id).executeTakeFirstOrThrow()).name).toBe(held.name);
    expect(await removalEvents(held.occurrence.id)).toEqual([]);

    const removed = await admin.post(url(item), { reason: 'Reviewed: the matter is closed' });
    expect(removed.status, removed.text).toBe(200);
    expect(removed.body.reference).toBe(item.occurrence.reference);
    const row = await deps.db.selectFrom('occurrence_personal_data').selectAll().where('id', '=', item.id).executeTakeFirstOrThrow();
    expect([row.name, row.details, row.removal_reason, row.removed_at]).toEqual([null, null, 'Reviewed: the matter is closed', expect.any(Date)]);
    const view = await supervisor.get(`/api/v1/occurrences/${item.occurrence.id}`);
    expect(view.body.entries.at(-1)).toMatchObject({ kind: 'personal_data_removed', author: 'Test admin' });
    expect(view.body.entries.at(-1).body).toMatch(/^Personal data recorded on \d{1,2} \w+ \d{4} removed on review\.$/);
    const events = await removalEvents(item.occurrence.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actor_id: adminUser.id, details: { reference: item.occurrence.reference, personalDataId: item.id, onReview: true } });
    expect(JSON.stringify(events)).not.toContain(item.name.split(' ')[1]);

    expect((await supervisor.get('/api/v1/occurrences/personal-data-review')).body.items.map((i: { id: string }) => i.id)).not.toContain(item.id);
    expectProblem(await supervisor.post(url(item), { reason: 'Again' }), 409, 'occurrences.personal_data_already_removed');
    expect(await removalEvents(item.occurrence.id)).toHaveLength(1);
  });
});

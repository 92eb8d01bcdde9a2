import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedInAs, testApp, type ApiClient } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { formatPcnNumber } from '../../../../domain/references/pcn';
import { issuePcnFromHandheld } from '../../enforcement';
import { pcnPayload } from '../../enforcement/pcns/pcns.walk';
import { aPhoto, actorOf, jpegBytes, patrolStart, record } from './handheld.fixtures';

// The handheld through the API: devices (idempotent registration, blocks that never overlap, the
// key to its own officer only, the team leader's view), photos by id, and the sync (each id once
// across retries, a changed payload refused, a bad record rejected alone, PCN numbers from the
// device's own block, patrols as lone-working sessions).

const deps = testDeps();
const { app } = testApp(deps);

async function officer(org: string, roles: ('patrol_officer' | 'patrol_leader')[] = ['patrol_officer']) {
  const s = await signedInAs(deps, app, roles, org);
  const id = randomUUID();
  const reg = await s.client.post('/api/v1/field/devices', { id, name: 'Pixel 7' });
  expect(reg.status).toBe(200);
  return { ...s, deviceId: id, reg: reg.body };
}
const send = (client: ApiClient, deviceId: string, records: unknown[], queued = 0) => client.post('/api/v1/field/sync', { deviceId, records, queued });
const setTeam = async (userIds: string[], teamId: string) => deps.db.updateTable('users').set({ team_id: teamId }).where('id', 'in', userIds).execute();

describe('handheld devices', () => {
  it('registers once per officer and id; another officer\'s id is refused; blocks never overlap; the key is the owner\'s alone', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const b = await officer(org);
    expect(a.reg).toMatchObject({ device: { id: a.deviceId, name: 'Pixel 7' }, block: { prefix: expect.stringMatching(/^[A-Z]{2,3}$/) } });
    expect(Buffer.from(a.reg.dataKey, 'base64')).toHaveLength(32);
    const again = await a.client.post('/api/v1/field/devices', { id: a.deviceId, name: 'Pixel 7' });
    expect(again.body).toEqual(a.reg);
    expect((await b.client.post('/api/v1/field/devices', { id: a.deviceId, name: 'Mine now' })).status).toBe(409);

    const more = await a.client.post(`/api/v1/field/devices/${a.deviceId}/blocks`, {});
    expect(more.status).toBe(201);
    const blocks = [a.reg.block, b.reg.block, more.body];
    for (const [i, x] of blocks.entries()) for (const y of blocks.slice(i + 1)) {
      if (x.prefix === y.prefix) expect(x.lastSerial < y.firstSerial || y.lastSerial < x.firstSerial, `${JSON.stringify(x)} ${JSON.stringify(y)}`).toBe(true);
    }
    expect((await a.client.get(`/api/v1/field/devices/${a.deviceId}/key`)).body).toEqual({ dataKey: a.reg.dataKey });
    expect((await b.client.get(`/api/v1/field/devices/${a.deviceId}/key`)).status).toBe(404);
    expect((await b.client.post(`/api/v1/field/devices/${a.deviceId}/blocks`, {})).status).toBe(404);
  });

  it('an officer sees only their own device\'s queue; the team leader sees the team\'s', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const b = await officer(org);
    const lead = await officer(org, ['patrol_leader']);
    const team = await deps.db.insertInto('teams').values({ name: `Patrol team ${randomUUID().slice(0, 6)}` }).returning('id').executeTakeFirstOrThrow();
    await setTeam([a.user.id, lead.user.id], team.id);
    expect((await a.client.post(`/api/v1/field/devices/${a.deviceId}/status`, { queued: 7 })).status).toBe(204);
    expect((await b.client.post(`/api/v1/field/devices/${a.deviceId}/status`, { queued: 0 })).status).toBe(404);

    const mine = (await a.client.get('/api/v1/field/devices')).body.items;
    expect(mine.map((d: { id: string }) => d.id)).toEqual([a.deviceId]);
    expect(mine[0]).toMatchObject({ queued: 7, lastSeenAt: expect.any(String), serialsLeft: expect.any(Number) });
    expect((await b.client.get('/api/v1/field/devices')).body.items.map((d: { id: string }) => d.id)).toEqual([b.deviceId]);
    const seen = (await lead.client.get('/api/v1/field/devices')).body.items.map((d: { id: string }) => d.id);
    expect(seen.sort()).toEqual([a.deviceId, lead.deviceId].sort());
  });

  it('a photo is stored once by its id: 201 then 200 with the same SHA-256; not an image is refused', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const id = randomUUID();
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 200 }, (_, i) => i % 256)]);
    const put = () => app.request(`/api/v1/field/photos/${id}?deviceId=${a.deviceId}`, {
      method: 'PUT', body: jpeg, headers: { cookie: a.client.cookie!, 'x-csrf-token': a.client.csrf!, 'content-type': 'image/jpeg', 'x-forwarded-for': '203.0.113.77' },
    });
    const first = await put();
    expect(first.status).toBe(201);
    const body = await first.json();
    expect(body).toEqual({ id, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const second = await put();
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(body);
    expect(await deps.db.selectFrom('field_photos').select('id').where('id', '=', id).execute()).toHaveLength(1);
    expect((await a.client.request('PUT', `/api/v1/field/photos/${randomUUID()}?deviceId=${a.deviceId}`, 'text', { 'content-type': 'text/plain' })).status).toBe(415);
  });
});

describe('a device withdrawn by the team leader', () => {
  it('closes its blocks, refuses its key and any sync from it with what to do; what it synced before stays', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const lead = await officer(org, ['patrol_leader']);
    const otherLead = await officer(org, ['patrol_leader']);
    const team = await deps.db.insertInto('teams').values({ name: `Patrol team ${randomUUID().slice(0, 6)}` }).returning('id').executeTakeFirstOrThrow();
    await setTeam([a.user.id, lead.user.id], team.id);
    const start = patrolStart(new Date());
    expect((await send(a.client, a.deviceId, [start])).body.results[0].outcome).toBe('accepted');
    const path = `/api/v1/field/devices/${a.deviceId}/withdrawal`;

    expect((await lead.client.post(path, { note: 'Gone' })).body).toMatchObject({ status: 400, errors: [{ path: 'reason', message: expect.stringMatching(/lost, stolen or retired/) }] });
    expect((await a.client.post(path, { reason: 'lost' })).status).toBe(403);
    expect((await otherLead.client.post(path, { reason: 'lost' })).status).toBe(404);
    const out = await lead.client.post(path, { reason: 'stolen', note: 'Taken from the van, crime ref 22/1234' });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({
      id: a.deviceId, revoked: true, serialsLeft: 0, blocks: [{ closedAt: expect.any(String) }],
      withdrawal: { by: { id: lead.user.id }, reason: 'stolen', reasonLabel: 'Stolen', note: 'Taken from the van, crime ref 22/1234', at: expect.any(String) },
    });
    expect((await lead.client.post(path, { reason: 'lost' })).body).toMatchObject({ status: 409, code: 'field.device_already_withdrawn' });

    const refused = await send(a.client, a.deviceId, [patrolStart(new Date())]);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'field.device_revoked', detail: expect.stringMatching(/withdrawn \(stolen\).*Hand it in to your team leader/) });
    expect((await send(a.client, a.deviceId, [start])).status).toBe(409);
    expect((await a.client.get(`/api/v1/field/devices/${a.deviceId}/key`)).body).toMatchObject({ status: 409, code: 'field.device_revoked' });
    expect((await a.client.post(`/api/v1/field/devices/${a.deviceId}/blocks`, {})).status).toBe(409);
    expect((await a.client.post('/api/v1/field/devices', { id: a.deviceId, name: 'Pixel 7' })).status).toBe(409);

    expect(await deps.db.selectFrom('patrols').select('id').where('id', '=', start.payload.patrolId as string).execute()).toHaveLength(1);
    expect(await deps.db.selectFrom('field_sync_records').select('outcome').where('id', '=', start.id).execute()).toEqual([{ outcome: 'accepted' }]);
    const seen = (await lead.client.get('/api/v1/field/devices')).body.items.find((d: { id: string }) => d.id === a.deviceId);
    expect(seen).toMatchObject({ revoked: true, withdrawal: { reason: 'stolen' } });
    const audit = await deps.db.selectFrom('audit_pending').select(['actor_id', 'details']).where('record_id', '=', a.deviceId).where('action', '=', 'field.device.withdrawn').execute();
    expect(audit).toEqual([{ actor_id: lead.user.id, details: expect.objectContaining({ reason: 'stolen', serialsClosed: a.reg.block.lastSerial - a.reg.block.firstSerial + 1 }) }]);
  });
});

describe('a photo, back down', () => {
  it('streams to the officer who took it and their team leader; once on a PCN, to whoever reads notices; to anyone else it does not exist', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const b = await officer(org);
    const lead = await officer(org, ['patrol_leader']);
    const otherLead = await officer(org, ['patrol_leader']);
    const team = await deps.db.insertInto('teams').values({ name: `Patrol team ${randomUUID().slice(0, 6)}` }).returning('id').executeTakeFirstOrThrow();
    await setTeam([a.user.id, lead.user.id], team.id);
    const processor = (await signedInAs(deps, app, ['enforcement_officer'], org)).client;
    const operator = (await signedInAs(deps, app, ['operator'], org)).client;
    const bytes = jpegBytes();
    const photoId = await aPhoto(deps, actorOf(a.user), a.deviceId, bytes);
    const get = async (client: ApiClient, id = photoId) => {
      const res = await app.request(`/api/v1/field/photos/${id}`, { headers: { cookie: client.cookie!, 'x-forwarded-for': '203.0.113.78' } });
      return { status: res.status, type: res.headers.get('content-type'), bytes: new Uint8Array(await res.arrayBuffer()) };
    };

    const mine = await get(a.client);
    expect(mine).toMatchObject({ status: 200, type: 'image/jpeg' });
    expect(Buffer.from(mine.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await get(lead.client)).status).toBe(200);
    expect((await get(b.client)).status).toBe(404);
    expect((await get(otherLead.client)).status).toBe(404);
    expect((await get(processor)).status).toBe(404);
    expect((await get(operator)).status).toBe(403);
    expect((await get(a.client, randomUUID())).status).toBe(404);

    await issuePcnFromHandheld(deps, { actor: actorOf(a.user), deviceId: a.deviceId, payload: pcnPayload(new Date(), { photoIds: [photoId] }) });
    const onPcn = await get(processor);
    expect(onPcn.status).toBe(200);
    expect(Buffer.from(onPcn.bytes).equals(Buffer.from(bytes))).toBe(true);
    expect((await get(b.client)).status).toBe(200);
    expect((await get(operator)).status).toBe(403);
  });
});

describe('the sync', () => {
  it('accepts each id once across retries; the same id with a changed payload is refused', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const start = patrolStart(new Date());
    const patrolId = start.payload.patrolId as string;
    const trail = record('patrol.trail', { patrolId, points: [{ lat: 52.95, lon: -1.15, accuracyM: 8, at: new Date().toISOString() }] });
    const first = await send(a.client, a.deviceId, [start, trail], 0);
    expect(first.status).toBe(200);
    expect(first.body.results).toMatchObject([{ id: start.id, outcome: 'accepted', replayed: false, reference: expect.stringMatching(/^LW-/) }, { id: trail.id, outcome: 'accepted', replayed: false }]);
    // The reply was lost: the device sends the same again.
    const again = await send(a.client, a.deviceId, [start, trail], 0);
    expect(again.body.results).toEqual(first.body.results.map((r: object) => ({ ...r, replayed: true })));
    expect(await deps.db.selectFrom('patrols').select('id').where('id', '=', patrolId).execute()).toHaveLength(1);
    expect(await deps.db.selectFrom('lone_working_sessions').select('id').where('user_id', '=', a.user.id).execute()).toHaveLength(1);
    expect(await deps.db.selectFrom('patrol_trail_points').select('at').where('patrol_id', '=', patrolId).execute()).toHaveLength(1);

    const changed = { ...start, payload: { ...start.payload, beat: 'Somewhere else' } };
    const refused = await send(a.client, a.deviceId, [changed]);
    expect(refused.body.results[0]).toMatchObject({ outcome: 'rejected', problems: [{ path: 'id', message: expect.stringMatching(/used for another record/) }] });
    expect((await deps.db.selectFrom('patrols').select('beat').where('id', '=', patrolId).executeTakeFirstOrThrow()).beat).toBe('Market Square and High Street');
  });

  it('a record with bad input is rejected with what to fix and writes nothing of it; the others in the batch are accepted', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const good = patrolStart(new Date());
    const bad = patrolStart(new Date(), { beat: '', checkInMinutes: 1 });
    const note = record('patrol.note', { patrolId: good.payload.patrolId, at: new Date().toISOString(), text: 'Bins overflowing at the bus station', photoIds: [randomUUID()] });
    const after = record('patrol.note', { patrolId: good.payload.patrolId, at: new Date().toISOString(), text: 'All quiet on Mill Lane' });
    const r = await send(a.client, a.deviceId, [good, bad, note, after], 2);
    expect(r.body.results.map((x: { outcome: string }) => x.outcome)).toEqual(['accepted', 'rejected', 'rejected', 'accepted']);
    expect(r.body.results[1].problems.map((p: { path: string }) => p.path).sort()).toEqual(['beat', 'checkInMinutes']);
    expect(r.body.results[1].problems[0].message).toMatch(/^(Enter the beat|Check in at least)/);
    expect(r.body.results[2].problems).toEqual([{ path: 'photoIds.0', message: expect.stringMatching(/upload it/) }]);
    expect(await deps.db.selectFrom('patrols').select('id').where('id', '=', bad.payload.patrolId as string).execute()).toHaveLength(0);
    expect(await deps.db.selectFrom('patrol_notes').select('id').where('id', 'in', [note.id, after.id]).execute()).toEqual([{ id: after.id }]);
    // The rejection is kept: a retry answers the same.
    const retry = await send(a.client, a.deviceId, [bad]);
    expect(retry.body.results[0]).toMatchObject({ outcome: 'rejected', replayed: true, problems: r.body.results[1].problems });
    expect((await a.client.get('/api/v1/field/devices')).body.items[0]).toMatchObject({ queued: 0, lastSyncAt: expect.any(String) });
  });

  it('a PCN number outside the device\'s own block is refused; a notice whose handler fails is rejected alone and leaves nothing', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const b = await officer(org);
    const pcn = (number: string) => record('pcn.issue', {
      pcnId: randomUUID(), patrolId: null, number, enforcementAreaId: randomUUID(), contraventionCode: '01', observedFrom: new Date(Date.now() - 600_000).toISOString(),
      observedTo: new Date().toISOString(), issuedAt: new Date().toISOString(), vehicle: { vrm: 'AB12 CDE', make: 'Ford', model: 'Focus', colour: 'Blue' },
      point: { lat: 52.95, lon: -1.15, accuracyM: 5 }, street: 'High Street', served: 'affixed',
    });
    const others = formatPcnNumber(b.reg.block.prefix, b.reg.block.firstSerial);
    const own = formatPcnNumber(a.reg.block.prefix, a.reg.block.firstSerial);
    const start = patrolStart(new Date());
    const r = await send(a.client, a.deviceId, [pcn(others), pcn(`${own.slice(0, -1)}${own.endsWith('1') ? '2' : '1'}`), pcn(own), start]);
    expect(r.body.results[0]).toMatchObject({ outcome: 'rejected', problems: [{ path: 'number', message: expect.stringMatching(/not from this device/) }] });
    expect(r.body.results[1]).toMatchObject({ outcome: 'rejected', problems: [{ path: 'number', message: expect.stringMatching(/check character/) }] });
    // The number is this device's: what the enforcement module answers decides; whatever it is, the record stands alone.
    expect(['accepted', 'rejected']).toContain(r.body.results[2].outcome);
    if (r.body.results[2].outcome === 'rejected') {
      expect(await deps.db.selectFrom('pcn_numbers_used').select('number').where('number', '=', own).execute()).toHaveLength(0);
    }
    expect(r.body.results[3].outcome).toBe('accepted');
  });

  it('a patrol start opens a lone-working session for the officer; a check-in is the session\'s; the end ends it; the patrol reads back with its trail', async () => {
    const org = (await makeOrganisation(deps)).id;
    const a = await officer(org);
    const other = await officer(org);
    const now = new Date();
    const start = patrolStart(now);
    const patrolId = start.payload.patrolId as string;
    await send(a.client, a.deviceId, [start]);
    const patrol = await deps.db.selectFrom('patrols').selectAll().where('id', '=', patrolId).executeTakeFirstOrThrow();
    const session = await deps.db.selectFrom('lone_working_sessions').selectAll().where('id', '=', patrol.lone_working_session_id!).executeTakeFirstOrThrow();
    expect(session).toMatchObject({ user_id: a.user.id, status: 'active', location: 'Market Square and High Street', interval_minutes: 30 });

    const checkIn = record('patrol.check_in', { patrolId, at: new Date().toISOString(), point: { lat: 52.951, lon: -1.149, accuracyM: 10 } });
    const end = record('patrol.end', { patrolId, at: new Date(now.getTime() + 60_000).toISOString(), note: 'Back at the depot' });
    expect((await send(a.client, a.deviceId, [checkIn, end])).body.results.map((x: { outcome: string }) => x.outcome)).toEqual(['accepted', 'accepted']);
    const after = await deps.db.selectFrom('lone_working_sessions').selectAll().where('id', '=', session.id).executeTakeFirstOrThrow();
    expect(after.status).toBe('ended');
    expect(after.last_check_in_at).not.toBeNull();

    const read = await a.client.get(`/api/v1/field/patrols/${patrolId}`);
    expect(read.body).toMatchObject({ id: patrolId, running: false, endNote: 'Back at the depot', trail: [{ lat: 52.951 }], lastPoint: { lat: 52.951 } });
    expect((await other.client.get(`/api/v1/field/patrols/${patrolId}`)).status).toBe(404);
    expect((await other.client.get('/api/v1/field/patrols')).body.items).toEqual([]);
    const csv = await a.client.get('/api/v1/field/patrols.csv');
    expect(csv.text.split('\n')[0]).toContain('officer,beat,task');
    expect(csv.text).toContain('Market Square and High Street');
  });
});

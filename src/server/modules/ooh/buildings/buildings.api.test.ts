import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { sql } from 'kysely';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { testDeps, uniq } from '../../../../../test/support/deps';
import { ALARMS_CSV_HEADER } from './alarms.routes';
import { buildingsArea } from './buildings.area';

// Alarms, night patrols and out-of-hours access through the API, with the server's clock set.

let now = new Date('2026-03-10T22:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
const CHECKS = ['Rooms vacated', 'Windows and doors secured', 'Intruder alarm set'];
async function setUp() {
  const { client: manager } = await signedInAs(deps, app, ['supervisor']);
  const { client: officer } = await signedInAs(deps, app, ['ooh_officer']);
  const b = await manager.post('/api/v1/ooh/buildings', { name: uniq('Civic Centre'), address: 'Market Square', checklist: CHECKS });
  expect(b.status).toBe(201);
  return { manager, officer, building: b.body as { id: string; name: string } };
}
const countOf = async (table: string, buildingId: string) =>
  (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)} where building_id = ${buildingId}`.execute(deps.db)).rows[0]!.n;

describe('alarms', () => {
  it('take their steps in order; the reset closes the alarm and a second reset is refused', async () => {
    now = new Date('2026-03-10T22:00:00Z');
    const { officer, building } = await setUp();
    const made = await officer.post('/api/v1/ooh/alarms', { buildingId: building.id, kind: 'intruder', raisedAt: '2026-03-10T21:50:00Z', location: 'Rear door' });
    expect(made.body).toMatchObject({ closedAt: null, events: [] });
    const id = made.body.id;
    const step = (body: Record<string, unknown>) => officer.post(`/api/v1/ooh/alarms/${id}/events`, body);
    expect((await step({ kind: 'keyholder_called', at: '2026-03-10T21:52:00Z', who: 'Dana Okafor' })).status).toBe(200);
    const early = await step({ kind: 'attended', at: '2026-03-10T21:51:00Z', who: 'Dana Okafor' });
    expect(early).toMatchObject({ status: 400, body: { errors: [{ path: 'at', message: expect.stringMatching(/order/) }] } });
    expect((await step({ kind: 'attended', at: '2026-03-10T21:58:00Z', who: '' })).body.errors).toEqual([{ path: 'who', message: 'Enter who attended' }]);
    await step({ kind: 'attended', at: '2026-03-10T21:58:00Z', who: 'Dana Okafor' });
    await step({ kind: 'cause', at: '2026-03-10T21:59:00Z', falseAlarm: true, note: 'Door not closed by the cleaners' });
    const reset = await step({ kind: 'reset', at: '2026-03-10T22:00:00Z' });
    expect(reset.body).toMatchObject({ closedAt: '2026-03-10T22:00:00.000Z', falseAlarm: true });
    expect(reset.body.events.map((e: { kind: string; seq: number }) => `${e.seq}:${e.kind}`)).toEqual(['1:keyholder_called', '2:attended', '3:cause', '4:reset']);
    expect((await step({ kind: 'reset', at: '2026-03-10T22:00:00Z' })).body.code).toBe('ooh.alarm_closed');
    expect((await step({ kind: 'note', at: '2026-03-10T22:00:00Z', note: 'More' })).status).toBe(409);
    await expect(sql`delete from ooh_alarm_events where alarm_id = ${id}`.execute(deps.db)).rejects.toThrow(/append-only/);

    const open = await officer.post('/api/v1/ooh/alarms', { buildingId: building.id, kind: 'fire', raisedAt: '2026-03-10T21:59:00Z' });
    const list = await officer.get(`/api/v1/ooh/alarms?buildingId=${building.id}&open=true`);
    expect(list.body.items.map((a: { id: string }) => a.id)).toEqual([open.body.id]);
    const csv = parse((await officer.get(`/api/v1/ooh/alarms.csv?buildingId=${building.id}&sort=raised_asc`)).text) as string[][];
    expect(csv[0]).toEqual(ALARMS_CSV_HEADER);
    expect(csv[1]![7]).toMatch(/Keyholder called \(Dana Okafor\).*Reset/);
    const shift = (await buildingsArea.shift!(deps.db, now))[0]!;
    expect(shift.items.find((i) => i.href === `/ooh/alarms/${open.body.id}`)).toMatchObject({ urgent: true });
    expect(shift.items.find((i) => i.href === `/ooh/alarms/${id}`)).toBeUndefined();
  });

  it('refuses an alarm at a building that does not exist, writing nothing', async () => {
    const { officer } = await setUp();
    const bad = await officer.post('/api/v1/ooh/alarms', { buildingId: '00000000-0000-4000-8000-000000000000', kind: 'fire', raisedAt: '2026-03-10T21:59:00Z' });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ path: 'buildingId' }] } });
  });
});

describe('night patrols', () => {
  it('tick the building’s own checks, complete only when every check is ticked or a problem noted, and never change after', async () => {
    now = new Date('2026-03-10T22:00:00Z');
    const { officer, building } = await setUp();
    const p = (await officer.post('/api/v1/ooh/patrols', { buildingId: building.id })).body;
    expect(p.checklist).toEqual(CHECKS);
    const ok = (item: string) => ({ item, outcome: 'ok' });
    const wrong = await officer.request('PUT', `/api/v1/ooh/patrols/${p.id}`, { checks: [ok('Lights off')] });
    expect(wrong.body.errors).toEqual([{ path: 'checks.0.item', message: '“Lights off” is not on this building’s checklist' }]);
    const saved = await officer.request('PUT', `/api/v1/ooh/patrols/${p.id}`, { checks: [ok('Rooms vacated')], lateWorkers: [{ name: 'Hannah Patel', department: 'Finance', location: '2nd floor', expectedLeaving: '22:30' }] });
    expect(saved.body).toMatchObject({ completedAt: null, lateWorkers: [{ name: 'Hannah Patel' }] });
    const early = await officer.post(`/api/v1/ooh/patrols/${p.id}/completion`, { checks: [ok('Rooms vacated'), ok('Windows and doors secured')] });
    expect(early.body.errors[0]).toMatchObject({ path: 'checks', message: expect.stringMatching(/Intruder alarm set$/) });
    const noNote = await officer.post(`/api/v1/ooh/patrols/${p.id}/completion`, { checks: [ok('Rooms vacated'), ok('Windows and doors secured'), { item: 'Intruder alarm set', outcome: 'problem' }] });
    expect(noNote.body.errors).toEqual([{ path: 'checks.2.note', message: 'Describe the problem found: Intruder alarm set' }]);
    expect((await officer.get(`/api/v1/ooh/patrols/${p.id}`)).body).toMatchObject({ completedAt: null, checks: [{ item: 'Rooms vacated' }] });

    const done = await officer.post(`/api/v1/ooh/patrols/${p.id}/completion`, {
      checks: [ok('Rooms vacated'), ok('Windows and doors secured'), { item: 'Intruder alarm set', outcome: 'problem', note: 'Zone 3 would not set: engineer called' }],
      lateWorkers: [{ name: 'Hannah Patel', department: 'Finance' }],
    });
    expect(done.body).toMatchObject({ completedAt: '2026-03-10T22:00:00.000Z', problems: 1 });
    expect((await officer.request('PUT', `/api/v1/ooh/patrols/${p.id}`, { checks: [] })).body.code).toBe('ooh.patrol_completed');
    await expect(sql`update ooh_patrols set notes = 'x' where id = ${p.id}`.execute(deps.db)).rejects.toThrow(/append-only/);
    expect((await officer.get(`/api/v1/ooh/patrols?buildingId=${building.id}&problems=true`)).body.total).toBe(1);
    expect((await officer.get(`/api/v1/ooh/patrols.csv?buildingId=${building.id}`)).text).toMatch(/Zone 3 would not set/);
  });
});

describe('out-of-hours access', () => {
  it('lets in only those on the list today, or on a named manager’s authority; refuses with a reason', async () => {
    now = new Date('2026-03-10T22:00:00Z');
    const { manager, officer, building } = await setUp();
    const entry = await manager.post(`/api/v1/ooh/buildings/${building.id}/access-list`, { name: 'Siobhán O’Brien', organisation: 'Facilities', validFrom: '2026-03-01', validTo: '2026-03-10', idCheck: 'Council ID card' });
    expect(entry.status).toBe(201);
    expect((await officer.get(`/api/v1/ooh/access-check?buildingId=${building.id}&name=siobhan%20obrien`)).body.match.id).toBe(entry.body.id);
    const visit = { buildingId: building.id, visitorName: "Siobhan O'Brien", idType: 'Council ID card', idLast4: '4821', decision: 'let_in' };
    const inn = await officer.post('/api/v1/ooh/access-requests', visit);
    expect(inn.body).toMatchObject({ decision: 'let_in', listEntry: { id: entry.body.id } });
    expect((await officer.post(`/api/v1/ooh/access-requests/${inn.body.id}/departure`, { at: '2026-03-10T21:00:00Z' })).body.errors[0].path).toBe('at');
    expect((await officer.post(`/api/v1/ooh/access-requests/${inn.body.id}/departure`, { at: '2026-03-10T22:00:00Z' })).body.timeOut).toBe('2026-03-10T22:00:00.000Z');

    const before = await countOf('ooh_access_requests', building.id);
    now = new Date('2026-03-11T00:30:00Z'); // the day after the entry's last day
    const { client: late } = await signedInAs(deps, app, ['ooh_officer']);
    const notListed = await late.post('/api/v1/ooh/access-requests', visit);
    expect(notListed).toMatchObject({ status: 400, body: { errors: [{ path: 'authorisedBy', message: expect.stringMatching(/not on this building’s access list/) }] } });
    expect(await countOf('ooh_access_requests', building.id)).toBe(before);
    const authorised = await late.post('/api/v1/ooh/access-requests', { ...visit, authorisedBy: 'Dana Okafor, duty manager' });
    expect(authorised.body).toMatchObject({ listEntry: null, authorisedBy: 'Dana Okafor, duty manager' });
    expect((await late.post('/api/v1/ooh/access-requests', { ...visit, decision: 'refused' })).body.errors).toEqual([{ path: 'reason', message: 'Enter why the visitor was refused' }]);
    const refused = await late.post('/api/v1/ooh/access-requests', { ...visit, visitorName: 'Jordan Fox', decision: 'refused', reason: 'Not on the list' });
    expect(refused.body.decision).toBe('refused');
    expect((await late.post(`/api/v1/ooh/access-requests/${refused.body.id}/departure`, { at: '2026-03-11T00:30:00Z' })).body.code).toBe('ooh.access_refused');
    expect((await late.get(`/api/v1/ooh/access-requests?buildingId=${building.id}`)).body.total).toBe(before + 2);
  });
});

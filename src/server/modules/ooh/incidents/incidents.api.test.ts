import { describe, expect, it } from 'vitest';
import { PDFParse } from 'pdf-parse';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, makeUser, testDeps } from '../../../../../test/support/deps';
import { declareInput, methaneInput } from './incidents.walk';
import { incidentsArea } from './incidents.area';

// Major incidents through the API: declared with a full M/ETHANE message, updated (a new version and
// what changed), the timeline and decision log with corrections and revisions pointing at the old,
// actions, a handover acknowledged by the receiver only, closed (then read-only), the PDF.

let now = new Date('2026-03-02T21:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
const at = (iso: string) => { now = new Date(iso); };
const council = async () => (await makeOrganisation(deps)).id;
const officer = async (role: 'ooh_officer' | 'supervisor' = 'ooh_officer') => signedInAs(deps, app, [role], await council());

describe('a major incident', () => {
  it('is declared, updated, logged, handed over and stood down, and read-only after', async () => {
    at('2026-03-02T21:00:00Z');
    const { client: lisa } = await officer();
    const { client: dave, user: daveUser } = await officer('supervisor');
    const made = await lisa.post('/api/v1/ooh/incidents', declareInput());
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ reference: expect.stringMatching(/^MI-2026-\d{3}$/), open: true, exercise: false, status: 'declared', versions: 1 });
    expect(made.body.methane[0]).toMatchObject({ version: 1, changes: [], summary: 'Major incident declared: Building collapse, Market Street, Outside the Corn Exchange; 3 (estimated) casualties' });
    const id = made.body.id;
    const url = `/api/v1/ooh/incidents/${id}`;

    at('2026-03-02T21:10:00Z');
    const fio = await lisa.post(`${url}/timeline`, { source: 'fio', sourceName: 'FIO Martin Okafor', content: 'Cordon 50 m; six flats evacuated', receivedAt: '2026-03-02T21:08:00Z' });
    expect(fio.body.timeline).toEqual([expect.objectContaining({ seq: 1, source: 'fio', receivedAt: '2026-03-02T21:08:00.000Z', recordedAt: '2026-03-02T21:10:00.000Z', correctsSeq: null })]);
    const fixed = await lisa.post(`${url}/timeline`, { source: 'fio', sourceName: 'FIO Martin Okafor', content: 'Correction: eight flats evacuated', correctsSeq: 1 });
    expect(fixed.body.timeline.map((t: { seq: number; correctsSeq: number | null; correctedBySeq: number | null }) => [t.seq, t.correctsSeq, t.correctedBySeq])).toEqual([[1, null, 2], [2, 1, null]]);
    expect((await lisa.post(`${url}/timeline`, { source: 'fio', content: 'Wrong one', correctsSeq: 9 })).body.errors).toEqual([expect.objectContaining({ path: 'correctsSeq' })]);
    expect((await lisa.post(`${url}/timeline`, { source: 'public', content: 'From the future', receivedAt: '2026-03-02T22:00:00Z' })).body.errors).toEqual([{ path: 'receivedAt', message: 'The time it was received cannot be in the future' }]);

    const decided = await lisa.post(`${url}/decisions`, { decision: 'Open the Civic Centre rest centre', rationale: 'Eight flats evacuated on a cold night', decidedByName: 'Lisa Brennan', decidedByRole: 'OOH officer', options: 'Leisure centre' });
    expect(decided.body.decisions[0]).toMatchObject({ seq: 1, rationale: 'Eight flats evacuated on a cold night', decidedAt: '2026-03-02T21:10:00.000Z' });
    const revised = await lisa.post(`${url}/decisions`, { decision: 'Use the leisure centre instead', rationale: 'Civic Centre heating has failed', decidedByName: 'Lisa Brennan', revisesSeq: 1 });
    expect(revised.body.decisions.map((d: { revisesSeq: number | null; revisedBySeq: number | null }) => [d.revisesSeq, d.revisedBySeq])).toEqual([[null, 2], [1, null]]);
    expect((await lisa.post(`${url}/decisions`, { decision: 'x', rationale: '', decidedByName: '' })).body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['decidedByName', 'decision', 'rationale']);

    at('2026-03-02T21:20:00Z');
    const sent = await lisa.post(`${url}/methane`, { basedOn: 1, message: methaneInput({ casualties: { number: 5, details: '5 walking wounded', estimated: false } }) });
    expect(sent.body).toMatchObject({ versions: 2, summary: expect.stringMatching(/5 casualties$/) });
    expect(sent.body.methane[1].changes).toEqual([
      { key: 'casualties', label: 'Number of casualties', from: '3 (estimated)', to: '5' },
      { key: 'casualties.details', label: 'Casualties: type and severity', from: '3 walking wounded, minor injuries', to: '5 walking wounded' },
    ]);
    expect(sent.body.methane[0].message.casualties.number).toBe(3);
    const stale = await lisa.post(`${url}/methane`, { basedOn: 1, message: methaneInput() });
    expect(stale).toMatchObject({ status: 409, body: { code: 'ooh.methane_changed' } });
    const missing = await lisa.post(`${url}/methane`, { message: { ...methaneInput(), access: { routesIn: '', routesOut: '', rendezvousPoint: '', areasToAvoid: '' } } });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path)).toEqual(['message.access.routesIn', 'message.access.routesOut', 'message.access.rendezvousPoint', 'message.access.areasToAvoid']);

    const action = await lisa.post(`${url}/actions`, { action: 'Divert buses 4 and 12', ownerName: 'Network controller', ownerOrganisation: 'Bus operator', dueAt: '2026-03-02T21:40:00Z' });
    expect(action.body.actions[0]).toMatchObject({ seq: 1, status: 'open', updates: [] });
    const done = await lisa.post(`${url}/actions/1/updates`, { status: 'done', note: 'Diverted' });
    expect(done.body.actions[0]).toMatchObject({ status: 'done', updates: [{ status: 'done', note: 'Diverted' }] });
    expect((await lisa.post(`${url}/actions/7/updates`, { status: 'done' })).status).toBe(404);

    const handed = await lisa.post(`${url}/handovers`, { toUserId: daveUser.id, summary: 'Cordon holds; rest centre open', outstanding: 'Gas engineer due' });
    expect(handed.body.handovers[0]).toMatchObject({ seq: 1, to: { id: daveUser.id }, acknowledgedAt: null });
    expect((await lisa.post(`${url}/handovers/1/acknowledgement`, {})).body.code).toBe('ooh.not_the_receiver');
    const acked = await dave.post(`${url}/handovers/1/acknowledgement`, {});
    expect(acked.body.handovers[0]).toMatchObject({ acknowledgedAt: '2026-03-02T21:20:00.000Z' });
    const auditor = await makeUser(deps, { roles: ['auditor'] });
    expect((await lisa.post(`${url}/handovers`, { toUserId: auditor.id, summary: 'To an auditor' })).body.errors).toEqual([expect.objectContaining({ path: 'toUserId' })]);

    at('2026-03-02T21:30:00Z');
    expect((await dave.post(`${url}/closure`, { note: 'Stood down', closedAt: '2026-03-02T20:00:00Z' })).body.errors).toEqual([{ path: 'closedAt', message: 'The time it was stood down cannot be before the incident was declared' }]);
    const closed = await dave.post(`${url}/closure`, { note: 'Gas network confirms the street safe', closedAt: '2026-03-02T21:25:00Z' });
    expect(closed.body).toMatchObject({ open: false, closedAt: '2026-03-02T21:25:00.000Z', closingNote: 'Gas network confirms the street safe' });
    for (const [path, body] of [['timeline', { source: 'public', content: 'Late call' }], ['decisions', { decision: 'Reopen', rationale: 'Because', decidedByName: 'Dave' }], ['methane', { message: methaneInput() }], ['closure', { note: 'Again' }], ['actions/1/updates', { status: 'open' }]] as const) {
      const r = await dave.post(`${url}/${path}`, body);
      expect(r).toMatchObject({ status: 409, body: { code: 'ooh.incident_closed', detail: expect.stringMatching(/read-only/) } });
    }
    const after = (await lisa.get(url)).body;
    expect([after.timeline.length, after.decisions.length, after.versions]).toEqual([2, 2, 2]);
  });

  it('takes no reference and writes nothing when its message is refused; references run gap-free in the year', async () => {
    at('2020-06-01T10:00:00Z');
    const { client } = await officer();
    const first = (await client.post('/api/v1/ooh/incidents', declareInput())).body.reference;
    const refused = await client.post('/api/v1/ooh/incidents', declareInput({ message: methaneInput({ casualties: { number: null, details: '', estimated: false } }) }));
    expect(refused).toMatchObject({ status: 400, body: { errors: [{ path: 'message.casualties.number', message: expect.stringMatching(/number of casualties/) }] } });
    // Below the threshold (ETHANE) the rest follows as it becomes known.
    const ethane = await client.post('/api/v1/ooh/incidents', { title: 'Flooding, River Lane', message: { status: 'not_declared', type: 'flooding', location: { street: 'River Lane' }, hazards: {}, access: {}, casualties: {} } });
    expect(ethane).toMatchObject({ status: 201, body: { status: 'not_declared' } });
    expect([first, ethane.body.reference]).toEqual(['MI-2020-001', 'MI-2020-002']);
  });

  it('shows open incidents in the shift, urgent unless an exercise, and exports the PDF with every part', async () => {
    at('2026-03-05T19:00:00Z');
    const { client } = await officer();
    const real = (await client.post('/api/v1/ooh/incidents', declareInput({ title: 'Real collapse' }))).body;
    const exercise = (await client.post('/api/v1/ooh/incidents', declareInput({ title: 'Exercise Lantern', exercise: true }))).body;
    const items = (await incidentsArea.shift!(deps.db, now))[0]!.items;
    expect(items.find((i) => i.href === `/ooh/incidents/${real.id}`)).toMatchObject({ urgent: true, detail: expect.stringMatching(/^Major incident declared/) });
    expect(items.find((i) => i.href === `/ooh/incidents/${exercise.id}`)).toMatchObject({ urgent: false, text: expect.stringMatching(/EXERCISE EXERCISE EXERCISE/) });
    expect((await client.get('/api/v1/ooh/shift')).body.sections.map((s: { key: string }) => s.key)).toContain('ooh-incidents');

    const url = `/api/v1/ooh/incidents/${exercise.id}`;
    await client.post(`${url}/timeline`, { source: 'fio', sourceName: 'FIO Okafor', content: 'Cordon set at Bridge Street' });
    await client.post(`${url}/decisions`, { decision: 'Open the rest centre', rationale: 'Residents evacuated in the cold', decidedByName: 'Lisa Brennan' });
    await client.post(`${url}/actions`, { action: 'Divert buses', ownerName: 'Network controller', ownerOrganisation: 'Bus operator' });
    await client.post(`${url}/methane`, { message: methaneInput({ casualties: { number: 6, details: '6 minor', estimated: false } }) });
    const res = await app.request(`${url}/pdf`, { headers: { cookie: client.cookie!, 'x-forwarded-for': '10.9.9.9' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    const { text, pages } = await parser.getText();
    await parser.destroy();
    for (const [i, page] of pages.entries()) {
      expect(page.text).toContain(exercise.reference);
      expect(page.text).toContain(`Page ${i + 1} of ${pages.length}`);
      expect(page.text).toContain('EXERCISE EXERCISE EXERCISE');
    }
    for (const s of ['Exercise Lantern', 'Version 1', 'Version 2', 'Cordon set at Bridge Street', 'Open the rest centre', 'Residents evacuated in the cold', 'Divert buses', 'Network controller', 'Number of casualties: was 3 (estimated), now 6', '05/03/2026, 19:00:00']) {
      expect(text).toContain(s);
    }
  });
});

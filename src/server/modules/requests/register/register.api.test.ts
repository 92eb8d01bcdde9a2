import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { REQUESTS_CSV_HEADER } from './register.routes';
import { requestInput } from './register.walk';

// The register through the API. The due dates were worked out by hand (see the notes): the server
// must give them at each step, with its clock set to the day of the step.

let now = new Date('2026-03-02T12:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
const at = (iso: string) => { now = new Date(iso); };
/** Days pass between steps: each step is taken by an officer who signed in that day. */
const officerOn = async (iso: string) => { at(iso); return (await signedInAs(deps, app, ['enforcement_officer'], (await makeOrganisation(deps)).id)).client; };

describe('a subject access request', () => {
  it('is received, paused for identity, restarted and extended, its due date right at each step', async () => {
    let officer = await officerOn('2026-03-02T09:00:00Z');
    const made = await officer.post('/api/v1/requests', requestInput({ type: 'sar', receivedOn: '2026-03-02' }));
    expect(made.status).toBe(201);
    expect(made.body).toMatchObject({ reference: expect.stringMatching(/^REQ-2026-\d{6}$/), status: 'received', clock: { state: 'running', due: '2026-04-02', daysLeft: 31, unit: 'calendar days' } });
    const id = made.body.id;

    officer = await officerOn('2026-03-10T10:00:00Z');
    const stopped = await officer.post(`/api/v1/requests/${id}/clock-stops`, { reason: 'identity', note: 'Asked for a copy of photo ID' });
    expect(stopped.body).toMatchObject({ status: 'awaiting_identity', clock: { state: 'paused', due: null, label: 'Clock stopped' }, canStopClock: [], nextStatuses: [] });
    expect((await officer.post(`/api/v1/requests/${id}/status`, { status: 'searching' })).status).toBe(409);

    officer = await officerOn('2026-03-20T10:00:00Z');
    // 2 Apr + 10 days stopped (10th to 19th) = Sun 12 Apr: Mon 13 Apr.
    const restarted = await officer.post(`/api/v1/requests/${id}/clock-restarts`, { note: 'Passport copy arrived' });
    expect(restarted.body).toMatchObject({ status: 'received', clock: { state: 'running', due: '2026-04-13' }, pauses: [{ reason: 'identity', from: '2026-03-10', to: '2026-03-20' }] });
    expect(restarted.body.extensionNoticeBy).toBe('2026-04-13');

    // Three months from 2 Mar = 2 Jun + 10 = Fri 12 Jun.
    const extended = await officer.post(`/api/v1/requests/${id}/extension`, { reason: 'Six cameras and many hours of footage to review', notifiedOn: '2026-03-20' });
    expect(extended.body).toMatchObject({ extended: true, clock: { due: '2026-06-12' }, canExtend: false });
    expect(extended.body.clockSteps.join('\n')).toMatch(/10 days added/);
    expect(extended.body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'clock-stopped', 'clock-restarted', 'extended']);

    const responded = await officer.post(`/api/v1/requests/${id}/status`, { status: 'responded', note: 'Stills and redacted copy sent' });
    expect(responded.body).toMatchObject({ status: 'responded', clock: { state: 'closed', due: '2026-06-12' }, outcome: 'responded', nextStatuses: [] });
  });

  it('refuses an extension told after the first month, and a clock stopped before receipt', async () => {
    at('2026-03-20T10:00:00Z');
    const { client: officer } = await signedInAs(deps, app, ['coordinator'], (await makeOrganisation(deps)).id);
    const made = await officer.post('/api/v1/requests', requestInput({ type: 'sar', receivedOn: '2026-01-05' }));
    const late = await officer.post(`/api/v1/requests/${made.body.id}/extension`, { reason: 'Six cameras and many hours of footage', notifiedOn: '2026-03-20' });
    expect(late).toMatchObject({ status: 409, body: { code: 'requests.extension_refused', detail: expect.stringMatching(/by 2026-02-05/) } });
    const early = await officer.post(`/api/v1/requests/${made.body.id}/clock-stops`, { reason: 'fee', on: '2026-01-01', note: 'Fee asked' });
    expect(early).toMatchObject({ status: 400, body: { errors: [{ path: 'on', message: expect.stringMatching(/before the request was received/) }] } });
    const future = await officer.post('/api/v1/requests', requestInput({ receivedOn: '2026-03-21' }));
    expect(future).toMatchObject({ status: 400, body: { errors: [{ path: 'receivedOn' }] } });
  });
});

describe('references', () => {
  it('run gap-free within the year the request was received in', async () => {
    at('2026-03-20T10:00:00Z');
    const { client: officer } = await signedInAs(deps, app, ['enforcement_officer'], (await makeOrganisation(deps)).id);
    const refs = [];
    for (const receivedOn of ['2019-06-03', '2019-06-04', '2019-12-31']) refs.push((await officer.post('/api/v1/requests', requestInput({ receivedOn }))).body.reference);
    expect(refs).toEqual(['REQ-2019-000001', 'REQ-2019-000002', 'REQ-2019-000003']);
    // A request refused at the edge takes no number.
    expect((await officer.post('/api/v1/requests', { ...requestInput({ receivedOn: '2019-07-01' }), summary: '' })).status).toBe(400);
    expect((await officer.post('/api/v1/requests', requestInput({ receivedOn: '2019-07-01' }))).body.reference).toBe('REQ-2019-000004');
  });
});

describe('partner agencies', () => {
  it('see and act on their own organisation’s requests only, and the council sees them all', async () => {
    at('2026-03-20T10:00:00Z');
    const police = (await makeOrganisation(deps, { external: true, kind: 'police' })).id;
    const insurer = (await makeOrganisation(deps, { external: true, kind: 'insurer' })).id;
    const { client: pc } = await signedInAs(deps, app, ['agency'], police);
    const { client: other } = await signedInAs(deps, app, ['agency'], insurer);
    const { client: officer } = await signedInAs(deps, app, ['enforcement_officer'], (await makeOrganisation(deps)).id);
    const authority = { crimeReference: 'CR/0451/26', exemption: 'DPA 2018 Sch 2 Pt 1 para 2', officerName: 'PC Sam Jones', officerRank: 'Constable', officerNumber: '4471' };
    const sent = await pc.post('/api/v1/partner/requests', { summary: 'Assault outside the Red Lion', place: 'Market Place', timeFrom: '2026-03-19T23:00:00Z', timeTo: '2026-03-20T00:30:00Z', authority });
    expect(sent).toMatchObject({ status: 201, body: { type: 'agency_footage', channel: 'portal', receivedOn: '2026-03-20', authority, organisation: { id: police } } });
    const id = sent.body.id;
    // 5 working days after Fri 20 Mar: 23, 24, 25, 26, 27 Mar.
    expect(sent.body.clock.due).toBe('2026-03-27');

    expect((await other.get(`/api/v1/partner/requests/${id}`)).status).toBe(404);
    expect((await other.post(`/api/v1/partner/requests/${id}/notes`, { note: 'Ours now' })).status).toBe(404);
    expect((await other.post(`/api/v1/partner/requests/${id}/withdrawal`, { note: 'Not needed' })).status).toBe(404);
    expect((await other.get('/api/v1/partner/requests')).body.items.map((r: { id: string }) => r.id)).not.toContain(id);
    expect((await other.get(`/api/v1/requests/${id}`)).status).toBe(404);

    expect((await pc.get('/api/v1/partner/requests')).body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect((await pc.post(`/api/v1/partner/requests/${id}/notes`, { note: 'Suspect wore a green jacket' })).status).toBe(200);
    expect((await officer.get(`/api/v1/requests/${id}`)).body.events.map((e: { kind: string }) => e.kind)).toEqual(['received', 'noted']);
    expect((await pc.post(`/api/v1/partner/requests/${id}/withdrawal`, { note: 'Charged on other evidence' })).body).toMatchObject({ status: 'withdrawn' });
  });

  it('must give their authority', async () => {
    const { client: pc } = await signedInAs(deps, app, ['agency'], (await makeOrganisation(deps, { external: true })).id);
    const r = await pc.post('/api/v1/partner/requests', { summary: 'Assault', place: 'Market Place', timeFrom: '2026-03-19T23:00:00Z', timeTo: '2026-03-20T00:30:00Z' });
    expect(r.status).toBe(400);
    expect(r.body.errors.map((e: { path: string }) => e.path)).toContain('authority');
  });
});

describe('the register', () => {
  it('filters by due date, lists the dashboard, and exports what it shows as CSV', async () => {
    at('2026-03-20T10:00:00Z');
    const { client: officer } = await signedInAs(deps, app, ['coordinator'], (await makeOrganisation(deps)).id);
    const overdue = (await officer.post('/api/v1/requests', requestInput({ type: 'foi', receivedOn: '2026-02-02', summary: 'Overdue FOI about camera costs' }))).body;
    const soon = (await officer.post('/api/v1/requests', requestInput({ type: 'enquiry', receivedOn: '2026-03-13', summary: 'Cllr asks about the camera in Elm Road' }))).body;
    // FOI 2 Feb 2026: 20 UK working days = 2 Mar; overdue on 20 Mar by 13 UK working days (St Patrick's Day is not one). Enquiry 13 Mar + 10 working days = 27 Mar.
    expect(overdue.clock).toMatchObject({ state: 'overdue', due: '2026-03-02', label: expect.stringMatching(/^Overdue by 13 working days$/) });
    expect(soon.clock).toMatchObject({ state: 'due_soon', due: '2026-03-27', daysLeft: 5, label: '5 working days left' });

    const overdueIds = (await officer.get('/api/v1/requests?due=overdue&pageSize=200')).body.items.map((r: { id: string }) => r.id);
    expect(overdueIds).toContain(overdue.id);
    expect(overdueIds).not.toContain(soon.id);
    const dash = (await officer.get('/api/v1/requests/dashboard')).body;
    expect(dash.overdue.map((r: { id: string }) => r.id)).toContain(overdue.id);
    expect(dash.dueThisWeek.map((r: { id: string }) => r.id)).toContain(soon.id);

    const csv = await officer.get(`/api/v1/requests.csv?q=${encodeURIComponent('Overdue FOI about camera costs')}`);
    const rows = parse(csv.text) as string[][];
    expect(rows[0]).toEqual(REQUESTS_CSV_HEADER);
    expect(rows.slice(1)).toEqual([[overdue.reference, 'FOI', 'Received', '2026-02-02', 'E-mail', overdue.requester.name, '', '', '2026-03-02', 'Overdue by 13 working days', 'no', '', 'Overdue FOI about camera costs']]);
  });
});

import { describe, expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, sealed, testDeps } from '../../../../../test/support/deps';
import { DEFAULT_CLOCK_POLICY } from '../../../../domain/deadlines/policy';
import { requestInput } from '../register/register.walk';

// The clock policy through the API: a version dated from a day applies to requests received from
// that day; those received before keep theirs. One version a day; none in the past.

let now = new Date('2030-05-01T10:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);

describe('the clock policy', () => {
  it('is set from a day, taken by requests received from then, and its history kept', async () => {
    // Far from other tests' days: this database is shared, and a version applies to everything after it.
    now = new Date('2030-05-01T10:00:00Z');
    const org = (await makeOrganisation(deps)).id;
    const { client: admin } = await signedInAs(deps, app, ['admin'], org);
    const { client: officer } = await signedInAs(deps, app, ['enforcement_officer'], org);
    const before = (await admin.get('/api/v1/requests/clock-policy')).body;
    expect(before.today).toBe('2030-05-01');

    const policy = { ...DEFAULT_CLOCK_POLICY, enquiryWorkingDays: 3 };
    expect((await admin.post('/api/v1/requests/clock-policy', { effectiveFrom: '2030-04-30', policy })).body).toMatchObject({ errors: [{ path: 'effectiveFrom' }] });
    const set = await admin.post('/api/v1/requests/clock-policy', { effectiveFrom: '2030-05-07', policy });
    expect(set).toMatchObject({ status: 201, body: { effectiveFrom: '2030-05-07', policy: { enquiryWorkingDays: 3 } } });
    expect(await admin.post('/api/v1/requests/clock-policy', { effectiveFrom: '2030-05-07', policy })).toMatchObject({ status: 409, body: { code: 'requests.policy_exists' } });
    expect((await admin.post('/api/v1/requests/clock-policy', { effectiveFrom: '2030-05-08', policy: { ...policy, complaintStages: [] } })).status).toBe(400);

    const view = (await officer.get('/api/v1/requests/clock-policy')).body;
    expect(view.inForce.policy).toEqual(before.inForce.policy);
    // The route walk sets versions far in the future (from 2201) in this shared database: leave them out.
    expect(view.upcoming.filter((u: { effectiveFrom: string }) => u.effectiveFrom < '2100-01-01')).toEqual([expect.objectContaining({ effectiveFrom: '2030-05-07', createdBy: expect.objectContaining({ id: expect.any(String) }) })]);

    // Wed 1 May 2030 on the old policy: 10 working days over the bank holiday of Mon 6 May = Thu 16 May. Tue 7 May on the new: 3 working days = Fri 10 May.
    const old = (await officer.post('/api/v1/requests', requestInput({ type: 'enquiry', receivedOn: '2030-05-01', summary: 'Cllr asks about Elm Road' }))).body;
    expect(old.clock.due).toBe('2030-05-16');
    now = new Date('2030-05-07T10:00:00Z');
    const { client: later } = await signedInAs(deps, app, ['enforcement_officer'], org);
    const fresh = (await later.post('/api/v1/requests', requestInput({ type: 'enquiry', receivedOn: '2030-05-07', summary: 'Cllr asks about Oak Road' }))).body;
    expect(fresh.clock.due).toBe('2030-05-10');
    expect(fresh.clockCase.policy.enquiryWorkingDays).toBe(3);
    expect((await later.get(`/api/v1/requests/${old.id}`)).body.clock.due).toBe(old.clock.due);
    expect((await later.get('/api/v1/requests/clock-policy')).body.inForce).toMatchObject({ effectiveFrom: '2030-05-07', policy: { enquiryWorkingDays: 3 } });

    const audited = await (await sealed(deps.db)).selectFrom('audit_events').select('action').where('record_id', '=', set.body.id).execute();
    expect(audited.map((a) => a.action)).toEqual(['requests.clock-policy-set']);
  });

  it('is set by administrators only', async () => {
    const { client: officer } = await signedInAs(deps, app, ['coordinator'], (await makeOrganisation(deps)).id);
    expect((await officer.post('/api/v1/requests/clock-policy', { effectiveFrom: '2030-06-03', policy: DEFAULT_CLOCK_POLICY })).status).toBe(403);
  });
});

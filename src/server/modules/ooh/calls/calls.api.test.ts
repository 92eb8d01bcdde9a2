import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { OOH_CALLS_CSV_HEADER, OOH_DOWNGRADED_CSV_HEADER } from './calls.routes';
import { callInput, categoryId } from './calls.walk';

// The call log through the API, with the server's clock on a night in 2031 (a year no other test
// uses, so the references are this file's own): take, refer, acknowledge, downgrade, close, the
// CSV exports, and what is refused and why, with nothing half-written.

let now = new Date('2031-05-06T21:00:00Z'); // Tue 22:00 BST
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
const officer = async () => (await signedInAs(deps, app, ['ooh_officer'], (await makeOrganisation(deps)).id)).client;

async function onCallForNoise() {
  const duty = await deps.db.selectFrom('ooh_duties').select('id').where('key', '=', 'noise').executeTakeFirstOrThrow();
  await deps.db.insertInto('ooh_rota_entries').values({ duty_id: duty.id, level: 1, person_name: 'Jas Patel', phone: '07700 900171', starts_at: new Date('2031-05-06T16:00:00Z'), ends_at: new Date('2031-05-07T08:00:00Z') }).execute();
}

describe('a call', () => {
  it('is taken with its reference and response time, referred, acknowledged, and closed', async () => {
    await onCallForNoise();
    const client = await officer();
    const taken = await client.post('/api/v1/ooh/calls', await callInput({ deps }, { categoryId: await categoryId({ deps }, 'noise'), priorityKey: 'urgent', description: 'Loud party music since 21:00' }));
    expect(taken.status).toBe(201);
    expect(taken.body).toMatchObject({
      reference: expect.stringMatching(/^OOH-2031-\d{6}$/), status: 'open', priority: { key: 'urgent' }, responseLabel: 'Within 1 hour',
      responseBy: '2031-05-06T22:00:00.000Z', can: { refer: true, acknowledge: false, downgrade: true, close: true, raiseFault: false },
      onCallNow: [{ personName: 'Jas Patel', levelName: 'First on call' }],
    });
    const id = taken.body.id;
    now = new Date('2031-05-06T21:02:00Z');
    const referred = await client.post(`/api/v1/ooh/calls/${id}/referral`, { note: 'Rang his mobile' });
    expect(referred.body).toMatchObject({ status: 'awaiting_ack', referral: { name: 'Jas Patel', referredAt: '2031-05-06T21:02:00.000Z', ackDueAt: '2031-05-06T21:17:00.000Z', acknowledgedAt: null } });
    expect((await client.post(`/api/v1/ooh/calls/${id}/downgrade`, { reason: 'Changed my mind' })).body).toMatchObject({ code: 'ooh.call_not_open' });

    now = new Date('2031-05-06T21:10:00Z');
    const early = await client.post(`/api/v1/ooh/calls/${id}/acknowledgement`, { acknowledgedAt: '2031-05-06T21:00:00Z' });
    expect(early).toMatchObject({ status: 400, body: { errors: [{ path: 'acknowledgedAt', message: expect.stringMatching(/before the call was referred/) }] } });
    const acked = await client.post(`/api/v1/ooh/calls/${id}/acknowledgement`, { acknowledgedAt: '2031-05-06T21:06:00Z', note: 'On his way' });
    expect(acked.body).toMatchObject({ status: 'referred', referral: { acknowledgedAt: '2031-05-06T21:06:00.000Z' } });
    expect(acked.body.events.map((e: { text: string }) => e.text)).toEqual([
      expect.stringMatching(/^Call taken: Noise, Urgent/), 'Referred to Jas Patel (First on call, 07700 900171); acknowledgement due by 22:17. Rang his mobile', 'Jas Patel acknowledged at 22:06. On his way',
    ]);
    const closed = await client.post(`/api/v1/ooh/calls/${id}/closure`, { advice: 'Officer attended; music turned down' });
    expect(closed.body).toMatchObject({ status: 'closed', outcomeNote: 'Officer attended; music turned down', can: { close: false } });
    expect((await client.post(`/api/v1/ooh/calls/${id}/closure`, { advice: 'Again' })).body).toMatchObject({ code: 'ooh.call_done' });
  });

  it('says what was wrong and writes nothing: no reference is used up', async () => {
    const client = await officer();
    const first = (await client.post('/api/v1/ooh/calls', await callInput({ deps }))).body.reference as string;
    const missing = await client.post('/api/v1/ooh/calls', { ...(await callInput({ deps })), address: '', lat: 52.1 });
    expect(missing.status).toBe(400);
    expect(missing.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['address', 'lon']);
    const badPriority = await client.post('/api/v1/ooh/calls', await callInput({ deps }, { priorityKey: 'emergency' }));
    expect(badPriority).toMatchObject({ status: 400, body: { errors: [{ path: 'priorityKey', message: 'Choose one of the priorities of Other' }] } });
    const future = await client.post('/api/v1/ooh/calls', { ...(await callInput({ deps })), receivedAt: '2031-05-07T00:00:00Z' });
    expect(future).toMatchObject({ status: 400, body: { errors: [{ path: 'receivedAt' }] } });
    const next = (await client.post('/api/v1/ooh/calls', await callInput({ deps }))).body.reference as string;
    expect(Number(next.slice(-6))).toBe(Number(first.slice(-6)) + 1);
  });

  it('refuses a referral when nobody is on the rota for the duty', async () => {
    now = new Date('2031-05-08T02:00:00Z');
    const client = await officer();
    const taken = await client.post('/api/v1/ooh/calls', await callInput({ deps }, { categoryId: await categoryId({ deps }, 'dangerous_structure'), priorityKey: 'emergency' }));
    expect((await client.post(`/api/v1/ooh/calls/${taken.body.id}/referral`, {})).body).toMatchObject({ code: 'ooh.nobody_on_call', detail: expect.stringMatching(/Building surveyor/) });
  });
});

describe('downgraded calls', () => {
  it('are logged for the day service and exported for the CRM with the customer’s details, by date range', async () => {
    now = new Date('2031-05-09T19:30:00Z');
    const client = await officer();
    const taken = await client.post('/api/v1/ooh/calls', await callInput({ deps }, { callerName: 'Paul Green', callbackNumber: '07700 900777', address: '4 Mill Lane', lat: 52.5, lon: -1.9, description: 'Pothole outside the school', categoryId: await categoryId({ deps }, 'highways'), priorityKey: 'routine' }));
    // Fri 9 May 2031 20:30 BST -> next working day Mon 12 May, 10:00 BST.
    expect(taken.body.responseBy).toBe('2031-05-12T09:00:00.000Z');
    const down = await client.post(`/api/v1/ooh/calls/${taken.body.id}/downgrade`, { reason: 'Not dangerous: highways will inspect on Monday' });
    expect(down.body).toMatchObject({ status: 'downgraded', outcomeNote: 'Not dangerous: highways will inspect on Monday' });
    expect((await client.post(`/api/v1/ooh/calls/${taken.body.id}/downgrade`, { reason: '' })).status).toBe(400);

    const csv = await client.get('/api/v1/ooh/calls/downgraded.csv?from=2031-05-09&to=2031-05-09');
    const rows = parse(csv.text) as string[][]; // a leading minus is neutralised as a spreadsheet formula would be
    expect(rows[0]).toEqual(OOH_DOWNGRADED_CSV_HEADER);
    expect(rows.slice(1)).toEqual([[taken.body.reference, '09/05/2031, 20:30:00', 'Highways', 'Routine', 'Paul Green', '07700 900777', '4 Mill Lane', '52.5', "'-1.9", 'Pothole outside the school', 'no', '', 'Not dangerous: highways will inspect on Monday', '12/05/2031, 10:00:00']]);
    expect(parse((await client.get('/api/v1/ooh/calls/downgraded.csv?from=2031-05-10&to=2031-05-11')).text)).toHaveLength(1);

    const all = await client.get(`/api/v1/ooh/calls.csv?status=downgraded&from=2031-05-09&to=2031-05-09`);
    const allRows = parse(all.text) as string[][];
    expect(allRows[0]).toEqual(OOH_CALLS_CSV_HEADER);
    expect(allRows.slice(1).map((r) => r[0])).toEqual([taken.body.reference]);
    const list = await client.get('/api/v1/ooh/calls?status=downgraded&from=2031-05-09&to=2031-05-09&q=Mill%20Lane');
    expect(list.body).toMatchObject({ total: 1, items: [{ reference: taken.body.reference, statusLabel: 'Downgraded to the day service' }] });
  });
});

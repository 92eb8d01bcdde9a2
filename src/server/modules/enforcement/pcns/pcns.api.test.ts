import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { isAppError } from '../../../platform/http/errors';
import { issuePcnFromHandheld } from './pcns.handheld';
import { PCNS_CSV_HEADER } from './pcns.routes';
import { pcnPayload, patrolActor } from './pcns.walk';

// PCNs after issue through the API, the server's clock in 2032: issue from the handheld (and what
// it refuses), the lifecycle from issue to warrant with each step on its first allowed day, steps
// refused out of order, the register, worklist, reference data and the notice PDF.

let now = new Date('2032-01-15T12:00:00Z');
const deps = testDeps({ clock: { now: () => now } });
const { app } = testApp(deps);
const org = makeOrganisation(deps);
const as = async (roles: Parameters<typeof signedInAs>[2]) => (await signedInAs(deps, app, roles, (await org).id)).client;

const refusal = async (p: Promise<unknown>) => { try { await p; } catch (e) { if (isAppError(e)) return { code: e.code, fieldErrors: e.fieldErrors, message: e.message }; throw e; } throw new Error('not refused'); };

describe('issue from the handheld', () => {
  it('keeps the level and amounts in force, and answers a retry the same', async () => {
    const actor = await patrolActor(deps);
    const payload = pcnPayload(now, { contraventionCode: '30', observedFrom: new Date('2032-01-15T10:40:00Z'), observedTo: new Date('2032-01-15T10:51:00Z'), issuedAt: new Date('2032-01-15T10:52:00Z') });
    const made = await issuePcnFromHandheld(deps, { actor, deviceId: randomUUID(), payload });
    expect(made).toEqual({ id: payload.pcnId, reference: payload.number });
    expect(await issuePcnFromHandheld(deps, { actor, deviceId: randomUUID(), payload })).toEqual(made);
    const client = await as(['enforcement_officer']);
    const pcn = (await client.get(`/api/v1/enforcement/pcns/${made.id}`)).body;
    expect(pcn).toMatchObject({ level: 'lower', amountPence: 5000, discountedPence: 2500, status: 'issued', payableNowPence: 2500,
      periods: { discountLastDay: '2032-01-28', paymentLastDay: '2032-02-11', ntoFirstDay: '2032-02-12', ntoLastDay: '2032-07-14' },
      nextStep: { step: 'notice_to_owner', fromDay: '2032-02-12', byDay: '2032-07-14', due: false } });
  });
  it('refuses an unknown code or area, a short observation, a photo not uploaded by the officer, a number used', async () => {
    const actor = await patrolActor(deps);
    const issue = (over: Parameters<typeof pcnPayload>[1]) => issuePcnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: pcnPayload(now, over) });
    expect(await refusal(issue({ contraventionCode: '34J' }))).toMatchObject({ code: 'validation.failed', fieldErrors: [{ path: 'contraventionCode' }] });
    expect(await refusal(issue({ enforcementAreaId: randomUUID() }))).toMatchObject({ fieldErrors: [{ path: 'enforcementAreaId' }] });
    const short = await refusal(issue({ contraventionCode: '30', observedFrom: new Date('2032-01-15T10:40:00Z'), observedTo: new Date('2032-01-15T10:49:00Z'), issuedAt: new Date('2032-01-15T10:50:00Z') }));
    expect(short).toMatchObject({ fieldErrors: [{ path: 'observedTo', message: expect.stringMatching(/grace period \(10 minutes\).*observed for 9 minutes/) }] });
    expect(await refusal(issue({ photoIds: [randomUUID()] }))).toMatchObject({ fieldErrors: [{ path: 'photoIds.0' }] });
    const first = pcnPayload(now);
    await issuePcnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: first });
    expect(await refusal(issue({ number: first.number }))).toMatchObject({ code: 'enforcement.pcn_number_taken' });
  });
});

describe('the lifecycle', () => {
  it('goes from issue to warrant, each step on its first day, refusing steps out of order or out of time', async () => {
    const actor = await patrolActor(deps);
    now = new Date('2032-01-15T12:00:00Z');
    const { id } = await issuePcnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: pcnPayload(now) });
    // The session would expire as the clock moves on by weeks: sign in again on each step's day.
    const step = async (path: string, day: string, body: Record<string, unknown> = {}) => { now = new Date(`${day}T12:00:00Z`); const client = await as(['enforcement_officer']); return client.post(`/api/v1/enforcement/pcns/${id}/${path}`, { day, ...body }); };

    expect((await step('representations', '2032-01-20')).body).toMatchObject({ code: 'enforcement.pcn_step_refused', detail: expect.stringMatching(/answer a notice to owner/) });
    expect((await step('informal-challenge', '2032-01-20', { note: 'Was loading' })).body).toMatchObject({ status: 'informal_challenge' });
    const rejected = await step('informal-challenge/decision', '2032-01-27', { outcome: 'rejected', reofferDiscount: true });
    expect(rejected.body).toMatchObject({ status: 'issued', periods: { discountLastDay: '2032-02-09' }, payableNowPence: 3500 });
    const early = await step('notice-to-owner', '2032-02-11');
    expect(early).toMatchObject({ status: 400, body: { errors: [{ path: 'day', message: expect.stringMatching(/before the 28-day payment period ends/) }] } });
    expect((await step('notice-to-owner', '2032-02-12')).body).toMatchObject({ status: 'notice_to_owner', payableNowPence: 7000, nextStep: { step: 'charge_certificate', fromDay: '2032-03-11' } });
    expect((await step('representations', '2032-02-20')).body).toMatchObject({ status: 'representations', nextStep: { step: 'representations_decision', byDay: '2032-04-15' } });
    expect((await step('decision', '2032-03-01', { outcome: 'rejected' })).body).toMatchObject({ status: 'rejected', nextStep: { fromDay: '2032-03-29' } });
    expect((await step('charge-certificate', '2032-03-28')).status).toBe(400);
    const cc = await step('charge-certificate', '2032-03-29');
    expect(cc.body).toMatchObject({ status: 'charge_certificate', payableNowPence: 10500, outstandingPence: 10500, nextStep: { step: 'order_for_recovery', fromDay: '2032-04-12' } });
    expect((await step('order-for-recovery', '2032-04-12')).body).toMatchObject({ status: 'order_for_recovery', nextStep: { step: 'warrant', fromDay: '2032-05-03' } });
    const w = await step('warrant', '2032-05-03');
    expect(w.body.status).toBe('warrant');
    expect(w.body.events.map((e: { kind: string }) => e.kind)).toEqual(['issued', 'informal_challenge', 'informal_decision', 'notice_to_owner', 'representations', 'representations_decision', 'charge_certificate', 'order_for_recovery', 'warrant']);
    expect((await step('payments', '2032-05-10', { amountPence: 20000 })).body).toMatchObject({ errors: [{ path: 'amountPence', message: expect.stringMatching(/more than is owed.*£105.00/) }] });
    expect((await step('payments', '2032-05-10', { amountPence: 10500, method: 'Enforcement agent' })).body).toMatchObject({ status: 'paid', outstandingPence: 0, nextStep: null });
    expect((await step('cancel', '2032-05-11', { note: 'Too late' })).body).toMatchObject({ code: 'enforcement.pcn_step_refused' });
    now = new Date('2032-05-12T12:00:00Z');
    expect((await (await as(['enforcement_officer'])).post(`/api/v1/enforcement/pcns/${id}/appeal`, { day: '2032-05-13' })).body).toMatchObject({ errors: [{ path: 'day', message: 'The day cannot be in the future' }] });
  });

  it('a patrol officer reads but may not process; the register filters, exports and the worklist finds what is due', async () => {
    now = new Date('2032-06-01T12:00:00Z');
    const actor = await patrolActor(deps);
    const vrm = `Q${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    const old = await issuePcnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: pcnPayload(now, { vehicle: { vrm, make: '', model: '', colour: '', permitSeen: '' } }, 30) });
    const officer = await as(['patrol_officer']);
    expect((await officer.post(`/api/v1/enforcement/pcns/${old.id}/cancel`, { day: '2032-06-01', note: 'Mine' })).status).toBe(403);
    const list = await officer.get(`/api/v1/enforcement/pcns?vrm=${vrm}`);
    expect(list.body).toMatchObject({ total: 1, items: [{ id: old.id, status: 'issued', nextStep: { step: 'notice_to_owner', due: true } }] });
    const csv = await officer.get(`/api/v1/enforcement/pcns.csv?vrm=${vrm}`);
    const rows = parse(csv.text) as string[][];
    expect(rows[0]).toEqual(PCNS_CSV_HEADER);
    expect(rows[1]).toEqual(expect.arrayContaining([vrm, '70.00', 'Issued']));
    const work = await officer.get('/api/v1/enforcement/pcns/worklist?step=notice_to_owner&withinDays=0');
    expect(work.body.items.map((i: { id: string }) => i.id)).toContain(old.id);
    const ref = await officer.get('/api/v1/enforcement/pcns/reference');
    expect(ref.body.codes).toEqual(expect.arrayContaining([{ code: '30', description: 'Parked for longer than permitted', level: 'lower', observationMinutes: 0, graceApplies: true }]));
    expect(ref.body.charges).toEqual(expect.arrayContaining([{ areaId: '5d1e7a00-0c0d-4e00-8a00-000000000001', level: 'higher', amountPence: 7000, discountPence: 3500 }]));
    const pdf = await officer.get(`/api/v1/enforcement/pcns/${old.id}/notice.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
  });
});

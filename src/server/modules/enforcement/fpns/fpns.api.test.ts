import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signedInAs, testApp } from '../../../../../test/support/api';
import { makeOrganisation, testDeps } from '../../../../../test/support/deps';
import { issueFpnFromHandheld } from '../index';
import { fpnPayload } from './fpns.fixtures';
import { londonDay } from '../../../../domain/calendar/london';
import { addDays } from '../../../../domain/calendar/days';

// FPNs through the API: the reference data the handheld caches, the list and detail with amounts,
// payable now and the day proceedings may start, payments (early, part, full), withdrawal,
// prosecution only after the 14 days and unpaid, the case-file PDF, and the notebook.

const deps = testDeps();
const { app } = testApp(deps);
const DAY = 86_400_000;
const today = () => new Date().toISOString().slice(0, 10);

async function setUp() {
  const org = (await makeOrganisation(deps)).id;
  const officer = await signedInAs(deps, app, ['patrol_officer'], org);
  const processor = await signedInAs(deps, app, ['enforcement_officer'], org);
  const actor = { audit: { actorId: officer.user.id, actorUsername: officer.user.username, ip: null, userAgent: null }, userId: officer.user.id };
  const issue = (daysAgo: number, over = {}) => issueFpnFromHandheld(deps, { actor, deviceId: randomUUID(), payload: fpnPayload({ issuedAt: new Date(Date.now() - daysAgo * DAY), ...over }) });
  return { org, officer, processor, issue };
}

describe('FPNs through the API', () => {
  it('serves the reference data in force today', async () => {
    const { officer } = await setUp();
    const r = await officer.client.get('/api/v1/enforcement/fpns/reference');
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ youngestAge: 10, guardianUnder: 18 });
    expect(r.body.offences).toContainEqual({ code: 'PSPO-DF', name: 'Failing to remove dog faeces (PSPO)', legislation: expect.stringMatching(/s\.68/), amountPence: 10000, earlyAmountPence: 6000, earlyDays: 10 });
    expect(r.body.offences.map((o: { code: string }) => o.code)).toEqual(expect.arrayContaining(['LIT', 'CPN', 'GRAF', 'FLYP']));
  });

  it('pays early: the lesser amount within its period settles it', async () => {
    const { officer, processor, issue } = await setUp();
    const { id } = await issue(2);
    const seen = await officer.client.get(`/api/v1/enforcement/fpns/${id}`);
    expect(seen.status).toBe(200);
    expect(seen.body).toMatchObject({ status: 'issued', paymentState: 'unpaid', payableNowPence: 6000, allowed: { payment: true, withdraw: true, prosecute: false } });
    expect(seen.body.periods.prosecutionFrom).toBe(addDays(londonDay(new Date(Date.now() - 2 * DAY)), 15));
    expect((await officer.client.post(`/api/v1/enforcement/fpns/${id}/payments`, { amountPence: 6000, paidOn: today(), method: 'card' })).status).toBe(403);
    const part = await processor.client.post(`/api/v1/enforcement/fpns/${id}/payments`, { amountPence: 2000, paidOn: today(), method: 'cash', receipt: 'C1' });
    expect(part.body).toMatchObject({ status: 'part_paid', paymentState: 'part_paid', payableNowPence: 4000 });
    const paid = await processor.client.post(`/api/v1/enforcement/fpns/${id}/payments`, { amountPence: 4000, paidOn: today(), method: 'card' });
    expect(paid.body).toMatchObject({ status: 'paid', paymentState: 'paid_early', paidPence: 6000, payableNowPence: 0, allowed: { payment: false } });
    expect((await processor.client.post(`/api/v1/enforcement/fpns/${id}/prosecution`, { statement: 'x'.repeat(30) })).body.code).toBe('enforcement.fpn_not_open');
  });

  it('prosecutes only after the 14 days and unpaid, builds the case file PDF, and lists with filters and CSV', async () => {
    const { processor, officer, issue } = await setUp();
    const recent = await issue(14);
    const old = await issue(15, { offenceCode: 'LIT' });
    const statement = 'I am a community protection officer. I saw the offender drop a drinks can and walk away.';
    const early = await processor.client.post(`/api/v1/enforcement/fpns/${recent.id}/prosecution`, { statement });
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('enforcement.fpn_within_period');
    await officer.client.post('/api/v1/enforcement/notebook', { entryId: randomUUID(), at: new Date().toISOString(), text: 'Issued the littering notice; the offender gave his name.', fpnId: old.id });
    const p = await processor.client.post(`/api/v1/enforcement/fpns/${old.id}/prosecution`, { statement });
    expect(p.status).toBe(200);
    expect(p.body).toMatchObject({ status: 'prosecution', caseStatement: statement, paymentState: 'overdue' });
    expect(p.body.notebook).toHaveLength(1);
    expect(p.body.events.map((e: { kind: string }) => e.kind)).toEqual(['issued', 'prosecution']);
    const pdf = await processor.client.get(`/api/v1/enforcement/fpns/${old.id}/case-file.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.text.startsWith('%PDF')).toBe(true);

    const list = await officer.client.get(`/api/v1/enforcement/fpns?status=prosecution&q=${encodeURIComponent(old.reference)}`);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([old.id]);
    const none = await officer.client.get(`/api/v1/enforcement/fpns?status=paid&q=${encodeURIComponent(old.reference)}`);
    expect(none.body.total).toBe(0);
    const csv = await officer.client.get(`/api/v1/enforcement/fpns.csv?q=${encodeURIComponent(old.reference)}`);
    expect(csv.text).toContain(old.reference);
    expect(csv.text.split('\n')[0]).toContain('prosecution_from');
  });

  it('withdraws with a reason; an empty reason is refused', async () => {
    const { processor, issue } = await setUp();
    const { id } = await issue(1);
    expect((await processor.client.post(`/api/v1/enforcement/fpns/${id}/withdrawal`, { reason: '' })).status).toBe(400);
    const w = await processor.client.post(`/api/v1/enforcement/fpns/${id}/withdrawal`, { reason: 'Wrong person identified' });
    expect(w.body).toMatchObject({ status: 'withdrawn', withdrawnReason: 'Wrong person identified', allowed: { payment: false, withdraw: false, prosecute: false } });
  });

  it('the notebook: an officer reads their own; a processor reads another’s with ?officer=; an officer may not', async () => {
    const { org, officer, processor } = await setUp();
    const other = await signedInAs(deps, app, ['patrol_officer'], org);
    const first = await officer.client.post('/api/v1/enforcement/notebook', { entryId: randomUUID(), at: new Date().toISOString(), text: 'On patrol, Victoria Park.' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ number: 1, correctsEntry: null });
    const fix = await officer.client.post('/api/v1/enforcement/notebook', { entryId: randomUUID(), at: new Date().toISOString(), text: 'Correction: Memorial Gardens, not Victoria Park.', correctsEntryId: first.body.id });
    expect(fix.body).toMatchObject({ number: 2, correctsEntry: { id: first.body.id, number: 1 } });
    const own = await officer.client.get('/api/v1/enforcement/notebook');
    expect(own.body.items.map((e: { number: number }) => e.number)).toEqual([2, 1]);
    expect(own.body.items[1].correctedBy).toEqual([{ id: fix.body.id, number: 2 }]);
    expect((await other.client.get(`/api/v1/enforcement/notebook?officer=${officer.user.id}`)).status).toBe(403);
    expect((await other.client.get('/api/v1/enforcement/notebook')).body.items).toEqual([]);
    const read = await processor.client.get(`/api/v1/enforcement/notebook?officer=${officer.user.id}`);
    expect(read.body.items).toHaveLength(2);
    expect((await processor.client.post('/api/v1/enforcement/notebook', { entryId: randomUUID(), at: new Date().toISOString(), text: 'x' })).status).toBe(403);
  });
});

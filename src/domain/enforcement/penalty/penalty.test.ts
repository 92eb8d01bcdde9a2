import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHARGES, DEFAULT_CODES, applyStep, chargeInForce, codeInForce, decisionLastDay, deemedAcceptedAt, deemedAcceptedDay, discountedPence, fold,
  initialState, issuePeriods, lastDayOfMonths, nextStep, observationProblem, outstandingOn, payableOn, StepRefused, type PenaltyStep, type PenaltyTerms,
} from '.';

// Hand-worked cases (uk-rules §7, Appendix A: "N days beginning with X" ends on X + N − 1).

const band1Higher: PenaltyTerms = { noticeKind: 'reg9', contraventionDay: '2026-01-15', servedDay: '2026-01-15', amountPence: 7000, discountedPence: 3500, surchargePercent: 50 };
const camera: PenaltyTerms = { ...band1Higher, noticeKind: 'reg10_camera', contraventionDay: '2026-02-27', servedDay: '2026-03-02' };

describe('reference data by date', () => {
  it('charges per band and level, London from 7 April 2025 only', () => {
    expect(chargeInForce(DEFAULT_CHARGES, 'ogl_band_1', 'higher', '2026-01-15')?.amountPence).toBe(7000);
    expect(chargeInForce(DEFAULT_CHARGES, 'ogl_band_1', 'lower', '2026-01-15')?.amountPence).toBe(5000);
    expect(chargeInForce(DEFAULT_CHARGES, 'ogl_band_2', 'higher', '2026-01-15')?.amountPence).toBe(6000);
    expect(chargeInForce(DEFAULT_CHARGES, 'ogl_band_2', 'lower', '2026-01-15')?.amountPence).toBe(4000);
    const a = chargeInForce(DEFAULT_CHARGES, 'london_a', 'lower', '2025-04-07')!;
    expect([a.amountPence, discountedPence(a)]).toEqual([11000, 5500]);
    expect(chargeInForce(DEFAULT_CHARGES, 'london_b', 'higher', '2025-04-07')?.amountPence).toBe(14000);
    expect(chargeInForce(DEFAULT_CHARGES, 'london_a', 'higher', '2025-04-06')).toBeUndefined();
  });
  it('a later row replaces an earlier one from its day', () => {
    const rows = [...DEFAULT_CHARGES, { ...DEFAULT_CHARGES[0]!, amountPence: 8000, effectiveFrom: '2027-01-01' }];
    expect(chargeInForce(rows, 'ogl_band_1', 'higher', '2026-12-31')?.amountPence).toBe(7000);
    expect(chargeInForce(rows, 'ogl_band_1', 'higher', '2027-01-01')?.amountPence).toBe(8000);
  });
  it('codes with level and grace', () => {
    expect(codeInForce(DEFAULT_CODES, '01', '2026-01-01')).toMatchObject({ level: 'higher', graceApplies: false });
    expect(codeInForce(DEFAULT_CODES, '30', '2026-01-01')).toMatchObject({ level: 'lower', graceApplies: true });
    expect(codeInForce(DEFAULT_CODES, '34J', '2026-01-01')).toBeUndefined();
  });
});

describe('observation', () => {
  const t = (m: number) => new Date(Date.UTC(2026, 0, 15, 10, m));
  it('code 01: 5 minutes, no grace', () => {
    const c01 = codeInForce(DEFAULT_CODES, '01', '2026-01-15')!;
    expect(observationProblem(c01, t(0), t(4))).toMatch(/needs 5 minutes’? ?observation|5 minutes/);
    expect(observationProblem(c01, t(0), t(5))).toBeUndefined();
  });
  it('code 30: the 10-minute grace period', () => {
    const c30 = codeInForce(DEFAULT_CODES, '30', '2026-01-15')!;
    expect(observationProblem(c30, t(0), t(9))).toMatch(/grace period \(10 minutes\).*observed for 9 minutes/);
    expect(observationProblem(c30, t(0), t(10))).toBeUndefined();
  });
  it('code 19: 5 minutes plus grace = 15', () => {
    const c19 = codeInForce(DEFAULT_CODES, '19', '2026-01-15')!;
    expect(observationProblem(c19, t(0), t(14))).toBeDefined();
    expect(observationProblem(c19, t(0), t(15))).toBeUndefined();
  });
});

describe('periods', () => {
  it('on-street (reg 9): discount 14 days beginning with service, payment 28 days beginning with the contravention, NtO window', () => {
    expect(issuePeriods(band1Higher)).toEqual({ discountLastDay: '2026-01-28', paymentLastDay: '2026-02-11', ntoFirstDay: '2026-02-12', ntoLastDay: '2026-07-14' });
  });
  it('camera (reg 10(2)(a)): discount 21 days and payment 28 days beginning with service', () => {
    expect(issuePeriods(camera)).toMatchObject({ discountLastDay: '2026-03-22', paymentLastDay: '2026-03-29', ntoFirstDay: null });
  });
  it('6 months beginning with a day', () => {
    expect(lastDayOfMonths('2026-01-15', 6)).toBe('2026-07-14');
    expect(lastDayOfMonths('2025-08-31', 6)).toBe('2026-02-28');
  });
});

describe('amounts', () => {
  const s = initialState(band1Higher);
  it('discount to the 14th day, then full', () => {
    expect(payableOn(band1Higher, s, '2026-01-28')).toEqual({ amountPence: 3500, as: 'discount' });
    expect(payableOn(band1Higher, s, '2026-01-29')).toEqual({ amountPence: 7000, as: 'full' });
  });
  it('camera: discount to the 21st day', () => {
    const c = initialState(camera);
    expect(payableOn(camera, c, '2026-03-22').amountPence).toBe(3500);
    expect(payableOn(camera, c, '2026-03-23').amountPence).toBe(7000);
  });
  it('charge certificate +50 %', () => {
    const cc = fold(band1Higher, [{ kind: 'notice_to_owner', day: '2026-02-20' }, { kind: 'charge_certificate', day: '2026-03-20' }]);
    expect(payableOn(band1Higher, cc, '2026-03-20')).toEqual({ amountPence: 10500, as: 'charge_certificate' });
  });
  it('paid at the discount closes it; paying more than owed is refused', () => {
    const paid = applyStep(band1Higher, s, { kind: 'payment', day: '2026-01-20', amountPence: 3500 });
    expect(paid).toMatchObject({ status: 'paid', paidAs: 'discount' });
    expect(outstandingOn(band1Higher, paid, '2026-02-01').outstandingPence).toBe(0);
    expect(() => applyStep(band1Higher, s, { kind: 'payment', day: '2026-01-20', amountPence: 3600 })).toThrow(/more than is owed.*£35.00/);
  });
  it('a part payment leaves the rest owed', () => {
    const part = applyStep(band1Higher, s, { kind: 'payment', day: '2026-02-01', amountPence: 2000 });
    expect(part.status).toBe('issued');
    expect(outstandingOn(band1Higher, part, '2026-02-01').outstandingPence).toBe(5000);
  });
});

describe('lifecycle', () => {
  const full: PenaltyStep[] = [
    { kind: 'informal_challenge', day: '2026-01-20' },
    { kind: 'informal_decision', day: '2026-01-27', accepted: false, reofferDiscount: true },
    { kind: 'notice_to_owner', day: '2026-02-20' },
    { kind: 'representations', day: '2026-03-01' },
    { kind: 'representations_decision', day: '2026-04-01', accepted: false },
    { kind: 'charge_certificate', day: '2026-05-01' },
    { kind: 'order_for_recovery', day: '2026-05-20' },
    { kind: 'warrant', day: '2026-06-10' },
  ];
  it('walks from issue to warrant, each step on its first allowed day', () => {
    expect(fold(band1Higher, full).status).toBe('warrant');
  });
  it('re-offers the discount for 14 days beginning with the rejection of an informal challenge', () => {
    const s = fold(band1Higher, full.slice(0, 2));
    expect(s.discountLastDay).toBe('2026-02-09');
    expect(payableOn(band1Higher, s, '2026-02-09').amountPence).toBe(3500);
  });
  it('the next step and its dates (worklist)', () => {
    expect(nextStep(band1Higher, initialState(band1Higher), '2026-02-12')).toMatchObject({ step: 'notice_to_owner', fromDay: '2026-02-12', byDay: '2026-07-14', due: true, overdue: false });
    const reps = fold(band1Higher, full.slice(0, 4));
    expect(nextStep(band1Higher, reps, '2026-04-26')).toMatchObject({ step: 'representations_decision', byDay: '2026-04-25', overdue: true });
    expect(nextStep(band1Higher, fold(band1Higher, full.slice(0, 5)), '2026-04-28')).toMatchObject({ step: 'charge_certificate', fromDay: '2026-04-29', due: false });
    expect(nextStep(band1Higher, fold(band1Higher, full.slice(0, 6)), '2026-05-15')).toMatchObject({ step: 'order_for_recovery', fromDay: '2026-05-15', due: true });
    expect(nextStep(band1Higher, fold(band1Higher, full.slice(0, 7)), '2026-06-09')).toMatchObject({ step: 'warrant', fromDay: '2026-06-10', due: false });
  });
  const refused = (steps: PenaltyStep[], re: RegExp, t = band1Higher) => expect(() => fold(t, steps)).toThrow(re);
  it('refuses steps out of order or out of time, saying why', () => {
    refused([{ kind: 'notice_to_owner', day: '2026-02-11' }], /before the 28-day payment period ends.*Thu 12 Feb 2026/);
    refused([{ kind: 'notice_to_owner', day: '2026-07-15' }], /6 months.*Tue 14 Jul 2026/);
    refused([{ kind: 'representations', day: '2026-02-20' }], /answer a notice to owner/);
    refused([{ kind: 'notice_to_owner', day: '2026-02-20' }, { kind: 'representations', day: '2026-03-20' }], /within 28 days.*Thu 19 Mar 2026/);
    refused([{ kind: 'notice_to_owner', day: '2026-02-20' }, { kind: 'charge_certificate', day: '2026-03-19' }], /before Fri 20 Mar 2026/);
    refused([...full.slice(2, 4), { kind: 'representations_decision', day: '2026-04-26', accepted: false }], /deemed accepted/);
    refused([...full.slice(2, 5), { kind: 'appeal', day: '2026-04-29' }], /by Tue 28 Apr 2026/);
    refused([...full.slice(2, 6), { kind: 'order_for_recovery', day: '2026-05-14' }], /until Thu 14 May 2026/);
    refused([...full.slice(2, 7), { kind: 'warrant', day: '2026-06-09' }], /until Tue 9 Jun 2026/);
    refused([{ kind: 'informal_challenge', day: '2026-03-05' }], /formal representations/, camera);
    refused([{ kind: 'cancel', day: '2026-01-16' }, { kind: 'payment', day: '2026-01-17', amountPence: 100 }], /cancelled: nothing more/);
    refused([{ kind: 'appeal_decision', day: '2026-01-17', allowed: true }], /no appeal/);
  });
  it('a refusal is a StepRefused', () => {
    try { fold(band1Higher, [{ kind: 'warrant', day: '2026-01-17' }]); } catch (e) { expect(e).toBeInstanceOf(StepRefused); }
  });
  it('camera PCN: representations against the notice, charge certificate after 28 days', () => {
    expect(nextStep(camera, initialState(camera), '2026-03-30')).toMatchObject({ step: 'charge_certificate', fromDay: '2026-03-30' });
    expect(fold(camera, [{ kind: 'representations', day: '2026-03-10' }, { kind: 'representations_decision', day: '2026-03-20', accepted: true }]).status).toBe('cancelled');
  });
  it('appeal allowed cancels; dismissed leads to a charge certificate 28 days on', () => {
    const base = full.slice(2, 5);
    expect(fold(band1Higher, [...base, { kind: 'appeal', day: '2026-04-10' }, { kind: 'appeal_decision', day: '2026-05-01', allowed: true }]).status).toBe('cancelled');
    const dismissed = fold(band1Higher, [...base, { kind: 'appeal', day: '2026-04-10' }, { kind: 'appeal_decision', day: '2026-05-01', allowed: false }]);
    expect(nextStep(band1Higher, dismissed, '2026-05-29')).toMatchObject({ step: 'charge_certificate', fromDay: '2026-05-29' });
  });
});

describe('representations deemed accepted (56 days beginning with receipt)', () => {
  it('the last decision day and the instant after it, hand-worked, in BST and across both clock changes', () => {
    // 10 Mar + 55 days = 4 May 2026; deemed accepted from 00:00 BST on Tue 5 May (23:00 UTC the day before).
    expect([decisionLastDay('2026-03-10'), deemedAcceptedDay('2026-03-10'), deemedAcceptedAt('2026-03-10').toISOString()]).toEqual(['2026-05-04', '2026-05-05', '2026-05-04T23:00:00.000Z']);
    // Received in GMT (2 Feb), decided by Sun 29 Mar, the day the clocks go forward: deemed accepted from 00:00 BST on 30 Mar.
    expect([decisionLastDay('2026-02-02'), deemedAcceptedAt('2026-02-02').toISOString()]).toEqual(['2026-03-29', '2026-03-29T23:00:00.000Z']);
    // Received in BST (1 Sep), the clocks go back on Sun 25 Oct: last day Mon 26 Oct, deemed accepted from 00:00 GMT on 27 Oct.
    expect([decisionLastDay('2026-09-01'), deemedAcceptedAt('2026-09-01').toISOString()]).toEqual(['2026-10-26', '2026-10-27T00:00:00.000Z']);
    // Winter throughout: midnight London is midnight UTC.
    expect(deemedAcceptedAt('2026-11-20').toISOString()).toBe('2027-01-15T00:00:00.000Z');
  });

  const reps: PenaltyStep[] = [{ kind: 'notice_to_owner', day: '2026-02-20' }, { kind: 'representations', day: '2026-03-10' }];
  it('cancels the notice from the day after the last decision day, not before', () => {
    expect(() => fold(band1Higher, [...reps, { kind: 'deemed_accepted', day: '2026-05-04' }])).toThrow(/may decide until Mon 4 May 2026.*only from Tue 5 May 2026/);
    const s = fold(band1Higher, [...reps, { kind: 'deemed_accepted', day: '2026-05-05' }]);
    expect(s).toMatchObject({ status: 'cancelled', since: '2026-05-05', refundDuePence: 0 });
    expect(outstandingOn(band1Higher, s, '2026-05-05').outstandingPence).toBe(0);
    expect(nextStep(band1Higher, s, '2026-05-05')).toBeNull();
  });
  it('flags what was paid as a refund due', () => {
    const s = fold(band1Higher, [...reps, { kind: 'payment', day: '2026-03-15', amountPence: 2000 }, { kind: 'deemed_accepted', day: '2026-05-05' }]);
    expect(s).toMatchObject({ status: 'cancelled', paidPence: 2000, refundDuePence: 2000 });
  });
  it('nothing to deem once decided in time, nor without representations', () => {
    expect(() => fold(band1Higher, [...reps, { kind: 'representations_decision', day: '2026-05-04', accepted: false }, { kind: 'deemed_accepted', day: '2026-05-05' }])).toThrow(/no representations awaiting/);
    expect(() => fold(band1Higher, [{ kind: 'deemed_accepted', day: '2026-05-05' }])).toThrow(/no representations awaiting/);
    expect(fold(band1Higher, [...reps, { kind: 'representations_decision', day: '2026-05-04', accepted: true }]).refundDuePence).toBe(0);
  });
  it('a camera PCN: representations against the notice itself', () => {
    const s = fold(camera, [{ kind: 'representations', day: '2026-03-10' }, { kind: 'deemed_accepted', day: '2026-05-05' }]);
    expect(s.status).toBe('cancelled');
  });
});

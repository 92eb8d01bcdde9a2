import { describe, expect, it } from 'vitest';
import { ageOn, amountPayableOn, amountsFor, fpnPeriods, lawOn, offenceOn, offenceProblems, offenderProblems, paymentPosition, policyOn, formatFpnReference, type FpnOffenceVersion } from './rules';

// Hand-worked from uk-rules §8 and Appendix A fpn_periods.

const litter: FpnOffenceVersion = { code: 'LIT', name: 'Littering', kind: 'littering', legislation: 'EPA 1990 s.87/s.88', amountPence: 15000, earlyAmountPence: 7500, earlyDays: 10, effectiveFrom: '2022-04-01', effectiveTo: '2023-07-30' };
const litter2023: FpnOffenceVersion = { ...litter, amountPence: 50000, earlyAmountPence: 25000, effectiveFrom: '2023-07-31', effectiveTo: null };
const dog: FpnOffenceVersion = { code: 'PSPO-DF', name: 'Dog fouling', kind: 'pspo', legislation: 'ASBCPA 2014 s.67/s.68', amountPence: 10000, earlyAmountPence: 5000, earlyDays: 10, effectiveFrom: '2020-01-01', effectiveTo: null };

describe('the law’s caps by date', () => {
  it('littering: £150 until 30 Jul 2023, £500 from 31 Jul 2023; PSPO £100', () => {
    expect(lawOn('littering', '2023-07-30')?.maxPence).toBe(15000);
    expect(lawOn('littering', '2023-07-31')?.maxPence).toBe(50000);
    expect(lawOn('littering', '2023-07-31')?.minPence).toBe(6500);
    expect(lawOn('graffiti', '2023-07-31')?.maxPence).toBe(50000);
    expect(lawOn('pspo', '2025-01-01')?.maxPence).toBe(10000);
    expect(lawOn('pspo', '2014-01-01')).toBeUndefined();
  });

  it('accepts lawful versions and refuses a PSPO amount over £100, £500 littering before 31 Jul 2023, an early period of 14 days under ASBCPA', () => {
    expect(offenceProblems(litter)).toEqual([]);
    expect(offenceProblems(litter2023)).toEqual([]);
    expect(offenceProblems(dog)).toEqual([]);
    expect(offenceProblems({ ...dog, amountPence: 15000 })).toEqual([{ path: 'amountPence', message: 'The amount may be at most £100 on 2020-01-01' }]);
    expect(offenceProblems({ ...litter2023, effectiveFrom: '2023-07-01' }).map((p) => p.message)).toEqual(['The amount may be at most £150 on 2023-07-01']);
    expect(offenceProblems({ ...dog, earlyDays: 14 })).toEqual([{ path: 'earlyDays', message: 'The early-payment period must be less than 14 days' }]);
    expect(offenceProblems({ ...dog, earlyDays: 13 })).toEqual([]);
    expect(offenceProblems({ ...dog, earlyAmountPence: 10000 })[0]?.path).toBe('earlyAmountPence');
    expect(offenceProblems({ ...litter, amountPence: 6000 })[0]?.message).toBe('The amount must be at least £65');
    expect(offenceProblems({ ...dog, earlyDays: null })[0]?.path).toBe('earlyDays');
    expect(offenceProblems({ ...dog, amountPence: null })[0]?.message).toMatch(/no default/);
  });

  it('littering with no amount set by the council: the £100 default', () => {
    const none: FpnOffenceVersion = { ...litter2023, amountPence: null, earlyAmountPence: null, earlyDays: null };
    expect(offenceProblems(none)).toEqual([]);
    expect(amountsFor(none, '2025-03-01')).toMatchObject({ amountPence: 10000, earlyAmountPence: null, earlyDays: null });
  });

  it('picks the version in force on the day of issue', () => {
    const versions = [litter, litter2023, dog];
    expect(offenceOn(versions, 'LIT', '2023-07-30')?.amountPence).toBe(15000);
    expect(offenceOn(versions, 'LIT', '2023-07-31')?.amountPence).toBe(50000);
    expect(offenceOn(versions, 'LIT', '2022-03-31')).toBeUndefined();
    expect(amountsFor(offenceOn(versions, 'LIT', '2023-08-01')!, '2023-08-01')).toEqual({ amountPence: 50000, earlyAmountPence: 25000, earlyDays: 10, legislation: 'EPA 1990 s.87/s.88' });
  });
});

describe('fpn_periods', () => {
  it('a notice on Mon 2 Jun 2025 with 10 days for the lesser amount: early by 12 Jun, due by 16 Jun, prosecution from 17 Jun', () => {
    expect(fpnPeriods('2025-06-02', 10)).toEqual({ noticeDay: '2025-06-02', earlyPaymentBy: '2025-06-12', paymentDueBy: '2025-06-16', prosecutionFrom: '2025-06-17' });
  });
  it('over a month and year end, no early amount: 20 Dec 2025 → due 3 Jan 2026, prosecution from 4 Jan', () => {
    expect(fpnPeriods('2025-12-20')).toEqual({ noticeDay: '2025-12-20', earlyPaymentBy: null, paymentDueBy: '2026-01-03', prosecutionFrom: '2026-01-04' });
  });
  it('amount payable: £50 on the 10th day after, £100 on the 11th', () => {
    const p = fpnPeriods('2025-06-02', 10);
    expect(amountPayableOn({ amountPence: 10000, earlyAmountPence: 5000 }, p, '2025-06-12')).toBe(5000);
    expect(amountPayableOn({ amountPence: 10000, earlyAmountPence: 5000 }, p, '2025-06-13')).toBe(10000);
    expect(amountPayableOn({ amountPence: 10000, earlyAmountPence: null }, fpnPeriods('2025-06-02'), '2025-06-03')).toBe(10000);
  });
});

describe('payment tracking', () => {
  const amounts = { amountPence: 10000, earlyAmountPence: 5000 };
  const p = fpnPeriods('2025-06-02', 10);
  it('paid early, in full, part-paid, unpaid within and after the 14 days', () => {
    expect(paymentPosition(amounts, p, [{ paidOn: '2025-06-05', amountPence: 5000 }], '2025-06-20')).toEqual({ state: 'paid_early', paidPence: 5000, outstandingPence: 0, prosecutable: false });
    expect(paymentPosition(amounts, p, [{ paidOn: '2025-06-14', amountPence: 10000 }], '2025-06-20')).toMatchObject({ state: 'paid_in_full', outstandingPence: 0 });
    // £50 on the 13th is no longer the lesser amount: part-paid, £50 outstanding.
    expect(paymentPosition(amounts, p, [{ paidOn: '2025-06-13', amountPence: 5000 }], '2025-06-14')).toEqual({ state: 'part_paid', paidPence: 5000, outstandingPence: 5000, prosecutable: false });
    expect(paymentPosition(amounts, p, [{ paidOn: '2025-06-13', amountPence: 5000 }, { paidOn: '2025-06-15', amountPence: 5000 }], '2025-06-20').state).toBe('paid_in_full');
    expect(paymentPosition(amounts, p, [], '2025-06-16')).toEqual({ state: 'unpaid', paidPence: 0, outstandingPence: 10000, prosecutable: false });
    expect(paymentPosition(amounts, p, [], '2025-06-17')).toEqual({ state: 'overdue', paidPence: 0, outstandingPence: 10000, prosecutable: true });
    expect(paymentPosition(amounts, p, [{ paidOn: '2025-06-04', amountPence: 2000 }], '2025-06-10')).toMatchObject({ state: 'part_paid', outstandingPence: 3000 });
  });
});

describe('the offender’s age', () => {
  it('counts whole years; a birthday is reached on its date', () => {
    expect(ageOn('2008-06-02', '2025-06-01')).toBe(16);
    expect(ageOn('2008-06-02', '2025-06-02')).toBe(17);
    expect(ageOn('2007-06-02', '2025-06-02')).toBe(18);
  });
  it('born on 29 Feb: 28 Feb in a common year is still the old age, 1 Mar the new', () => {
    expect(ageOn('2008-02-29', '2025-02-28')).toBe(16);
    expect(ageOn('2008-02-29', '2025-03-01')).toBe(17);
    expect(ageOn('2008-02-29', '2024-02-29')).toBe(16);
    expect(ageOn('2008-02-29', '2024-02-28')).toBe(15);
  });
  it('refuses under the council’s youngest age (never under 10) and 10–17 without a guardian', () => {
    const policies = [{ effectiveFrom: '2020-01-01', youngestAge: 10 }, { effectiveFrom: '2025-04-01', youngestAge: 16 }];
    const early = policyOn(policies, '2025-03-31');
    const later = policyOn(policies, '2025-04-01');
    expect(early.youngestAge).toBe(10);
    expect(later.youngestAge).toBe(16);
    // 9 the day before the 10th birthday.
    expect(offenderProblems(early, { dateOfBirth: '2015-03-31', guardian: 'Mother' }, '2025-03-30')[0]?.message).toBe('The offender was 9 on the day: the council issues fixed penalty notices only from age 10');
    expect(offenderProblems(early, { dateOfBirth: '2015-03-31', guardian: 'Mother' }, '2025-03-31')).toEqual([]);
    expect(offenderProblems(early, { dateOfBirth: '2015-03-31', guardian: ' ' }, '2025-03-31')).toEqual([{ path: 'offender.guardian', message: 'The offender was 10 on the day: record the parent or guardian' }]);
    expect(offenderProblems(later, { dateOfBirth: '2009-04-02', guardian: 'Father' }, '2025-04-01')[0]?.path).toBe('offender.dateOfBirth');
    expect(offenderProblems(later, { dateOfBirth: '2007-04-01', guardian: '' }, '2025-04-01')).toEqual([]);
    expect(offenderProblems({ effectiveFrom: '2020-01-01', youngestAge: 5 }, { dateOfBirth: '2016-01-01', guardian: 'x' }, '2025-01-01')[0]?.message).toMatch(/from age 10/);
    expect(offenderProblems(later, { dateOfBirth: null, guardian: '' }, '2025-04-01')).toEqual([]);
  });
  it('reference format', () => expect(formatFpnReference(2026, 123)).toBe('FPN-2026-000123'));
});

import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS_COVER, findBankHoliday, isBankHoliday, isUkBankHoliday, listBankHolidays } from './bankHolidays';

// The expected dates are the ones worked out by hand in the UK rules reference (§3.1 and §3.2):
// Easter Sunday 5 Apr 2026 and 28 Mar 2027; substitute days where a holiday falls on a weekend.

describe('England and Wales bank holidays', () => {
  it('are the eight days of 2026, with Boxing Day moved to Monday 28 December', () => {
    expect(listBankHolidays({ division: 'england-and-wales', from: '2026-01-01', to: '2026-12-31' }).map((h) => h.date)).toEqual([
      '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
    ]);
    expect(findBankHoliday('2026-12-28', 'england-and-wales')).toEqual({ date: '2026-12-28', title: 'Boxing Day', notes: 'Substitute day' });
  });

  it('include Good Friday and Easter Monday, and the 2025 and 2027 Christmas days', () => {
    for (const day of ['2025-04-18', '2025-04-21', '2027-03-26', '2027-03-29', '2025-12-25', '2025-12-26', '2027-12-27', '2027-12-28']) {
      expect(isBankHoliday(day, 'england-and-wales'), day).toBe(true);
    }
    expect(isBankHoliday('2027-04-02', 'england-and-wales')).toBe(false); // the wrong Good Friday some lists carry
    expect(isBankHoliday('2026-12-26', 'england-and-wales')).toBe(false); // a Saturday: the holiday is the Monday
    expect(isBankHoliday('2026-12-24', 'england-and-wales')).toBe(false);
  });

  it('leave out the other divisions’ days', () => {
    expect(isBankHoliday('2026-01-02', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('2026-03-17', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('2026-11-30', 'england-and-wales')).toBe(false);
  });
});

describe('the other divisions, kept for the FOI clock', () => {
  it('hold Scotland’s and Northern Ireland’s own days', () => {
    expect(isBankHoliday('2026-01-02', 'scotland')).toBe(true);
    expect(isBankHoliday('2026-08-03', 'scotland')).toBe(true);
    expect(isBankHoliday('2026-11-30', 'scotland')).toBe(true); // St Andrew's Day, Monday
    expect(isBankHoliday('2026-04-06', 'scotland')).toBe(false); // no Easter Monday in Scotland
    expect(isBankHoliday('2026-03-17', 'northern-ireland')).toBe(true);
    expect(isBankHoliday('2026-07-13', 'northern-ireland')).toBe(true); // 12 July is a Sunday
  });

  it('make a UK-wide day off of any division’s holiday', () => {
    expect(isUkBankHoliday('2026-01-02')).toBe(true);
    expect(isUkBankHoliday('2026-03-17')).toBe(true);
    expect(isUkBankHoliday('2026-04-06')).toBe(true);
    expect(isUkBankHoliday('2026-04-07')).toBe(false);
  });
});

describe('the copy’s cover', () => {
  it('is whole years, 2024 to 2027, and says nothing of days outside it', () => {
    expect(BANK_HOLIDAYS_COVER).toEqual({ from: '2024-01-01', to: '2027-12-31' });
    expect(isBankHoliday('2028-12-25', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('not a day', 'england-and-wales')).toBe(false);
  });

  it('lists every division’s days in date order, on weekdays only', () => {
    for (const division of ['england-and-wales', 'scotland', 'northern-ireland'] as const) {
      const days = listBankHolidays({ division, from: BANK_HOLIDAYS_COVER.from, to: BANK_HOLIDAYS_COVER.to }).map((h) => h.date);
      expect(days).toEqual([...days].sort());
      for (const day of days) expect([0, 6], `${division} ${day}`).not.toContain(new Date(`${day}T12:00:00Z`).getUTCDay());
    }
  });
});

import { describe, expect, it } from 'vitest';
import { BANK_HOLIDAYS_COVER, BANK_HOLIDAY_DIVISIONS, type BankHolidayDivision, findBankHoliday, isBankHoliday, isUkBankHoliday, listBankHolidays } from './bankHolidays';
import govUk from './gov-uk-bank-holidays.json';

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
  it('is whole years, 2018 to 2030, and says nothing of days outside it', () => {
    expect(BANK_HOLIDAYS_COVER).toEqual({ from: '2018-01-01', to: '2030-12-31' });
    expect(isBankHoliday('2017-12-25', 'england-and-wales')).toBe(false);
    expect(isBankHoliday('2031-01-01', 'england-and-wales')).toBe(false);
    expect(isUkBankHoliday('2031-12-25')).toBe(false);
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

// The whole copy, 2018–2030, checked against the dates the rules give (Banking and Financial
// Dealings Act 1971, Schedule 1, and the royal proclamations GOV.UK follows): Easter by the
// anonymous Gregorian algorithm, the first and last Mondays, and a weekend holiday moved to the next
// weekday that is not already one. The one-off days proclaimed in those years are listed by hand.

const day = (year: number, month: number, date: number) => new Date(Date.UTC(year, month - 1, date));
const iso = (d: Date) => d.toISOString().slice(0, 10);
const plusDays = (d: Date, n: number) => new Date(d.getTime() + n * 86_400_000);
const isWeekend = (d: Date) => d.getUTCDay() === 0 || d.getUTCDay() === 6;

/** Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
function easterSunday(year: number): Date {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  return day(year, month, ((h + l - 7 * m + 114) % 31) + 1);
}

function firstMonday(year: number, month: number): Date {
  const first = day(year, month, 1);
  return plusDays(first, (8 - first.getUTCDay()) % 7);
}

function lastMonday(year: number, month: number): Date {
  const last = day(year, month + 1, 0);
  return plusDays(last, -((last.getUTCDay() + 6) % 7));
}

interface RuleDay { date: string; title: string }

/** A division's bank holidays in a year by the statutory rules alone (no proclamations). */
function statutoryBankHolidays(year: number, division: BankHolidayDivision): RuleDay[] {
  const easter = easterSunday(year);
  const moving: [string, Date][] = [
    ['Good Friday', plusDays(easter, -2)],
    ...(division === 'scotland' ? [] : [['Easter Monday', plusDays(easter, 1)] as [string, Date]]),
    ['Early May bank holiday', firstMonday(year, 5)],
    ['Spring bank holiday', lastMonday(year, 5)],
    ['Summer bank holiday', division === 'scotland' ? firstMonday(year, 8) : lastMonday(year, 8)],
  ];
  const fixed: [string, Date][] = [
    ['New Year’s Day', day(year, 1, 1)],
    ...(division === 'scotland' ? [['2nd January', day(year, 1, 2)] as [string, Date]] : []),
    ...(division === 'northern-ireland' ? [['St Patrick’s Day', day(year, 3, 17)], ['Battle of the Boyne (Orangemen’s Day)', day(year, 7, 12)]] as [string, Date][] : []),
    ...(division === 'scotland' ? [['St Andrew’s Day', day(year, 11, 30)] as [string, Date]] : []),
    ['Christmas Day', day(year, 12, 25)],
    ['Boxing Day', day(year, 12, 26)],
  ];
  const taken = new Set(moving.map(([, d]) => iso(d)));
  const result = moving.map(([title, d]) => ({ date: iso(d), title }));
  for (const [title, natural] of fixed) {
    let d = natural;
    while (isWeekend(d) || taken.has(iso(d))) d = plusDays(d, 1); // the substitute day
    taken.add(iso(d));
    result.push({ date: iso(d), title });
  }
  return result.sort((x, y) => x.date.localeCompare(y.date));
}

/** The days proclaimed in 2018–2023 that the rules do not give, UK-wide (all three divisions). */
const PROCLAIMED: { why: string; instead: string[]; days: RuleDay[] }[] = [
  { why: 'VE Day 75: the Early May bank holiday moved to Friday', instead: ['2020-05-04'], days: [{ date: '2020-05-08', title: 'Early May bank holiday (VE day)' }] },
  {
    why: 'Platinum Jubilee: the Spring bank holiday moved to Thursday, and a Friday added',
    instead: ['2022-05-30'],
    days: [{ date: '2022-06-02', title: 'Spring bank holiday' }, { date: '2022-06-03', title: 'Platinum Jubilee bank holiday' }],
  },
  { why: 'State Funeral of Queen Elizabeth II', instead: [], days: [{ date: '2022-09-19', title: 'Bank Holiday for the State Funeral of Queen Elizabeth II' }] },
  { why: 'Coronation of King Charles III', instead: [], days: [{ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III' }] },
];

function expectedBankHolidays(year: number, division: BankHolidayDivision): RuleDay[] {
  const dropped = new Set(PROCLAIMED.flatMap((p) => p.instead));
  const added = PROCLAIMED.flatMap((p) => p.days).filter((d) => d.date.startsWith(`${year}-`));
  return [...statutoryBankHolidays(year, division).filter((d) => !dropped.has(d.date)), ...added].sort((x, y) => x.date.localeCompare(y.date));
}

/** The day a fixed-date holiday falls on before any substitution; undefined for the others. */
function naturalDay(title: string, year: number): string | undefined {
  const fixed: Record<string, string> = {
    'New Year’s Day': '01-01', '2nd January': '01-02', 'St Patrick’s Day': '03-17', 'Battle of the Boyne (Orangemen’s Day)': '07-12',
    'St Andrew’s Day': '11-30', 'Christmas Day': '12-25', 'Boxing Day': '12-26',
  };
  return fixed[title] && `${year}-${fixed[title]}`;
}

const DIVISIONS = Object.keys(BANK_HOLIDAY_DIVISIONS) as BankHolidayDivision[];
const YEARS = Array.from({ length: 13 }, (_, i) => 2018 + i);
const feed = govUk as Record<BankHolidayDivision, { division: string; events: { title: string; date: string; notes: string; bunting: boolean }[] }>;

describe('the rules the copy is checked against', () => {
  it('put Easter Sunday on the known dates', () => {
    expect([2018, 2019, 2020, 2021, 2022, 2023, 2024, 2025, 2026, 2027, 2028, 2029, 2030].map((y) => iso(easterSunday(y)))).toEqual([
      '2018-04-01', '2019-04-21', '2020-04-12', '2021-04-04', '2022-04-17', '2023-04-09', '2024-03-31',
      '2025-04-20', '2026-04-05', '2027-03-28', '2028-04-16', '2029-04-01', '2030-04-21',
    ]);
  });

  it('find the first and last Mondays, and move a weekend holiday to the next free weekday', () => {
    expect(iso(firstMonday(2028, 5))).toBe('2028-05-01'); // 1 May is itself a Monday
    expect(iso(lastMonday(2026, 8))).toBe('2026-08-31'); // so is 31 August
    expect(iso(firstMonday(2029, 5))).toBe('2029-05-07');
    expect(statutoryBankHolidays(2021, 'england-and-wales').slice(-2)).toEqual([
      { date: '2021-12-27', title: 'Christmas Day' }, { date: '2021-12-28', title: 'Boxing Day' }, // Saturday and Sunday
    ]);
    expect(statutoryBankHolidays(2028, 'scotland').slice(0, 2)).toEqual([
      { date: '2028-01-03', title: 'New Year’s Day' }, { date: '2028-01-04', title: '2nd January' }, // Saturday and Sunday
    ]);
  });
});

describe('every bank holiday from 2018 to 2030', () => {
  for (const division of DIVISIONS) {
    it(`in ${BANK_HOLIDAY_DIVISIONS[division]} is the rules' day or a proclaimed one, and no other`, () => {
      for (const year of YEARS) {
        const expected = expectedBankHolidays(year, division);
        const actual = listBankHolidays({ division, from: `${year}-01-01`, to: `${year}-12-31` });
        expect(actual.map((h) => h.date), `${division} ${year}`).toEqual(expected.map((h) => h.date));
        // Same holidays by name (GOV.UK sometimes names the two of a weekend pair the other way round).
        expect(actual.map((h) => h.title).sort(), `${division} ${year}`).toEqual(expected.map((h) => h.title).sort());
        for (const h of actual) {
          const natural = naturalDay(h.title, year);
          expect(h.notes, `${division} ${h.date} ${h.title}`).toBe(natural !== undefined && natural !== h.date ? 'Substitute day' : '');
        }
      }
    });
  }

  it('is kept in date order, one entry a day, in GOV.UK’s format', () => {
    for (const division of DIVISIONS) {
      expect(feed[division].division).toBe(division);
      const dates = feed[division].events.map((e) => e.date);
      expect(dates).toEqual([...new Set(dates)].sort());
      for (const e of feed[division].events) {
        expect(Object.keys(e), `${division} ${e.date}`).toEqual(['title', 'date', 'notes', 'bunting']);
        expect(e.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }
    }
  });

  it('holds the worked examples', () => {
    const substitute = (date: string, division: BankHolidayDivision, title: string) =>
      expect(findBankHoliday(date, division), `${division} ${date}`).toEqual({ date, title, notes: 'Substitute day' });
    substitute('2027-12-27', 'england-and-wales', 'Christmas Day');
    substitute('2027-12-28', 'england-and-wales', 'Boxing Day');
    substitute('2027-01-04', 'scotland', '2nd January'); // 2 January 2027 is a Saturday
    substitute('2025-12-01', 'scotland', 'St Andrew’s Day');
    substitute('2025-07-14', 'northern-ireland', 'Battle of the Boyne (Orangemen’s Day)');
    substitute('2026-07-13', 'northern-ireland', 'Battle of the Boyne (Orangemen’s Day)');
    for (const division of DIVISIONS) {
      expect(findBankHoliday('2023-05-08', division)).toEqual({ date: '2023-05-08', title: 'Bank holiday for the coronation of King Charles III', notes: '' });
      expect(isBankHoliday('2020-05-04', division)).toBe(false); // moved to Friday 8 May
      expect(isBankHoliday('2022-05-30', division)).toBe(false); // moved to Thursday 2 June
    }
  });
});

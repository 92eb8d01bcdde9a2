import govUk from './gov-uk-bank-holidays.json';

// UK bank holidays, from a copy of GOV.UK's feed kept in the repository (the product must run with
// no network): gov-uk-bank-holidays.json is https://www.gov.uk/bank-holidays.json in GOV.UK's own
// format (Open Government Licence v3.0), 2018–2030 for all three divisions:
// - 2018–2027 are GOV.UK's published entries (2024–2027 from the project's reference data, where they
//   came from the GOV.UK feed by way of a public mirror; 2018–2023 transcribed from public copies of
//   the GOV.UK feed as published in those years), with the proclaimed one-off days: VE Day 2020,
//   the Platinum Jubilee and the State Funeral of Queen Elizabeth II in 2022, the coronation of
//   King Charles III in 2023;
// - 2028–2030 are not GOV.UK's yet: they are computed from the Banking and Financial Dealings Act
//   1971 and Easter, with GOV.UK's usual substitute days, and know of no proclamation.
// Every year is checked against the dates the rules give, the one-off days listed by hand
// (bankHolidays.test.ts). To refresh it (gov.uk adds a year each autumn; a royal proclamation can
// add or move a day, as in 2022), replacing the computed years with GOV.UK's:
//   curl -fsS https://www.gov.uk/bank-holidays.json -o src/domain/calendar/gov-uk-bank-holidays.json
// then run the unit tests (the feed keeps only a few years: merge rather than lose years that
// past deadlines depend on). A day past the last year here is never a bank holiday: see
// BANK_HOLIDAYS_COVER.
//
// All three divisions are kept: working-day clocks in England & Wales (SAR, PCN, maintenance SLAs)
// skip England & Wales holidays only; the FOI Act's working day skips a bank holiday in any part
// of the UK (s.10(6)), hence isUkBankHoliday.

export const BANK_HOLIDAY_DIVISIONS = {
  'england-and-wales': 'England and Wales',
  scotland: 'Scotland',
  'northern-ireland': 'Northern Ireland',
} as const;
export type BankHolidayDivision = keyof typeof BANK_HOLIDAY_DIVISIONS;

export interface BankHoliday {
  /** YYYY-MM-DD, a London calendar day. */
  date: string;
  title: string;
  /** "Substitute day" where the holiday moved off a weekend; usually ''. */
  notes: string;
}

type Feed = Record<BankHolidayDivision, { division: string; events: BankHoliday[] }>;
const feed = govUk as Feed;

const byDivision = new Map<BankHolidayDivision, Map<string, BankHoliday>>(
  (Object.keys(BANK_HOLIDAY_DIVISIONS) as BankHolidayDivision[]).map((division) => [
    division,
    new Map(feed[division].events.map((e) => [e.date, { date: e.date, title: e.title, notes: e.notes }])),
  ]),
);

const allDays = [...byDivision.values()].flatMap((days) => [...days.keys()]).sort();

/** The London days the copy covers, whole years: outside them no day is known to be a bank holiday. */
export const BANK_HOLIDAYS_COVER = { from: `${allDays[0]!.slice(0, 4)}-01-01`, to: `${allDays[allDays.length - 1]!.slice(0, 4)}-12-31` } as const;

/** The bank holiday on a London day (YYYY-MM-DD) in a division, or undefined. */
export function findBankHoliday(day: string, division: BankHolidayDivision): BankHoliday | undefined {
  return byDivision.get(division)?.get(day);
}

/** Whether a London day (YYYY-MM-DD) is a bank holiday in a division ('england-and-wales' for most clocks). */
export function isBankHoliday(day: string, division: BankHolidayDivision): boolean {
  return byDivision.get(division)?.has(day) ?? false;
}

/** Whether a London day is a bank holiday anywhere in the UK: the FOI Act's working day (s.10(6)). */
export function isUkBankHoliday(day: string): boolean {
  return [...byDivision.values()].some((days) => days.has(day));
}

/** A division's bank holidays from `from` to `to` (YYYY-MM-DD, both included), in date order. */
export function listBankHolidays({ division, from, to }: { division: BankHolidayDivision; from: string; to: string }): BankHoliday[] {
  return [...(byDivision.get(division)?.values() ?? [])].filter((h) => h.date >= from && h.date <= to).sort((a, b) => a.date.localeCompare(b.date));
}

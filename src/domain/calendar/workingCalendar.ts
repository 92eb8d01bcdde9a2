import { BANK_HOLIDAY_DIVISIONS, BANK_HOLIDAYS_COVER, findBankHoliday, type BankHoliday, type BankHolidayDivision } from './bankHolidays';
import { isWeekend, weekdayOf } from './days';
import { yearsCovered } from './govUkFeed';

// The calendar a clock counts on. Three kinds of day stop a working-day clock, and which apply
// depends on the law behind it, so each clock names its rule:
// - 'england-and-wales': weekends and England & Wales bank holidays. SAR due dates move off these
//   ("a weekend or a public holiday", ICO), and so do PCN and FPN periods.
// - 'uk': weekends and a bank holiday in ANY part of the UK, with Christmas Day and Good Friday:
//   the FOI Act's working day (s.10(6)). A council's own closure ("privilege") days do not count.
// - 'local': 'england-and-wales' and the closure days the council's administrators add. Clocks the
//   council sets itself (complaints, members' enquiries, partner requests) follow its own office.
// Bank holidays come from the copy of GOV.UK's feed in the repository, overlaid year by year with
// any newer copy an administrator imported (`vigil calendar import`): an imported year replaces
// the built-in one whole, so a day a proclamation moved is moved, not doubled.

export const CALENDAR_RULES = {
  'england-and-wales': 'Weekends and England and Wales bank holidays',
  uk: 'Weekends and bank holidays in any part of the UK',
  local: 'Weekends, England and Wales bank holidays and council closure days',
} as const;
export type CalendarRule = keyof typeof CALENDAR_RULES;

export interface ClosureDay {
  /** YYYY-MM-DD. */
  day: string;
  reason: string;
}

export interface WorkingCalendarInput {
  /** Days from an imported GOV.UK file, by division; each year present replaces the built-in year. */
  imported?: Partial<Record<BankHolidayDivision, readonly BankHoliday[]>>;
  /** The council's own closure days. */
  closures?: readonly ClosureDay[];
}

export interface WorkingCalendar {
  /** The bank holiday on a day in a division, or undefined. */
  holidayOn(day: string, division: BankHolidayDivision): BankHoliday | undefined;
  /** Why a day is not a working day under a rule ("Saturday", "Boxing Day (Scotland)"), or undefined if it is one. */
  nonWorkingReason(day: string, rule: CalendarRule): string | undefined;
  isWorkingDay(day: string, rule: CalendarRule): boolean;
  /** The whole years for which bank holidays are known (after them, no day is known to be one). */
  cover: { from: string; to: string };
}

const DAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const DIVISIONS = Object.keys(BANK_HOLIDAY_DIVISIONS) as BankHolidayDivision[];

export function createWorkingCalendar({ imported = {}, closures = [] }: WorkingCalendarInput = {}): WorkingCalendar {
  const overlay = new Map<BankHolidayDivision, { years: Set<string>; days: Map<string, BankHoliday> }>();
  let from = BANK_HOLIDAYS_COVER.from;
  let to = BANK_HOLIDAYS_COVER.to;
  for (const division of DIVISIONS) {
    const days = imported[division] ?? [];
    if (!days.length) continue;
    overlay.set(division, { years: yearsCovered(days), days: new Map(days.map((d) => [d.date, d])) });
    const sorted = days.map((d) => d.date).sort();
    if (`${sorted[0]!.slice(0, 4)}-01-01` < from) from = `${sorted[0]!.slice(0, 4)}-01-01`;
    if (`${sorted[sorted.length - 1]!.slice(0, 4)}-12-31` > to) to = `${sorted[sorted.length - 1]!.slice(0, 4)}-12-31`;
  }
  const closed = new Map(closures.map((c) => [c.day, c.reason]));

  const holidayOn = (day: string, division: BankHolidayDivision): BankHoliday | undefined => {
    const o = overlay.get(division);
    if (o?.years.has(day.slice(0, 4))) return o.days.get(day);
    return findBankHoliday(day, division);
  };

  const nonWorkingReason = (day: string, rule: CalendarRule): string | undefined => {
    if (isWeekend(day)) return DAY_NAMES[weekdayOf(day)];
    const ew = holidayOn(day, 'england-and-wales');
    if (ew) return ew.title;
    if (rule === 'uk') {
      for (const division of DIVISIONS) {
        const h = holidayOn(day, division);
        if (h) return `${h.title} (${BANK_HOLIDAY_DIVISIONS[division]})`;
      }
      // Christmas Day and Good Friday are named in s.10(6) itself: always bank holidays in E&W
      // when on a weekday, so the feed already has them; nothing more to add here.
    }
    if (rule === 'local') {
      const reason = closed.get(day);
      if (reason !== undefined) return `Council closure: ${reason}`;
    }
    return undefined;
  };

  return {
    holidayOn,
    nonWorkingReason,
    isWorkingDay: (day, rule) => nonWorkingReason(day, rule) === undefined,
    cover: { from, to },
  };
}

/** The calendar with the repository's copy of the feed and no closure days. */
export const BUILT_IN_CALENDAR: WorkingCalendar = createWorkingCalendar();

import { z } from 'zod';
import { BANK_HOLIDAY_DIVISIONS, type BankHoliday, type BankHolidayDivision } from './bankHolidays';
import { isValidDay } from './london';

// GOV.UK's bank holidays feed (https://www.gov.uk/bank-holidays.json) as it is published: one
// object for each division, each with its events. `vigil calendar import FILE` reads a newer copy
// with this schema, so that a royal proclamation (an extra day, a day moved) reaches every clock
// without a new release.

const event = z.object({
  title: z.string().trim().min(1, 'Each event needs a title').max(200),
  date: z.string().refine(isValidDay, 'Each event needs a date written YYYY-MM-DD'),
  notes: z.string().max(200).default(''),
  bunting: z.boolean().optional(),
});

const division = z.object({ division: z.string(), events: z.array(event).max(2000) });

export const GovUkFeed = z.object({
  'england-and-wales': division,
  scotland: division,
  'northern-ireland': division,
}, { message: 'This is not GOV.UK’s bank holidays file: it needs "england-and-wales", "scotland" and "northern-ireland", each with its events' });

export type ImportedHolidays = Record<BankHolidayDivision, BankHoliday[]>;

/** A GOV.UK feed's days by division, or the reasons it is not one. */
export function parseGovUkFeed(json: unknown): { ok: true; holidays: ImportedHolidays } | { ok: false; problems: string[] } {
  const parsed = GovUkFeed.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((i) => `${i.path.join('.') || 'file'}: ${i.message}`) };
  const holidays = {} as ImportedHolidays;
  const problems: string[] = [];
  for (const key of Object.keys(BANK_HOLIDAY_DIVISIONS) as BankHolidayDivision[]) {
    const seen = new Set<string>();
    holidays[key] = parsed.data[key].events.map((e) => ({ date: e.date, title: e.title, notes: e.notes })).sort((a, b) => a.date.localeCompare(b.date));
    for (const e of holidays[key]) {
      if (seen.has(e.date)) problems.push(`${key}: ${e.date} is listed twice`);
      seen.add(e.date);
    }
  }
  return problems.length ? { ok: false, problems } : { ok: true, holidays };
}

/** The whole years a set of imported days speaks for, by division: an import replaces those years. */
export function yearsCovered(holidays: readonly BankHoliday[]): Set<string> {
  return new Set(holidays.map((h) => h.date.slice(0, 4)));
}

import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { BankHoliday, BankHolidayDivision } from '../../../../domain/calendar/bankHolidays';

// The calendar's SQL: bank holidays imported from a newer GOV.UK file, and closure days.

export async function listImportedHolidays(db: Db): Promise<Record<BankHolidayDivision, BankHoliday[]>> {
  const rows = await db.selectFrom('calendar_bank_holidays').select(['division', sql<string>`day::text`.as('day'), 'title', 'notes']).orderBy('day').execute();
  const out: Record<BankHolidayDivision, BankHoliday[]> = { 'england-and-wales': [], scotland: [], 'northern-ireland': [] };
  for (const r of rows) out[r.division as BankHolidayDivision].push({ date: r.day, title: r.title, notes: r.notes });
  return out;
}

export async function listClosureDays(db: Db) {
  const rows = await db.selectFrom('calendar_closure_days').select(['id', sql<string>`day::text`.as('day'), 'reason']).where('removed_at', 'is', null).orderBy('day').execute();
  return rows;
}

/** Replaces the imported days of the given years in a division with `days`. */
export async function replaceYears(db: Db, { division, years, days, by, at }: { division: BankHolidayDivision; years: string[]; days: BankHoliday[]; by: string | null; at: Date }) {
  for (const year of years) {
    await db.deleteFrom('calendar_bank_holidays').where('division', '=', division).where(sql<boolean>`extract(year from day) = ${Number(year)}`).execute();
  }
  if (days.length) {
    await db.insertInto('calendar_bank_holidays').values(days.map((d) => ({ division, day: d.date, title: d.title, notes: d.notes, imported_at: at, imported_by: by }))).execute();
  }
}

export const insertImport = (db: Db, row: { sha256: string; years: unknown; days: number; imported_by: string | null; imported_at: Date }) =>
  db.insertInto('calendar_imports').values({ ...row, years: JSON.stringify(row.years) }).returning('id').executeTakeFirstOrThrow();

export const insertClosureDay = (db: Db, row: { day: string; reason: string; added_by: string; added_at: Date }) =>
  db.insertInto('calendar_closure_days').values(row).onConflict((oc) => oc.column('day').where('removed_at', 'is', null).doNothing()).returning('id').executeTakeFirst();

export const removeClosureDay = (db: Db, { id, by, at }: { id: string; by: string; at: Date }) =>
  db.updateTable('calendar_closure_days').set({ removed_by: by, removed_at: at }).where('id', '=', id).where('removed_at', 'is', null).returning(['id', sql<string>`day::text`.as('day'), 'reason']).executeTakeFirst();

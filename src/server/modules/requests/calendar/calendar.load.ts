import type { Db } from '../../../platform/db/db';
import { createWorkingCalendar, type WorkingCalendar } from '../../../../domain/calendar/workingCalendar';
import * as repo from './calendar.repository';

/** The calendar every clock counts on now: the built-in holidays overlaid with imported years, and the closure days. */
export async function loadCalendar(db: Db): Promise<WorkingCalendar> {
  const [imported, closures] = await Promise.all([repo.listImportedHolidays(db), repo.listClosureDays(db)]);
  return createWorkingCalendar({ imported, closures });
}

/** The same, as the web app is sent it to build the same calendar. */
export async function loadCalendarData(db: Db) {
  const [imported, closures] = await Promise.all([repo.listImportedHolidays(db), repo.listClosureDays(db)]);
  return { imported, closures, cover: createWorkingCalendar({ imported }).cover };
}

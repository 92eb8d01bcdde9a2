import { createHash } from 'node:crypto';
import type { Deps } from '../../../platform/deps';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { validationFailed, AppError, notFound } from '../../../platform/http/errors';
import { londonDay } from '../../../../domain/calendar/london';
import { BANK_HOLIDAY_DIVISIONS, type BankHolidayDivision } from '../../../../domain/calendar/bankHolidays';
import { parseGovUkFeed, yearsCovered } from '../../../../domain/calendar/govUkFeed';
import { refreshOpenDueDates } from '../register/register.usecases';
import { loadCalendar, loadCalendarData } from './calendar.load';
import * as repo from './calendar.repository';

// Changing the calendar the clocks count on: a newer GOV.UK file imported (each year it lists
// replaces that year), a council closure day added or removed. Each is one transaction that also
// works out again the due date of every open request, so no list shows a date the calendar no
// longer gives.

export interface CalendarActor { audit: AuditActor; userId: string | null }

async function afterChange(deps: Deps, db: Parameters<typeof loadCalendar>[0]) {
  return refreshOpenDueDates(db, { calendar: await loadCalendar(db), today: londonDay(deps.clock.now()) });
}

export const getCalendarData = (deps: Deps) => loadCalendarData(deps.db);

/** Imports a GOV.UK bank-holidays file (its text). Refused whole, with the reasons, if it is not one. */
export async function importBankHolidays(deps: Deps, { actor, text }: { actor: CalendarActor; text: string }) {
  let json: unknown;
  try { json = JSON.parse(text); } catch { throw validationFailed([{ path: 'file', message: 'This file is not JSON: download https://www.gov.uk/bank-holidays.json and import that' }]); }
  const feed = parseGovUkFeed(json);
  if (!feed.ok) throw validationFailed(feed.problems.slice(0, 20).map((message) => ({ path: 'file', message })));
  const sha256 = createHash('sha256').update(text).digest('hex');
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const years: Record<string, string[]> = {};
    let days = 0;
    for (const division of Object.keys(BANK_HOLIDAY_DIVISIONS) as BankHolidayDivision[]) {
      const list = feed.holidays[division];
      years[division] = [...yearsCovered(list)].sort();
      days += list.length;
      await repo.replaceYears(trx, { division, years: years[division], days: list, by: actor.userId, at: now });
    }
    await repo.insertImport(trx, { sha256, years, days, imported_by: actor.userId, imported_at: now });
    const { changed } = await afterChange(deps, trx);
    await recordAudit(trx, actor.audit, { action: 'calendar.bank-holidays-imported', recordType: 'calendar', details: { sha256, years, days, dueDatesChanged: changed } });
    return { years, days, dueDatesChanged: changed };
  });
}

export async function addClosureDay(deps: Deps, { actor, day, reason }: { actor: CalendarActor & { userId: string }; day: string; reason: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const made = await repo.insertClosureDay(trx, { day, reason, added_by: actor.userId, added_at: deps.clock.now() });
    if (!made) throw new AppError({ code: 'calendar.closure_exists', status: 409, message: `${day} is already a closure day.` });
    const { changed } = await afterChange(deps, trx);
    await recordAudit(trx, actor.audit, { action: 'calendar.closure-added', recordType: 'calendar_closure_day', recordId: made.id, details: { day, reason, dueDatesChanged: changed } });
    return { id: made.id, day, reason, dueDatesChanged: changed };
  });
}

export async function removeClosureDay(deps: Deps, { actor, id }: { actor: CalendarActor & { userId: string }; id: string }) {
  return deps.db.transaction().execute(async (trx) => {
    const gone = await repo.removeClosureDay(trx, { id, by: actor.userId, at: deps.clock.now() });
    if (!gone) throw notFound({ what: 'closure day' });
    const { changed } = await afterChange(deps, trx);
    await recordAudit(trx, actor.audit, { action: 'calendar.closure-removed', recordType: 'calendar_closure_day', recordId: id, details: { day: gone.day, reason: gone.reason, dueDatesChanged: changed } });
    return { ...gone, dueDatesChanged: changed };
  });
}

import type { BankHolidayDivision, BankHoliday } from '../../../domain/calendar/bankHolidays';
import { createWorkingCalendar, type WorkingCalendar } from '../../../domain/calendar/workingCalendar';
import { describeClock, requestClock, type RequestClock, type RequestClockCase } from '../../../domain/requests/clock';
import type { CalendarData, RequestDetail } from '../../../domain/requests/contract';

// The request page works the due date out itself, with the same function and the same calendar the
// server uses, from what the request holds: so the date shown is the rule's, not a copied field.

/** The council's calendar as the server sent it: built-in bank holidays, imported years, closure days. */
export function calendarOf(data: CalendarData): WorkingCalendar {
  return createWorkingCalendar({
    imported: data.imported as Partial<Record<BankHolidayDivision, readonly BankHoliday[]>>,
    closures: data.closures.map((c) => ({ day: c.day, reason: c.reason })),
  });
}

/** The case the clock is worked out from, as the request's page has it. */
export function clockCaseOf(r: Pick<RequestDetail, 'type' | 'receivedOn' | 'stageReceivedOn' | 'complaintStage' | 'extended' | 'isDataProtectionComplaint' | 'pauses' | 'clockCase' | 'closedAt'>): RequestClockCase {
  return {
    type: r.type, receivedOn: r.receivedOn, stageReceivedOn: r.stageReceivedOn, stage: r.complaintStage,
    extended: r.extended, isDataProtectionComplaint: r.isDataProtectionComplaint,
    pauses: r.pauses.map((p) => ({ from: p.from, to: p.to })), policy: r.clockCase.policy, closed: r.closedAt !== null,
  };
}

export type PageClock = RequestClock & { label: string };

/** The request's clock on `today` (a London day), worked out here: due date, days left, its working, and its label. */
export function clockOnPage(r: Parameters<typeof clockCaseOf>[0], { calendar, today }: { calendar: CalendarData | WorkingCalendar; today: string }): PageClock {
  const cal = 'isWorkingDay' in calendar ? calendar : calendarOf(calendar);
  const clock = requestClock(clockCaseOf(r), { calendar: cal, today });
  return { ...clock, label: describeClock(clock) };
}

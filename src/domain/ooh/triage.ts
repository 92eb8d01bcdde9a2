import { londonDay, londonWallClock } from '../calendar/london';
import { addDays } from '../calendar/days';
import { BUILT_IN_CALENDAR, type WorkingCalendar } from '../calendar/workingCalendar';

// The response a call's priority needs, and the instant it is needed by. "Within N minutes" counts
// from when the call was received, through nights, weekends and clock changes alike (an instant
// plus minutes). "Next working day" is 10:00 London time on the first England and Wales working
// day after the London day the call came in on: a Friday-night call to the day service is due on
// Monday at 10:00, or on Tuesday after a bank holiday Monday.

export type OohResponse = { kind: 'within'; minutes: number } | { kind: 'next_working_day' };

export const NEXT_WORKING_DAY_HOUR = 10;

/** The first England and Wales working day after a London day. */
export function nextWorkingDay(day: string, calendar: WorkingCalendar = BUILT_IN_CALENDAR): string {
  let d = addDays(day, 1);
  while (!calendar.isWorkingDay(d, 'england-and-wales')) d = addDays(d, 1);
  return d;
}

/** When a call received at `receivedAt` must have had the response its priority needs. */
export function responseBy(receivedAt: Date, response: OohResponse, calendar: WorkingCalendar = BUILT_IN_CALENDAR): Date {
  if (response.kind === 'within') return new Date(receivedAt.getTime() + response.minutes * 60_000);
  return londonWallClock(nextWorkingDay(londonDay(receivedAt), calendar), { hour: NEXT_WORKING_DAY_HOUR })!;
}

/** "Within 1 hour", "Within 24 hours", "Within 90 minutes", "By 10:00 on the next working day". */
export function describeResponse(response: OohResponse): string {
  if (response.kind === 'next_working_day') return `By ${NEXT_WORKING_DAY_HOUR}:00 on the next working day`;
  const m = response.minutes;
  if (m % 60 === 0) return `Within ${m / 60} hour${m === 60 ? '' : 's'}`;
  return `Within ${m} minutes`;
}

/** Whether the response time has passed without the call being dealt with. */
export const responseOverdue = (responseByAt: Date, now: Date) => now.getTime() > responseByAt.getTime();

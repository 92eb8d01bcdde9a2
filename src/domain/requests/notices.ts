import { addDays, weekdayOf } from '../calendar/days';
import { londonDay, londonParts } from '../calendar/london';
import type { CalendarRule, WorkingCalendar } from '../calendar/workingCalendar';
import { FLOWS, type RequestType } from './workflow';

// Which e-mails the requests' clocks call for, decided here and sent by the server's notices job:
// a reminder to the owner five working days before the due date, a notice to the owner once the
// due date has passed with the request open, and a weekly summary for the coordinators. Each has a
// key; the server sends it once per key, so a due date that moves (a stopped clock, an extension)
// is a new key with reminders of its own.

/** Working days before the due date at which the owner is reminded. */
export const REMINDER_WORKING_DAYS = 5;

/** The working calendar a request's clock counts on: FOI UK-wide, SAR England and Wales, the rest the council's own. */
export function calendarRuleFor(type: RequestType): CalendarRule {
  const clock = FLOWS[type].clock;
  return clock === 'foi' ? 'uk' : clock === 'sar' ? 'england-and-wales' : 'local';
}

/** The day the reminder is due: the fifth working day (on the request's rule) before `dueOn`. */
export function reminderDayFor({ dueOn, type, calendar }: { dueOn: string; type: RequestType; calendar: WorkingCalendar }): string {
  const rule = calendarRuleFor(type);
  let day = dueOn;
  for (let counted = 0, guard = 0; counted < REMINDER_WORKING_DAYS; guard++) {
    if (guard > 400) throw new RangeError('No working days in the year before the due date');
    day = addDays(day, -1);
    if (calendar.isWorkingDay(day, rule)) counted++;
  }
  return day;
}

export interface NoticeCandidate {
  id: string;
  type: RequestType;
  /** null while the clock is stopped. */
  dueOn: string | null;
  closed: boolean;
  paused: boolean;
}

export type ReminderKind = 'due_soon' | 'breached';
export interface Reminder { requestId: string; kind: ReminderKind; dueOn: string; key: string }

export const noticeKeys = {
  dueSoon: (requestId: string, dueOn: string) => `due_soon:${requestId}:${dueOn}`,
  breached: (requestId: string, dueOn: string) => `breached:${requestId}:${dueOn}`,
  weekly: (week: IsoWeek, userId: string) => `weekly:${isoWeekLabel(week)}:${userId}`,
};

/**
 * The reminders due on `today` for the requests given: `breached` from the day after the due date
 * (only that, never a late `due_soon` as well); `due_soon` from the fifth working day before it up
 * to the due date itself, so a run missed on the day still reminds. None for a closed request or
 * one whose clock is stopped.
 */
export function remindersDue(requests: readonly NoticeCandidate[], { today, calendar }: { today: string; calendar: WorkingCalendar }): Reminder[] {
  const due: Reminder[] = [];
  for (const r of requests) {
    if (r.closed || r.paused || !r.dueOn) continue;
    if (today > r.dueOn) due.push({ requestId: r.id, kind: 'breached', dueOn: r.dueOn, key: noticeKeys.breached(r.id, r.dueOn) });
    else if (today >= reminderDayFor({ dueOn: r.dueOn, type: r.type, calendar })) due.push({ requestId: r.id, kind: 'due_soon', dueOn: r.dueOn, key: noticeKeys.dueSoon(r.id, r.dueOn) });
  }
  return due;
}

export interface IsoWeek { year: number; week: number }

/** The ISO 8601 week of a day (weeks begin on Monday; week 1 holds the year's first Thursday). */
export function isoWeekOf(day: string): IsoWeek {
  const weekday = weekdayOf(day) === 0 ? 7 : weekdayOf(day); // Monday 1 … Sunday 7
  const thursday = addDays(day, 4 - weekday);
  const year = Number(thursday.slice(0, 4));
  const week = Math.floor((Number(new Date(`${thursday}T00:00:00Z`)) - Number(new Date(`${year}-01-01T00:00:00Z`))) / 86_400_000 / 7) + 1;
  return { year, week };
}

export const isoWeekLabel = ({ year, week }: IsoWeek) => `${year}-W${String(week).padStart(2, '0')}`;

/** Hour (London) on Monday from which the week's summary goes. */
export const WEEKLY_SUMMARY_HOUR = 7;

/**
 * The ISO week whose summary is due at `now`: from Monday 07:00 London to the end of Sunday, so the
 * first run after Monday 07:00 sends it (a server down on Monday sends it on Tuesday); before that
 * on Monday, none.
 */
export function weeklySummaryWeek(now: Date): IsoWeek | null {
  const day = londonDay(now);
  if (weekdayOf(day) === 1 && londonParts(now).hour < WEEKLY_SUMMARY_HOUR) return null;
  return isoWeekOf(day);
}

export interface SummaryRow { type: RequestType; dueOn: string | null; paused: boolean }
export interface WeeklySummary {
  open: number;
  byType: { type: RequestType; open: number }[];
  overdue: number;
  /** Due from today to seven days on, both counted. */
  dueNext7Days: number;
  paused: number;
}

/** The coordinators' weekly figures from the open requests. */
export function weeklySummary(open: readonly SummaryRow[], today: string): WeeklySummary {
  const week = addDays(today, 7);
  const counts = new Map<RequestType, number>();
  for (const r of open) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return {
    open: open.length,
    byType: (Object.keys(FLOWS) as RequestType[]).filter((t) => counts.has(t)).map((type) => ({ type, open: counts.get(type)! })),
    overdue: open.filter((r) => !r.paused && r.dueOn !== null && r.dueOn < today).length,
    dueNext7Days: open.filter((r) => !r.paused && r.dueOn !== null && r.dueOn >= today && r.dueOn <= week).length,
    paused: open.filter((r) => r.paused).length,
  };
}

import { addDays } from '../calendar/days';
import type { CalendarRule, WorkingCalendar } from '../calendar/workingCalendar';
import { isPausedOn } from './pauses';

/**
 * The `n`th working day after `from` under a rule, skipping days inside a pause: the FOI Act's
 * "twentieth working day following the date of receipt", and every local working-day clock. The
 * day of receipt itself never counts, working day or not. n = 0 gives `from`.
 */
export function nthWorkingDayAfter({ from, n, rule, calendar, pauses = [] }: {
  from: string; n: number; rule: CalendarRule; calendar: WorkingCalendar; pauses?: readonly { from: string; to: string }[];
}): string {
  let day = from;
  let counted = 0;
  for (let guard = 0; counted < n; guard++) {
    if (guard > 20_000) throw new RangeError('A working-day clock ran past fifty years: check the pauses');
    day = addDays(day, 1);
    if (calendar.isWorkingDay(day, rule) && !isPausedOn(day, pauses)) counted++;
  }
  return day;
}

/** The first working day on or after `day`. */
export function workingDayOnOrAfter({ day, rule, calendar }: { day: string; rule: CalendarRule; calendar: WorkingCalendar }): string {
  let d = day;
  for (let guard = 0; !calendar.isWorkingDay(d, rule); guard++) {
    if (guard > 366) throw new RangeError('No working day within a year');
    d = addDays(d, 1);
  }
  return d;
}

/** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`. */
export function workingDaysBetween({ from, to, rule, calendar }: { from: string; to: string; rule: CalendarRule; calendar: WorkingCalendar }): number {
  if (to === from) return 0;
  const [a, b, sign] = to > from ? [from, to, 1] : [to, from, -1];
  let n = 0;
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (calendar.isWorkingDay(d, rule)) n++;
  return n * sign;
}

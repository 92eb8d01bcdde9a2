import { londonParts } from '../../../../domain/calendar/london';

// Pure formatting for the team leader's pages.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2026-03" -> "March 2026"; the text itself if it is not a month. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  const name = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && name ? `${name} ${m[1]}` : month;
}

/** The London month at `now` and the 11 before it, newest first, as YYYY-MM. */
export function lastMonths(now: Date, count = 12): string[] {
  const { year, month } = londonParts(now);
  return Array.from({ length: count }, (_, i) => {
    const index = year * 12 + (month - 1) - i;
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

/** Minutes as hours and minutes: 0 -> "0 h", 90 -> "1 h 30 min", 45 -> "45 min", -30 -> "−30 min". */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '−' : '';
  const abs = Math.abs(Math.round(minutes));
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  if (h === 0 && m === 0) return '0 h';
  return sign + [h ? `${h} h` : '', m ? `${m} min` : ''].filter(Boolean).join(' ');
}

/** Minutes as decimal hours to the quarter that contracts are written in: 90 -> "1.5", 100 -> "1.67". */
export function formatHours(minutes: number): string {
  return String(Math.round((minutes / 60) * 100) / 100);
}

/** A plural count: (1, 'record') -> "1 record", (3, 'record') -> "3 records". */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

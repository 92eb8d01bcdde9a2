import { londonDayStart } from '../calendar/london';

// A report period: a calendar month in Europe/London, as the half-open interval of instants
// [from, to). Its length is real elapsed time, so a month with a clock change is an hour
// shorter (March: 743 hours) or longer (October: 745 hours) than its days suggest.

export interface Period {
  /** The first instant in the period. */
  from: Date;
  /** The first instant after it. */
  to: Date;
}

export const HOUR_MS = 3_600_000;
export const MINUTE_MS = 60_000;

/** "2026-10" -> from midnight on 1 October to midnight on 1 November, London time; undefined if not a month. */
export function londonMonth(month: string): Period | undefined {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  if (!match) return undefined;
  const [year, m] = [Number(match[1]), Number(match[2])];
  if (m < 1 || m > 12) return undefined;
  const next = m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
  const from = londonDayStart(`${month}-01`);
  const to = londonDayStart(`${next}-01`);
  return from && to ? { from, to } : undefined;
}

/** The real elapsed hours in a period (745 in October, 743 in March). */
export const hoursIn = ({ from, to }: Period): number => Math.max(0, to.getTime() - from.getTime()) / HOUR_MS;

/** Whether an instant falls in the period (from inclusive, to exclusive). */
export const isWithin = (at: Date, { from, to }: Period): boolean => at.getTime() >= from.getTime() && at.getTime() < to.getTime();

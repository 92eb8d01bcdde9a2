// Calendar-day arithmetic on London days written YYYY-MM-DD. A "day" here is a date, not an
// instant: no time zone enters (the London day of an instant is londonDay in london.ts), so the
// arithmetic is done on UTC midnights, where every day is 24 hours long.

const DAY_MS = 86_400_000;

function toUtc(day: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`Not a day (YYYY-MM-DD): "${day}"`);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = Date.UTC(y, m - 1, d);
  const check = new Date(t);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) throw new RangeError(`No such day: "${day}"`);
  return t;
}

const fromUtc = (t: number): string => new Date(t).toISOString().slice(0, 10);

/** The day `n` days after `day` (before it where n is negative). */
export function addDays(day: string, n: number): string {
  return fromUtc(toUtc(day) + n * DAY_MS);
}

/** How many days from `a` to `b`: 0 for the same day, negative where b is before a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / DAY_MS);
}

/** 0 Sunday … 6 Saturday. */
export function weekdayOf(day: string): number {
  return new Date(toUtc(day)).getUTCDay();
}

export const isWeekend = (day: string): boolean => {
  const w = weekdayOf(day);
  return w === 0 || w === 6;
};

/**
 * The corresponding date `months` calendar months later; where that month has no such date (the
 * 31st, or the 29th–31st into February), its last day: 31 January + 1 month = 28 (or 29) February.
 */
export function addMonthsClamped(day: string, months: number): string {
  const t = new Date(toUtc(day));
  const y = t.getUTCFullYear();
  const m = t.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(y, m, Math.min(t.getUTCDate(), lastDay)));
}

/** The later of two days. */
export const laterDay = (a: string, b: string): string => (a >= b ? a : b);

/** "Thu 25 Dec 2025": the short form the deadline explanations use. */
export function describeDay(day: string): string {
  const t = new Date(toUtc(day));
  const names = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return `${names[t.getUTCDay()]} ${t.getUTCDate()} ${months[t.getUTCMonth()]} ${t.getUTCFullYear()}`;
}

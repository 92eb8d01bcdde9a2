import { TZDate } from '@date-fns/tz';

// Europe/London wall-clock time: the one place the server, the PDFs, the web app and the demo seed
// turn instants into what people read and London days into instants. Instants are stored in UTC;
// people live by the clock on the wall, an hour ahead (BST) from late March to late October. Days
// are "YYYY-MM-DD" strings; the clocks change at 01:00 UTC, so a London day is 23, 24 or 25 hours.

export const LONDON = 'Europe/London';

/** The instant as a London date: date-fns functions on it (startOfDay, set, addDays, getHours) work in London time. */
export const inLondon = (at: Date | number): TZDate => new TZDate(at instanceof Date ? at.getTime() : at, LONDON);

const london = (options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat('en-GB', { timeZone: LONDON, ...options });
const dateTimeFormat = london({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateTimeSecondsFormat = london({ day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const timestampFormat = london({ day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
const timeFormat = london({ hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const dateFormat = london({ day: 'numeric', month: 'long', year: 'numeric' });
const partsFormat = london({ year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

type Instant = string | Date | number | null | undefined;

function valid(value: Instant): Date | undefined {
  if (value === null || value === undefined || value === '') return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

const formatWith = (format: Intl.DateTimeFormat) => (value: Instant): string => {
  const date = valid(value);
  return date ? format.format(date) : '';
};

/** "23 Nov 2025, 14:05" (or "…14:05:09" with seconds) in London time; '' for no or an invalid date. */
export function formatDateTime(value: Instant, { seconds = false } = {}): string {
  return formatWith(seconds ? dateTimeSecondsFormat : dateTimeFormat)(value);
}

/** "23/11/2025, 14:05:09" in London time: documents and exports, where every second and digit counts. */
export const formatTimestamp = formatWith(timestampFormat);

/** "14:05" in London time. */
export const formatTime = formatWith(timeFormat);

/** "23 November 2025": the London calendar day of an instant. */
export const formatDate = formatWith(dateFormat);

/** The London wall clock at an instant. */
export function londonParts(at: Date) {
  const parts = partsFormat.formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The calendar year in the UK at that instant (a year starts at midnight on 1 January, London time). */
export const londonYear = (at: Date): number => londonParts(at).year;

const pad = (n: number) => String(n).padStart(2, '0');

/** The London day of an instant, as YYYY-MM-DD. */
export function londonDay(at: Date = new Date()): string {
  const p = londonParts(at);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function parseDay(day: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return [y, m, d];
}

export function isValidDay(day: string): boolean {
  return parseDay(day) !== undefined;
}

/**
 * The instant a London wall-clock time happens on a day (YYYY-MM-DD). In the hour the clocks skip
 * (01:00–01:59 on the last Sunday of March) it is the instant an hour later on the wall; in the hour
 * that happens twice (the last Sunday of October) it is the second, GMT, one.
 */
export function londonWallClock(day: string, { hour = 0, minute = 0, second = 0 }: { hour?: number; minute?: number; second?: number } = {}): Date | undefined {
  const parsed = parseDay(day);
  if (!parsed) return undefined;
  return new Date(new TZDate(parsed[0], parsed[1] - 1, parsed[2], hour, minute, second, LONDON).getTime());
}

/** The instant a London day (YYYY-MM-DD) begins. */
export const londonDayStart = (day: string): Date | undefined => londonWallClock(day);

/** The London day before `day` (YYYY-MM-DD). */
export function londonDayBefore(day: string): string | undefined {
  const parsed = parseDay(day);
  if (!parsed) return undefined;
  return new Date(Date.UTC(parsed[0], parsed[1] - 1, parsed[2] - 1)).toISOString().slice(0, 10);
}

/** The instant the London day after `day` (YYYY-MM-DD) begins: the end of `day`, for an exclusive `to`. */
export function londonDayAfter(day: string): Date | undefined {
  const parsed = parseDay(day);
  if (!parsed) return undefined;
  const next = new Date(Date.UTC(parsed[0], parsed[1] - 1, parsed[2] + 1));
  return londonDayStart(next.toISOString().slice(0, 10));
}

/** "1/11/2026", "01-11-2026", "1 11 2026" or "2026-11-01" -> "2026-11-01"; undefined if not a real date. */
export function parseUkDate(text: string): string | undefined {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const uk = /^(\d{1,2})[/.\- ]+(\d{1,2})[/.\- ]+(\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : uk ? [uk[3], uk[2], uk[1]] : [];
  if (!y || !m || !d) return undefined;
  const day = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidDay(day) ? day : undefined;
}

/** "2026-11-01" -> "1/11/2026". */
export function formatUkDay(day: string | undefined): string {
  const match = day ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(day) : null;
  return match ? `${Number(match[3])}/${Number(match[2])}/${match[1]}` : day ?? '';
}

/** An instant as a date-and-time field shows it: "23/11/2026 14:05" in London time. */
export function formatUkDateTimeInput(value: Date | string): string {
  const p = londonParts(new Date(value));
  return `${p.day}/${p.month}/${p.year} ${pad(p.hour)}:${pad(p.minute)}`;
}

// Europe/London dates and times for display and for turning a London day into instants.

const TZ = 'Europe/London';

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false,
});
const dateTimeSecondsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});
const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hour12: false });
const dateFormat = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, day: 'numeric', month: 'long', year: 'numeric' });

function valid(value: string | Date | null | undefined): Date | undefined {
  if (!value) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** "23 Nov 2025, 14:05" in London time. */
export function formatDateTime(value: string | Date | null | undefined, { seconds = false } = {}): string {
  const date = valid(value);
  if (!date) return '';
  return (seconds ? dateTimeSecondsFormat : dateTimeFormat).format(date);
}

/** "14:05" in London time. */
export function formatTime(value: string | Date | number): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}

/** "23 November 2025" in London time. */
export function formatDate(value: string | Date | null | undefined): string {
  const date = valid(value);
  return date ? dateFormat.format(date) : '';
}

/** Minutes London is ahead of UTC at an instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 60_000);
}

function parseDay(day: string): [number, number, number] | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return undefined;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const check = new Date(Date.UTC(y, m - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return undefined;
  return [y, m, d];
}

/** The instant a London day (YYYY-MM-DD) begins. */
export function londonDayStart(day: string): Date | undefined {
  const parsed = parseDay(day);
  if (!parsed) return undefined;
  const utcMidnight = Date.UTC(parsed[0], parsed[1] - 1, parsed[2]);
  // Midnight London is never inside a clock change (they happen at 01:00 UTC), so one correction is enough.
  const offset = londonOffsetMinutes(new Date(utcMidnight));
  return new Date(utcMidnight - offset * 60_000);
}

/** The instant the London day after `day` (YYYY-MM-DD) begins: the end of `day`, for an exclusive `to`. */
export function londonDayAfter(day: string): Date | undefined {
  const parsed = parseDay(day);
  if (!parsed) return undefined;
  const next = new Date(Date.UTC(parsed[0], parsed[1] - 1, parsed[2] + 1));
  return londonDayStart(next.toISOString().slice(0, 10));
}

export function isValidDay(day: string): boolean {
  return parseDay(day) !== undefined;
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

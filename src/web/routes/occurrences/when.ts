import { parseUkDate } from '../../lib/time';

// Date and time fields typed as text, the UK way: "23/11/2026 14:05", or just "14:05" for today.

const TZ = 'Europe/London';

const partsFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
});

function londonParts(at: Date) {
  const parts = partsFormat.formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/** The London day today, as YYYY-MM-DD. */
export function londonToday(now = new Date()): string {
  const p = londonParts(now);
  return `${p.year}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}

/** The instant of a London wall-clock time. */
function londonInstant(day: string, hour: number, minute: number): Date {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d, hour, minute);
  // London is UTC or UTC+1: correct by the offset at the guess, then check once more.
  const offsetAt = (t: number) => {
    const p = londonParts(new Date(t));
    return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(t / 1000) * 1000;
  };
  let t = guess - offsetAt(guess);
  t = guess - offsetAt(t);
  return new Date(t);
}

/**
 * "23/11/2026 14:05", "23/11/2026 at 14:05" or "14:05" (today) -> ISO 8601; '' when empty; undefined when
 * it is not a real date and time.
 */
export function parseUkDateTime(text: string, now = new Date()): string | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return '';
  const m = /^(?:(.+?)[\s,]+(?:at\s+)?)?(\d{1,2})[:.](\d{2})$/.exec(t);
  if (!m) return undefined;
  const day = m[1] ? parseUkDate(m[1]) : londonToday(now);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!day || hour > 23 || minute > 59) return undefined;
  return londonInstant(day, hour, minute).toISOString();
}

/** A Date -> "23/11/2026 14:05" in London time, as a field shows it. */
export function formatUkDateTimeInput(value: Date | string): string {
  const p = londonParts(new Date(value));
  return `${p.day}/${p.month}/${p.year} ${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

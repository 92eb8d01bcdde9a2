import { londonDay, londonWallClock, parseUkDate } from '../../../domain/calendar/london';

// Date and time fields typed as text, the UK way: "23/11/2026 14:05", or just "14:05" for today.

/**
 * "23/11/2026 14:05", "23/11/2026 at 14:05" or "14:05" (today) -> ISO 8601; '' when empty; undefined when
 * it is not a real date and time.
 */
export function parseUkDateTime(text: string, now = new Date()): string | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return '';
  const m = /^(?:(.+?)[\s,]+(?:at\s+)?)?(\d{1,2})[:.](\d{2})$/.exec(t);
  if (!m) return undefined;
  const day = m[1] ? parseUkDate(m[1]) : londonDay(now);
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  if (!day || hour > 23 || minute > 59) return undefined;
  return londonWallClock(day, { hour, minute })?.toISOString();
}

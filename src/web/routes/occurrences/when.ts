import { formatDate, formatTime, londonDay, londonDayBefore, londonWallClock, parseUkDate } from '../../../domain/calendar/london';

// Date and time fields typed as text, the UK way: "23/11/2026 14:05", or just "14:05": the most recent
// 14:05 that has come, so that a night shift typing 23:30 at 00:10 means last night, not tonight.

/**
 * "23/11/2026 14:05", "23/11/2026 at 14:05" or "14:05" (the most recent such time not in the future:
 * today's, or yesterday's if today's has not come yet), seconds optional ("14:05:09": a recorder's
 * clock) -> ISO 8601; '' when empty; undefined when it is not a real date and time.
 */
export function parseUkDateTime(text: string, now = new Date()): string | undefined {
  const t = text.trim().toLowerCase();
  if (!t) return '';
  const m = /^(?:(.+?)[\s,]+(?:at\s+)?)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?$/.exec(t);
  if (!m) return undefined;
  const hour = Number(m[2]);
  const minute = Number(m[3]);
  const second = Number(m[4] ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  if (m[1]) {
    const day = parseUkDate(m[1]);
    return day ? londonWallClock(day, { hour, minute, second })?.toISOString() : undefined;
  }
  const today = londonDay(now);
  const at = londonWallClock(today, { hour, minute, second });
  // A minute's grace: "00:10" typed during 00:10 is now, not yesterday.
  const notFuture = (d: Date) => d.getTime() <= now.getTime() + 60_000;
  if (!at || notFuture(at)) return at?.toISOString();
  // The hour the clocks go back happens twice: its first (BST) time may already have come.
  const first = new Date(at.getTime() - 3600_000);
  if (notFuture(first) && formatTime(first) === formatTime(at)) return first.toISOString();
  return londonWallClock(londonDayBefore(today)!, { hour, minute, second })?.toISOString();
}

/** What a typed time was understood as, to show beside the field: "Understood as 15 July 2026 at 23:30". */
export function understoodAs(text: string, now = new Date()): string | undefined {
  const iso = parseUkDateTime(text, now);
  if (!iso) return undefined;
  return `Understood as ${formatDate(iso)} at ${formatTime(iso)}`;
}

import { useEffect, useState } from 'react';
import { formatCountdown, secondsLeft } from '../../../../domain/ooh/loneWorking';
import { londonDay, londonDayAfter, londonWallClock } from '../../../../domain/calendar/london';
import { parseUkDateTime } from '../../occurrences/when';

// Countdowns worked out from the server's time, not the PC's: each reply carries the server's `at`;
// the difference between it and the PC's clock when the reply came is kept, and every tick adds it.

/** How far the server's clock is ahead of this PC's (ms; negative when behind). */
export const clockOffset = (serverAt: string, receivedAt: number): number => Date.parse(serverAt) - receivedAt;

/** The server's time now, from the PC's clock and the offset. */
export const serverNow = (offsetMs: number, pcNow: number = Date.now()): number => pcNow + offsetMs;

/** "12:05 left" or "Overdue by 3:20", from the deadline and the server's time now. */
export function countdownLabel(deadlineAt: string | null, nowMs: number): string {
  if (!deadlineAt) return 'No check-in awaited';
  const s = secondsLeft(deadlineAt, nowMs);
  return s >= 0 ? `${formatCountdown(s)} left` : `Overdue by ${formatCountdown(-s)}`;
}

/** "3/12/2026 23:30", or "23:30" meaning the next 23:30 to come (an expected end is in the future); '' empty; undefined not a time. */
export function parseExpectedEnd(text: string, now = new Date()): string | undefined {
  const iso = parseUkDateTime(text, now);
  if (!iso || /\d{4}|\d[/-]\d/.test(text)) return iso; // a date was given
  if (Date.parse(iso) > now.getTime()) return iso;
  const m = /(\d{1,2})[:.](\d{2})/.exec(text)!;
  const today = londonDay(now);
  const tomorrow = londonDayAfter(today);
  for (const day of [today, tomorrow && londonDay(tomorrow)]) {
    const at = day ? londonWallClock(day, { hour: Number(m[1]), minute: Number(m[2]) }) : undefined;
    if (at && at.getTime() > now.getTime()) return at.toISOString();
  }
  return undefined;
}

/** Ids overdue now that were not overdue (or not on the board) before: the ones to announce. */
export function newlyOverdue(before: ReadonlySet<string> | undefined, items: readonly { id: string; overdue: boolean }[]): string[] {
  if (!before) return [];
  return items.filter((i) => i.overdue && !before.has(i.id)).map((i) => i.id);
}

/** Minutes (as typed) to whole seconds, or undefined when it is not a number of 0 or more. */
export function minutesToSeconds(text: string): number | undefined {
  const t = text.trim();
  if (!/^\d+(\.\d+)?$/.test(t)) return undefined;
  return Math.round(Number(t) * 60);
}
/** Seconds to minutes as shown ("5", "2.5"). */
export const secondsToMinutes = (s: number): string => String(Math.round((s / 60) * 100) / 100);

/** The server's time now, re-rendering every second: `at` from a reply, `receivedAt` the PC's time it came. */
export function useServerNow(at: string | undefined, receivedAt: number): number {
  const [pcNow, setPcNow] = useState(() => Date.now());
  useEffect(() => {
    const t = window.setInterval(() => setPcNow(Date.now()), 1000);
    return () => window.clearInterval(t);
  }, []);
  return serverNow(at ? clockOffset(at, receivedAt) : 0, pcNow);
}

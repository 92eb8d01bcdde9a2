import { daysBetween } from '../calendar/days';

// Stopping the clock. A pause runs from the day the clock stopped (the day the council asked for
// identity, clarification or a fee) to the day what it asked for arrives, when the clock runs again:
// that day counts again (the clock is "restarted on the day it arrives"). So a pause written
// 2026-03-10:2026-03-20 holds the clock for ten days, the 10th to the 19th. A pause with no end is
// still running. Overlapping pauses count once.

export interface Pause {
  /** YYYY-MM-DD: the day the clock stopped. */
  from: string;
  /** YYYY-MM-DD: the day it restarted; null while it is still stopped. */
  to: string | null;
}

/** Merged, sorted, closed pauses (an open one closed at `today`), and whether one is still open. */
export function mergePauses(pauses: readonly Pause[], today?: string): { spans: { from: string; to: string }[]; open: boolean } {
  const open = pauses.some((p) => p.to === null);
  const spans = pauses
    .map((p) => ({ from: p.from, to: p.to ?? today ?? p.from }))
    .filter((p) => p.to > p.from)
    .sort((a, b) => a.from.localeCompare(b.from));
  const merged: { from: string; to: string }[] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s.from <= last.to) last.to = s.to > last.to ? s.to : last.to;
    else merged.push({ ...s });
  }
  return { spans: merged, open };
}

/** Calendar days the clock stood still. */
export function pausedDays(spans: readonly { from: string; to: string }[]): number {
  return spans.reduce((n, s) => n + daysBetween(s.from, s.to), 0);
}

/** Whether a day falls inside a pause (the restart day does not). */
export function isPausedOn(day: string, spans: readonly { from: string; to: string }[]): boolean {
  return spans.some((s) => day >= s.from && day < s.to);
}

/** What is wrong with a set of pauses for a request received on `received`, or undefined. */
export function pausesProblem(pauses: readonly Pause[], received: string): string | undefined {
  for (const p of pauses) {
    if (p.from < received) return `A pause cannot start (${p.from}) before the request was received (${received})`;
    if (p.to !== null && p.to < p.from) return `A pause cannot end (${p.to}) before it starts (${p.from})`;
  }
  if (pauses.filter((p) => p.to === null).length > 1) return 'Only one pause can be open at a time';
  return undefined;
}

import { londonWallClock } from '../calendar/london';

// Parish and town council billing, worked out the same way by the server's report and its tests:
// the patrol time on a contract in a London calendar month (each patrol clipped to the month: one
// across midnight at the month's end counts on both sides; a day when the clocks change counts the
// real time, not the wall clock's), the visits (patrols that started in the month) and the notices
// issued on those patrols in the month, beside what the contract buys.

export const NOTICE_KINDS = ['pcn', 'fpn', 'defect', 'asb', 'inspection'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];
export const NOTICE_KIND_LABELS: Record<NoticeKind, string> = { pcn: 'PCNs', fpn: 'FPNs', defect: 'Defects', asb: 'ASB reports', inspection: 'Machine inspections' };

export const isMonth = (m: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(m);

/** The month's first instant and the next month's first, at midnight in London. */
export function londonMonth(month: string): { start: Date; end: Date } {
  if (!isMonth(month)) throw new Error(`Not a month: ${month}`);
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return { start: londonWallClock(`${month}-01`)!, end: londonWallClock(`${next}-01`)! };
}

/** The month's first and last London dates (for contracts dated by day). */
export function monthDays(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number);
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(lastDay).padStart(2, '0')}` };
}

export interface BilledPatrol { startedAt: Date; endedAt: Date | null }

/** Minutes of a patrol inside [start, end); one still out counts until `now`. Whole seconds, rounded to the minute at the end. */
export function secondsWithin(p: BilledPatrol, { start, end }: { start: Date; end: Date }, now: Date): number {
  const from = Math.max(p.startedAt.getTime(), start.getTime());
  const to = Math.min((p.endedAt ?? now).getTime(), end.getTime());
  return to > from ? Math.floor((to - from) / 1000) : 0;
}

export interface ContractTerms { minutesPerMonth: number; visitsPerMonth: number }

export interface MonthlyBilling {
  month: string;
  patrolMinutes: number;
  visits: number;
  notices: Record<NoticeKind, number>;
  contractedMinutes: number;
  contractedVisits: number;
  /** Delivered minus contracted: negative is short. */
  minutesDifference: number;
  visitsDifference: number;
  /** Delivered as a whole percentage of contracted (null where nothing is contracted). */
  hoursPercent: number | null;
}

/**
 * One contract's month. `patrols` are the patrols on the contract that overlap the month; `notices`
 * those issued on its patrols (each counted in the month it was issued).
 */
export function monthlyBilling({ month, terms, patrols, notices, now }: {
  month: string; terms: ContractTerms; patrols: BilledPatrol[]; notices: { kind: NoticeKind; at: Date }[]; now: Date;
}): MonthlyBilling {
  const bounds = londonMonth(month);
  const seconds = patrols.reduce((sum, p) => sum + secondsWithin(p, bounds, now), 0);
  const visits = patrols.filter((p) => p.startedAt >= bounds.start && p.startedAt < bounds.end).length;
  const counts = Object.fromEntries(NOTICE_KINDS.map((k) => [k, 0])) as Record<NoticeKind, number>;
  for (const n of notices) if (n.at >= bounds.start && n.at < bounds.end && n.kind in counts) counts[n.kind] += 1;
  const patrolMinutes = Math.round(seconds / 60);
  return {
    month, patrolMinutes, visits, notices: counts,
    contractedMinutes: terms.minutesPerMonth, contractedVisits: terms.visitsPerMonth,
    minutesDifference: patrolMinutes - terms.minutesPerMonth, visitsDifference: visits - terms.visitsPerMonth,
    hoursPercent: terms.minutesPerMonth > 0 ? Math.round((patrolMinutes / terms.minutesPerMonth) * 100) : null,
  };
}

/** 90 → "1:30" (hours and minutes, for the report and its CSV). */
export function formatHours(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const m = Math.abs(minutes);
  return `${sign}${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}`;
}

import { z } from 'zod';
import { REQUEST_TYPES, type RequestType } from './workflow';

// The timeliness figures councils publish for FOI and subject access (and keep for the rest): for
// each month and each kind of request, how many were received, how many completed, how many of
// those on time, and how many received that month are still open past their due date. Pure: the
// server hands in the rows, the page, the CSV and the PDF show what comes out.
//
// Choices, stated once:
// - "Completed" counts in the month of closing (London day of closed_at), "received" in the month
//   of receipt; "open and overdue" counts the month's receipts still open today past their due
//   date (the backlog each month left).
// - On time: closed on or before the due date it closed against. A request closed while its clock
//   was stopped (no due date: withdrawn before identity came, say) missed no deadline: on time.

export const ReportMonth = z.string({ message: 'Enter the month as YYYY-MM' }).regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Enter the month as YYYY-MM, like 2026-04')
  .refine((v) => v >= '2000-01' && v <= '2100-12', 'Enter a month from 2000 to 2100');

/** At most two years in one report. */
export const MAX_REPORT_MONTHS = 24;

export const TimelinessQuery = z.object({
  from: ReportMonth.optional().describe('First month, YYYY-MM; eleven months before `to` when left out'),
  to: ReportMonth.optional().describe('Last month, YYYY-MM; the current London month when left out'),
});

const Figures = z.object({
  received: z.number().int().describe('Received in the month'),
  completed: z.number().int().describe('Closed in the month'),
  onTime: z.number().int().describe('Closed in the month on or before the due date'),
  late: z.number().int().describe('Closed in the month after the due date'),
  openOverdue: z.number().int().describe('Received in the month, still open and past the due date today'),
  onTimePercent: z.number().nullable().describe('100 × on time / completed, one decimal place; null when none completed'),
}).meta({ id: 'RequestTimelinessFigures' });
export type Figures = z.infer<typeof Figures>;

const TypeCode = z.enum(Object.keys(REQUEST_TYPES) as [RequestType, ...RequestType[]]).describe('The kind of request');

export const TimelinessReport = z.object({
  from: z.string().describe('First month, YYYY-MM'),
  to: z.string().describe('Last month, YYYY-MM'),
  today: z.string().describe('The London day the open requests were judged on, YYYY-MM-DD'),
  months: z.array(z.object({
    month: z.string().describe('YYYY-MM'),
    types: z.array(z.object({ type: TypeCode, figures: Figures })).describe('Every kind of request, in the register’s order'),
    total: Figures.describe('All kinds together'),
  }).meta({ id: 'RequestTimelinessMonth' })).describe('Each month of the range, oldest first'),
  byType: z.array(z.object({ type: TypeCode, figures: Figures })).describe('Each kind over the whole range'),
  total: Figures.describe('Everything over the whole range'),
}).meta({ id: 'RequestTimelinessReport' });
export type TimelinessReport = z.infer<typeof TimelinessReport>;

export interface TimelinessRow {
  type: RequestType;
  /** YYYY-MM-DD. */
  receivedOn: string;
  /** The due date it has (open) or closed against; null when its clock was stopped. */
  dueOn: string | null;
  /** London day it was closed, YYYY-MM-DD; null while open. */
  closedOn: string | null;
}

/** The months from `from` to `to`, both included: ["2026-01", "2026-02", …]. */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = [Number(from.slice(0, 4)), Number(from.slice(5, 7))];
  const key = () => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  while (key() <= to && out.length <= MAX_REPORT_MONTHS) {
    out.push(key());
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return out;
}

/** The month `n` months after (or before, negative) "YYYY-MM". */
export function shiftMonth(month: string, n: number): string {
  const total = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + n;
  return `${String(Math.floor(total / 12)).padStart(4, '0')}-${String((total % 12) + 1).padStart(2, '0')}`;
}

/** What is wrong with a range, or undefined. */
export function rangeProblem(from: string, to: string): { path: string; message: string } | undefined {
  if (from > to) return { path: 'from', message: 'The first month must not be after the last' };
  if (monthsBetween(from, to).length > MAX_REPORT_MONTHS) return { path: 'from', message: `Choose at most ${MAX_REPORT_MONTHS} months` };
  return undefined;
}

const empty = (): Figures => ({ received: 0, completed: 0, onTime: 0, late: 0, openOverdue: 0, onTimePercent: null });
const withPercent = (f: Figures): Figures => ({ ...f, onTimePercent: f.completed ? Math.round((1000 * f.onTime) / f.completed) / 10 : null });
function add(a: Figures, b: Figures): Figures {
  return { received: a.received + b.received, completed: a.completed + b.completed, onTime: a.onTime + b.onTime, late: a.late + b.late, openOverdue: a.openOverdue + b.openOverdue, onTimePercent: null };
}

/** The report over `from`..`to` (YYYY-MM) from the rows, open requests judged on `today`. */
export function timeliness({ rows, from, to, today }: { rows: readonly TimelinessRow[]; from: string; to: string; today: string }): TimelinessReport {
  const months = monthsBetween(from, to);
  const types = Object.keys(REQUEST_TYPES) as RequestType[];
  const cells = new Map<string, Figures>(months.flatMap((m) => types.map((t) => [`${m}|${t}`, empty()] as const)));
  const cell = (day: string, type: RequestType) => cells.get(`${day.slice(0, 7)}|${type}`);
  for (const r of rows) {
    const received = cell(r.receivedOn, r.type);
    if (received) {
      received.received++;
      if (!r.closedOn && r.dueOn !== null && r.dueOn < today) received.openOverdue++;
    }
    const closed = r.closedOn ? cell(r.closedOn, r.type) : undefined;
    if (closed) {
      closed.completed++;
      if (r.dueOn === null || r.closedOn! <= r.dueOn) closed.onTime++;
      else closed.late++;
    }
  }
  const byMonth = months.map((month) => {
    const list = types.map((type) => ({ type, figures: cells.get(`${month}|${type}`)! }));
    return { month, types: list.map((x) => ({ ...x, figures: withPercent(x.figures) })), total: withPercent(list.reduce((s, x) => add(s, x.figures), empty())) };
  });
  const byType = types.map((type) => ({ type, figures: withPercent(months.reduce((s, m) => add(s, cells.get(`${m}|${type}`)!), empty())) }));
  return { from, to, today, months: byMonth, byType, total: withPercent(byType.reduce((s, x) => add(s, x.figures), empty())) };
}

/** "87.5%", or "—" when nothing was completed. */
export const percentText = (p: number | null) => (p === null ? '—' : `${p.toFixed(1)}%`);

const MONTH_NAMES = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "April 2026". */
export const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

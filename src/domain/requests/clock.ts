import { daysBetween } from '../calendar/days';
import type { WorkingCalendar } from '../calendar/workingCalendar';
import { deadlineFor, dpComplaintAcknowledgeBy, sarDeadline, type Deadline } from '../deadlines/clocks';
import type { Pause } from '../deadlines/pauses';
import type { ClockPolicy } from '../deadlines/policy';
import { workingDaysBetween } from '../deadlines/workingDays';
import { FLOWS, type RequestType } from './workflow';

// A request's clock as every list and page shows it, from what the register holds: due date, days
// left or overdue, stopped. The server keeps `due` on the row for sorting and reminders; the web app
// works it out again from the same case with this same function, so the two cannot disagree.

export interface RequestClockCase {
  type: RequestType;
  /** The day the request was received. */
  receivedOn: string;
  /** Complaints: the day the current stage began (the receipt day at stage 1). */
  stageReceivedOn?: string;
  /** Complaints: 1, 2, … */
  stage?: number;
  extended: boolean;
  isDataProtectionComplaint?: boolean;
  pauses: readonly Pause[];
  policy: ClockPolicy;
  /** The request is closed: no clock runs. */
  closed: boolean;
}

export type ClockState = 'running' | 'due_soon' | 'overdue' | 'paused' | 'closed';

export interface RequestClock {
  state: ClockState;
  /** YYYY-MM-DD; null while the clock is stopped (how long it stays stopped is not known). */
  due: string | null;
  /** Days left to the due date (0 = due today; negative = overdue by that many), in `unit`. */
  daysLeft: number | null;
  unit: Deadline['unit'];
  /** The working, in words. */
  steps: string[];
  /** SAR: the last day the extension letter may go. */
  extensionNoticeBy?: string;
  /** A data-protection complaint: the last day to acknowledge it (30 days beginning with receipt). */
  acknowledgeBy?: string;
}

/** Working days (or days) left at which a request shows as due soon. */
export const DUE_SOON_DAYS = 5;

export function requestClock(c: RequestClockCase, { calendar, today }: { calendar: WorkingCalendar; today: string }): RequestClock {
  const flow = FLOWS[c.type];
  const received = c.type === 'complaint' ? (c.stageReceivedOn ?? c.receivedOn) : c.receivedOn;
  const deadline = deadlineFor(flow.clock, { received, pauses: c.pauses, extended: flow.extendable && c.extended, calendar, today, policy: c.policy, stage: (c.stage ?? 1) - 1 });
  const extras = {
    ...(c.type === 'sar' ? { extensionNoticeBy: sarDeadline({ received, pauses: c.pauses, calendar, today }).due } : {}),
    ...(c.type === 'complaint' && c.isDataProtectionComplaint ? { acknowledgeBy: dpComplaintAcknowledgeBy(c.receivedOn) } : {}),
  };
  const view = clockFromDue({ type: c.type, due: deadline.due, paused: deadline.paused, closed: c.closed }, { calendar, today });
  return { ...view, steps: deadline.steps, ...extras };
}

/** The clock as a list shows it, from the due date the register keeps (null while stopped). */
export function clockFromDue({ type, due, paused, closed }: { type: RequestType; due: string | null; paused: boolean; closed: boolean }, { calendar, today }: { calendar: WorkingCalendar; today: string }): Pick<RequestClock, 'state' | 'due' | 'daysLeft' | 'unit'> {
  const unit: RequestClock['unit'] = FLOWS[type].clock === 'sar' ? 'calendar days' : 'working days';
  if (closed) return { state: 'closed', due, daysLeft: null, unit };
  if (paused || !due) return { state: 'paused', due: null, daysLeft: null, unit };
  const rule = FLOWS[type].clock === 'foi' ? 'uk' : FLOWS[type].clock === 'sar' ? 'england-and-wales' : 'local';
  const daysLeft = unit === 'working days' ? workingDaysBetween({ from: today, to: due, rule, calendar }) : daysBetween(today, due);
  const state: ClockState = due < today ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'running';
  return { state, due, daysLeft, unit };
}

/** "3 working days left", "Due today", "Overdue by 2 days", "Clock stopped", "Closed". */
export function describeClock(clock: Pick<RequestClock, 'state' | 'daysLeft' | 'unit'>): string {
  if (clock.state === 'closed') return 'Closed';
  if (clock.state === 'paused') return 'Clock stopped';
  const n = clock.daysLeft ?? 0;
  const unit = (k: number) => (clock.unit === 'working days' ? (k === 1 ? 'working day' : 'working days') : (k === 1 ? 'day' : 'days'));
  if (clock.state === 'overdue') return `Overdue by ${Math.abs(n) || 1} ${unit(Math.abs(n) || 1)}`;
  if (n === 0) return 'Due today';
  return `${n} ${unit(n)} left`;
}

import { addDays, addMonthsClamped, daysBetween, describeDay } from '../calendar/days';
import { BUILT_IN_CALENDAR, type CalendarRule, type WorkingCalendar } from '../calendar/workingCalendar';
import { mergePauses, pausedDays, type Pause } from './pauses';
import { DEFAULT_CLOCK_POLICY, type ClockPolicy } from './policy';
import { RULES, ruleOn } from './rules';
import { nthWorkingDayAfter, workingDayOnOrAfter } from './workingDays';

// Each statutory or local clock, as a pure function of the case: received, pauses, extension. The
// server stores the case and the web app shows it; both call these, so they cannot disagree, and
// `vigil deadline` prints what they give so that anyone can check a case by hand.

export interface Deadline {
  /** YYYY-MM-DD: the last day to respond. While a pause is open, as if the clock restarted on `today`. */
  due: string;
  /** A pause is still open: the due date will move. */
  paused: boolean;
  /** Calendar days the clock stood still. */
  pausedDays: number;
  rule: CalendarRule;
  unit: 'calendar days' | 'working days';
  /** The working, a line at a time, for the page and the command line. */
  steps: string[];
}

export interface ClockCase {
  /** YYYY-MM-DD: the day the request (or this stage of it) was received, working day or not. */
  received: string;
  pauses?: readonly Pause[];
  /** SAR: extended by two months; FOI: public-interest extension. */
  extended?: boolean;
  calendar?: WorkingCalendar;
  /** The London day now, to close an open pause. */
  today?: string;
}

function roll(day: string, rule: CalendarRule, calendar: WorkingCalendar, steps: string[]): string {
  const due = workingDayOnOrAfter({ day, rule, calendar });
  if (due !== day) steps.push(`${describeDay(day)} is not a working day (${calendar.nonWorkingReason(day, rule)}${nextReasons(day, due, rule, calendar)}): due ${describeDay(due)}`);
  return due;
}

function nextReasons(from: string, to: string, rule: CalendarRule, calendar: WorkingCalendar): string {
  const more: string[] = [];
  for (let d = addDays(from, 1); d < to; d = addDays(d, 1)) more.push(`${describeDay(d)}: ${calendar.nonWorkingReason(d, rule)}`);
  return more.length ? `; then ${more.join('; ')}` : '';
}

function pauseSteps(c: ClockCase) {
  const { spans, open } = mergePauses(c.pauses ?? [], c.today);
  const steps = spans.map((s) => `Clock stopped ${describeDay(s.from)}, restarted ${describeDay(s.to)}${open && s.to === c.today ? ' (still stopped: as if today)' : ''}`);
  return { spans, open, days: pausedDays(spans), steps };
}

/**
 * A subject access request: one calendar month beginning with the day of receipt (the corresponding
 * date, or the month's last day where there is none), plus the days the clock was stopped, moved to
 * the next working day off a weekend or England & Wales bank holiday. Extended: three months from
 * the same start. The day of receipt is day one: the ICO said so in August 2019, correcting guidance
 * that had counted from the next day (the law itself did not change), so the rule applies to
 * requests received before then too.
 */
export function sarDeadline(c: ClockCase): Deadline & { extensionNoticeBy: string } {
  const calendar = c.calendar ?? BUILT_IN_CALENDAR;
  const steps: string[] = [];
  const dayOne = c.received;
  const { months, extensionMonths } = ruleOn(RULES.sarMonths, c.received)?.value ?? { months: 1, extensionMonths: 2 };
  const pause = pauseSteps(c);
  steps.push(`Received ${describeDay(c.received)} (day one)`);
  let counted = 0;
  const due = (m: number, lines: string[]) => {
    let raw = addMonthsClamped(dayOne, m);
    lines.push(`${m} calendar month${m > 1 ? 's' : ''} on: ${describeDay(raw)}`);
    counted = 0;
    // A stop counts only if the clock was still running when it began: one that begins after the
    // due date (already passed) cannot give the time back.
    for (const [i, span] of pause.spans.entries()) {
      const days = daysBetween(span.from, span.to);
      if (span.from > workingDayOnOrAfter({ day: raw, rule: 'england-and-wales', calendar })) {
        lines.push(`${pause.steps[i]}: after the due date, so it does not count`);
        continue;
      }
      raw = addDays(raw, days);
      counted += days;
      lines.push(`${pause.steps[i]}: ${days} day${days > 1 ? 's' : ''} added: ${describeDay(raw)}`);
    }
    return roll(raw, 'england-and-wales', calendar, lines);
  };
  const monthDue = due(months, c.extended ? [] : steps);
  const result = c.extended ? due(months + extensionMonths, steps) : monthDue;
  if (c.extended) steps.push(`Extended by ${extensionMonths} months; the requester had to be told by ${describeDay(monthDue)}`);
  return { due: result, paused: pause.open, pausedDays: counted, rule: 'england-and-wales', unit: 'calendar days', steps, extensionNoticeBy: monthDue };
}

/**
 * An FOI request: the twentieth working day following receipt, a working day being one that is not a
 * weekend nor a bank holiday in any part of the UK; with a public-interest extension, twenty more.
 * Working days while the clock is stopped (clarification, a fees notice) do not count.
 */
export function foiDeadline(c: ClockCase): Deadline {
  const calendar = c.calendar ?? BUILT_IN_CALENDAR;
  const { days, publicInterestDays } = ruleOn(RULES.foiWorkingDays, c.received)?.value ?? { days: 20, publicInterestDays: 20 };
  const n = days + (c.extended ? publicInterestDays : 0);
  const pause = pauseSteps(c);
  const due = nthWorkingDayAfter({ from: c.received, n, rule: 'uk', calendar, pauses: pause.spans });
  const skipped = holidaysBetween(c.received, due, 'uk', calendar);
  const steps = [
    `Received ${describeDay(c.received)}; counting starts the next day`,
    ...pause.steps,
    ...(skipped.length ? [`Not working days: ${skipped.join('; ')}`] : []),
    `${c.extended ? `${days} working days + ${publicInterestDays} for the public-interest test` : `${n} working days`} (UK-wide bank holidays): ${describeDay(due)}`,
  ];
  return { due, paused: pause.open, pausedDays: pause.days, rule: 'uk', unit: 'working days', steps };
}

function holidaysBetween(from: string, to: string, rule: CalendarRule, calendar: WorkingCalendar): string[] {
  const out: string[] = [];
  for (let d = addDays(from, 1); d <= to; d = addDays(d, 1)) {
    const reason = calendar.nonWorkingReason(d, rule);
    if (reason && reason !== 'Saturday' && reason !== 'Sunday') out.push(`${describeDay(d)} ${reason}`);
  }
  return out;
}

/** A clock the council sets: `n` working days after receipt, skipping its closure days too. */
export function localDeadline(c: ClockCase & { workingDays: number; what: string }): Deadline {
  const calendar = c.calendar ?? BUILT_IN_CALENDAR;
  const pause = pauseSteps(c);
  const due = nthWorkingDayAfter({ from: c.received, n: c.workingDays, rule: 'local', calendar, pauses: pause.spans });
  const skipped = holidaysBetween(c.received, due, 'local', calendar);
  const steps = [
    `Received ${describeDay(c.received)}; counting starts the next day`,
    ...pause.steps,
    ...(skipped.length ? [`Not working days: ${skipped.join('; ')}`] : []),
    `${c.what}: ${c.workingDays} working days: ${describeDay(due)}`,
  ];
  return { due, paused: pause.open, pausedDays: pause.days, rule: 'local', unit: 'working days', steps };
}

/**
 * The last day to acknowledge a data-protection complaint: 30 days beginning with the day it was
 * received (so the 30th day is received + 29), for complaints received from 19 June 2026; undefined
 * before the duty began.
 */
export function dpComplaintAcknowledgeBy(received: string): string | undefined {
  const days = ruleOn(RULES.dpComplaintAcknowledgeDays, received)?.value;
  return days === undefined ? undefined : addDays(received, days - 1);
}

export type ClockKind = 'sar' | 'foi' | 'complaint' | 'enquiry' | 'agency_footage' | 'third_party_footage' | 'viewing';

/** The deadline of any kind of request, for a stage of a complaint (0 = the first). */
export function deadlineFor(kind: ClockKind, c: ClockCase & { policy?: ClockPolicy; stage?: number }): Deadline {
  const policy = c.policy ?? DEFAULT_CLOCK_POLICY;
  switch (kind) {
    case 'sar': return sarDeadline(c);
    case 'foi': return foiDeadline(c);
    case 'complaint': {
      const stages = policy.complaintStages;
      const stage = stages[Math.min(c.stage ?? 0, stages.length - 1)]!;
      return localDeadline({ ...c, workingDays: stage.respondWorkingDays, what: `${stage.name} response` });
    }
    case 'enquiry': return localDeadline({ ...c, workingDays: policy.enquiryWorkingDays, what: 'Member’s enquiry response' });
    case 'agency_footage': return localDeadline({ ...c, workingDays: policy.agencyFootageWorkingDays, what: 'Agency footage request decision' });
    case 'third_party_footage': return localDeadline({ ...c, workingDays: policy.thirdPartyFootageWorkingDays, what: 'Footage request decision' });
    case 'viewing': return localDeadline({ ...c, workingDays: policy.viewingWorkingDays, what: 'Viewing offered' });
  }
}

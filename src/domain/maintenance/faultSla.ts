import { clockStops, responseAndFix, type StepRecord } from './faults';
import { computeSlaStatus, type SlaCalendar, type SlaClockKind } from './slaClock';

// Where a fault stands against its contract's SLA, from its steps: the response clock (raised to
// the contractor's first attendance) and the fix clock (raised to the last fix the council has not
// reopened), both on the clock of the terms in force when it was raised, less the clock's stops.
// Pure: the server reads the terms, the calendar and the steps; the pages, the report and the
// notices all judge a fault by this one function.

export const SLA_OUTCOMES = {
  running: 'Within time', warning: 'At risk (75% used)', stopped: 'Clock stopped', breached: 'Breached',
  met: 'Met', missed: 'Missed',
} as const;
export type SlaOutcome = keyof typeof SLA_OUTCOMES;

/** The terms a fault runs on: those in force for its priority when it was raised. */
export interface FaultTerm { clock: SlaClockKind; responseMinutes: number; fixMinutes: number }

export interface FaultClock {
  clock: SlaClockKind;
  targetMinutes: number;
  /** When the target is reached, its stops deducted; null while a stop with no end holds it short. */
  deadline: Date | null;
  /** When 75% of the target is reached; null while a stop holds it short. */
  warningAt: Date | null;
  /** Clock minutes counted to the response or fix, or to now while it is awaited. */
  elapsedMinutes: number;
  /**
   * Once done (responded to, or fixed): met or missed. Until then, at now: breached past the
   * deadline, else stopped while a stop runs, else warning from 75%, else running.
   */
  outcome: SlaOutcome;
  /** When the response or fix came; null while awaited. */
  doneAt: Date | null;
}

export interface FaultSla {
  respondedAt: Date | null;
  fixedAt: Date | null;
  acceptedAt: Date | null;
  /** null where the fault has no terms (no contract or priority yet, or none in force). */
  response: FaultClock | null;
  fix: FaultClock | null;
}

function judge({ calendar, start, targetMinutes, stops, doneAt, now, clock }: {
  calendar: SlaCalendar; start: Date; targetMinutes: number; stops: ReturnType<typeof clockStops>; doneAt: Date | null; now: Date; clock: SlaClockKind;
}): FaultClock {
  const base = { calendar, start, targetMinutes, stops };
  const at = doneAt ?? now;
  const status = computeSlaStatus({ ...base, at });
  let outcome: SlaOutcome;
  if (doneAt) outcome = status.isBreached ? 'missed' : 'met';
  else if (status.isBreached) outcome = 'breached';
  else if (status.isStopped) outcome = 'stopped';
  else if (status.isWarning) outcome = 'warning';
  else outcome = 'running';
  return { clock, targetMinutes, deadline: status.deadline, warningAt: status.warningAt, elapsedMinutes: status.elapsedMinutes, outcome, doneAt };
}

/**
 * A fault's two SLA clocks at `now`. `steps` are its history (fault_events); `calendar` is the
 * contract's calendar for the term's clock (24/7, or its working days and hours less bank holidays
 * and closure days).
 */
export function faultSla({ raisedAt, term, calendar, steps, now }: {
  raisedAt: Date; term: FaultTerm | null; calendar: SlaCalendar | null; steps: readonly StepRecord[]; now: Date;
}): FaultSla {
  const { respondedAt = null, fixedAt = null, acceptedAt = null } = responseAndFix(steps);
  if (!term || !calendar) return { respondedAt, fixedAt, acceptedAt, response: null, fix: null };
  const stops = clockStops(steps);
  const common = { calendar, start: raisedAt, stops, now, clock: term.clock };
  return {
    respondedAt, fixedAt, acceptedAt,
    response: judge({ ...common, targetMinutes: term.responseMinutes, doneAt: respondedAt }),
    fix: judge({ ...common, targetMinutes: term.fixMinutes, doneAt: fixedAt }),
  };
}

/** Whether a clock's SLA was met (true), missed (false), or is not yet decided (null): the report's reading. */
export const slaMet = (clock: FaultClock | null): boolean | null => {
  if (!clock) return null;
  if (clock.outcome === 'met') return true;
  if (clock.outcome === 'missed' || clock.outcome === 'breached') return false;
  return null;
};

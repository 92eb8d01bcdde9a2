import { isBankHoliday } from '../calendar/bankHolidays';
import { londonDayAfter, londonWallClock } from '../calendar/london';

// The maintenance contract's SLA clocks: how long a fault has had the contractor's clock running,
// when its response or fix is due, and whether that passed. Pure: plain data in, plain data out;
// the server stores the calendar and the stops, and asks again whenever one changes.
//
// A clock counts "clock minutes" from a start instant:
// - a 24/7 clock counts real elapsed time, every minute of every day. Across the clock changes it
//   follows the instants, not the wall: the night of the last Sunday of March is an hour shorter
//   (01:00 GMT becomes 02:00 BST), that of the last Sunday of October an hour longer;
// - a working-hours clock counts only inside its opening hours: its working days (Mon–Fri, say),
//   between opening and closing on the London wall clock (08:00–17:00 whether GMT or BST), never on
//   an England & Wales bank holiday nor on a closure day the contract names (24 December, say).
//   Inside those hours it counts real minutes, which differ from wall-clock minutes only where the
//   opening hours take in 01:00–02:00 on a clock-change Sunday. Bank holidays are known as far as
//   the copy of GOV.UK's feed goes (BANK_HOLIDAYS_COVER, to the end of 2030): refresh it before then.
// Stops (awaiting council access, awaiting an ordered part) pause either clock; overlapping stops
// count once; a stop with no end is still running. So a stop never brings a deadline forward, and
// adding one never makes a breach earlier: both are property-tested beside this file.

/** A clock's kind, with its label. */
export const SLA_CLOCK_KINDS = { round_the_clock: '24/7', working_hours: 'Working hours' } as const;
export type SlaClockKind = keyof typeof SLA_CLOCK_KINDS;

/** Why the contract lets the clock stop, with its label. */
export const SLA_STOP_REASONS = { awaiting_council_access: 'Awaiting council access', awaiting_part: 'Awaiting an ordered part' } as const;
export type SlaStopReason = keyof typeof SLA_STOP_REASONS;

/** Days of the week, Monday first, with their labels. */
export const WEEKDAYS = { mon: 'Monday', tue: 'Tuesday', wed: 'Wednesday', thu: 'Thursday', fri: 'Friday', sat: 'Saturday', sun: 'Sunday' } as const;
export type Weekday = keyof typeof WEEKDAYS;

/** The share of a target at which the contract's warning goes out. */
export const SLA_WARNING_FRACTION = 0.75;

export type SlaCalendar =
  | { kind: 'round_the_clock' }
  | {
      kind: 'working_hours';
      /** The days the clock runs, e.g. ['mon', 'tue', 'wed', 'thu', 'fri']. At least one. */
      days: readonly Weekday[];
      /** London wall-clock "HH:MM", e.g. '08:00'. */
      opens: string;
      /** London wall-clock "HH:MM" after `opens`, e.g. '17:00'; '24:00' for the end of the day. */
      closes: string;
      /** Further London days (YYYY-MM-DD) the clock does not run, beside E&W bank holidays. */
      closedDays?: readonly string[];
    };

/** An instant: a Date or an ISO 8601 string with its offset ("2026-12-01T09:00:00Z"). */
export type Instant = Date | string;

export interface SlaStop {
  reason: SlaStopReason;
  from: Instant;
  /** When the clock restarted; null or absent while it is still stopped. */
  to?: Instant | null;
}

export interface SlaClock {
  calendar: SlaCalendar;
  /** When the clock started: the fault raised, say. */
  start: Instant;
  /** The contracted time in clock minutes: 240 for 4 hours; 2 working days of 08:00–17:00 is 2 × 540 = 1080. */
  targetMinutes: number;
  stops?: readonly SlaStop[];
}

export interface SlaStatus {
  /** Clock minutes counted from the start to `at` (fractional where instants carry seconds). */
  elapsedMinutes: number;
  /** elapsedMinutes / targetMinutes: 0.75 is the warning, over 1 is past the target. */
  fractionUsed: number;
  /** Whether the warning share has been reached at `at`. */
  isWarning: boolean;
  /** When the warning share is (or was) reached; null while stopped short of it. */
  warningAt: Date | null;
  /** When the target is (or was) reached; null while stopped short of it. */
  deadline: Date | null;
  /** Whether a stop is running at `at`. */
  isStopped: boolean;
  /** Whether `at` is after the deadline: the fault was not responded to (or fixed) in time. */
  isBreached: boolean;
  /** The instant the breach happened (the deadline) when breached at `at`, otherwise null. */
  breachedAt: Date | null;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MAX_DAYS = 366 * 200;
const WEEKDAY_OF_UTC_DAY: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];

/** [from, to) in epoch milliseconds; `to` may be Infinity. */
type Span = readonly [number, number];

function toMs(value: Instant, what: string): number {
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  if (Number.isNaN(ms)) throw new RangeError(`${what} is not an instant: ${String(value)}`);
  return ms;
}

function minuteOfDay(time: string, what: string): number {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  const minutes = match ? Number(match[1]) * 60 + Number(match[2]) : NaN;
  if (!match || Number(match[2]) > 59 || minutes > 24 * 60) throw new RangeError(`${what} is not a time of day (HH:MM): ${time}`);
  return minutes;
}

// Turning a London day and time into an instant goes through the time-zone database, the slow part
// of a clock: a monthly report asks for thousands of faults' clocks over the same few hundred days.
const wallClockCache = new Map<string, number>();

function wallClockMs(day: string, minute: number): number {
  const key = `${day} ${minute}`;
  let ms = wallClockCache.get(key);
  if (ms === undefined) {
    const at = minute === 24 * 60 ? londonDayAfter(day) : londonWallClock(day, { hour: Math.floor(minute / 60), minute: minute % 60 });
    ms = at!.getTime();
    if (wallClockCache.size >= 100_000) wallClockCache.clear();
    wallClockCache.set(key, ms);
  }
  return ms;
}

interface WorkingDays {
  opens: number;
  closes: number;
  /** Each UTC day (epoch day number) → its opening hours as a span, or null when the clock does not run that day. */
  spans: Map<number, Span | null>;
  isWorkingDay(dayNumber: number): boolean;
}

// A calendar's days, worked out once per calendar object: a report judges thousands of faults on
// the same contract's calendar, over the same few hundred days.
const workingDaysOf = new WeakMap<object, WorkingDays>();

function workingDays(calendar: Extract<SlaCalendar, { kind: 'working_hours' }>): WorkingDays {
  let w = workingDaysOf.get(calendar);
  if (w) return w;
  const opens = minuteOfDay(calendar.opens, 'Opening time');
  const closes = minuteOfDay(calendar.closes, 'Closing time');
  if (closes <= opens) throw new RangeError(`Closing time ${calendar.closes} is not after opening time ${calendar.opens}`);
  if (calendar.days.length === 0) throw new RangeError('A working-hours clock needs at least one working day');
  const days = new Set(calendar.days);
  const closed = new Set(calendar.closedDays ?? []);
  const spans = new Map<number, Span | null>();
  w = {
    opens, closes, spans,
    isWorkingDay: (n) => {
      if (!spans.has(n)) {
        const date = new Date(n * DAY);
        const day = date.toISOString().slice(0, 10);
        const works = days.has(WEEKDAY_OF_UTC_DAY[date.getUTCDay()]!) && !closed.has(day) && !isBankHoliday(day, 'england-and-wales');
        spans.set(n, works ? [wallClockMs(day, opens), wallClockMs(day, closes)] : null);
      }
      return spans.get(n) !== null;
    },
  };
  workingDaysOf.set(calendar, w);
  return w;
}

/** The spans the calendar runs, from `fromMs` on, in order: one endless span for 24/7, a day's opening hours each for working hours. */
function* openSpans(calendar: SlaCalendar, fromMs: number): Generator<Span> {
  if (calendar.kind === 'round_the_clock') {
    yield [fromMs, Infinity];
    return;
  }
  const w = workingDays(calendar);
  // London is never behind UTC, so the London day of `fromMs` is its UTC day or the next: start at the UTC day.
  const firstDay = Math.floor(fromMs / DAY);
  for (let i = 0; i < MAX_DAYS; i++) {
    if (!w.isWorkingDay(firstDay + i)) continue;
    const [open, end] = w.spans.get(firstDay + i)!;
    if (end <= fromMs) continue;
    yield [Math.max(open, fromMs), end];
  }
  throw new RangeError('The working-hours clock has no working time left');
}

/** The stops as spans, in order, overlapping or touching ones merged; an open stop runs to Infinity. */
function mergedStops(stops: readonly SlaStop[]): Span[] {
  const spans = stops
    .map((stop): [number, number] => {
      const from = toMs(stop.from, 'A stop’s start');
      const to = stop.to === null || stop.to === undefined ? Infinity : toMs(stop.to, 'A stop’s end');
      if (to < from) throw new RangeError(`A stop ends (${String(stop.to)}) before it starts (${String(stop.from)})`);
      return [from, to];
    })
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [from, to] of spans) {
    const last = merged[merged.length - 1];
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else merged.push([from, to]);
  }
  return merged;
}

/** The spans the clock counts: the calendar's open spans from the start, less the stops. Ends where an open stop begins. */
function* countedSpans(clock: SlaClock): Generator<Span> {
  const stops = mergedStops(clock.stops ?? []);
  let next = 0;
  for (const [from, to] of openSpans(clock.calendar, toMs(clock.start, 'The start'))) {
    let at = from;
    while (next < stops.length && stops[next]![1] <= at) next++;
    for (let i = next; i < stops.length && stops[i]![0] < to; i++) {
      const [stopFrom, stopTo] = stops[i]!;
      if (stopFrom > at) yield [at, stopFrom];
      at = Math.max(at, stopTo);
      if (at === Infinity) return; // stopped for good, as far as anyone knows yet
      if (at >= to) break;
    }
    if (at < to) yield [at, to];
  }
}

function checkTarget(targetMinutes: number) {
  if (!Number.isFinite(targetMinutes) || targetMinutes <= 0) throw new RangeError(`A target is a positive number of minutes, not ${targetMinutes}`);
}

/**
 * The instant the clock has counted `minutes` clock minutes: null while a stop with no end holds it
 * short of them. On a working-hours clock it always falls inside opening hours, or exactly at a
 * closing time (a target used up at 17:00 is due at 17:00, not at 08:00 next morning).
 */
export function computeSlaInstant({ minutes, ...clock }: SlaClock & { minutes: number }): Date | null {
  if (!(minutes >= 0 && minutes < Infinity)) throw new RangeError(`A number of clock minutes is zero or more, not ${minutes}`);
  let left = minutes * MINUTE;
  for (const [from, to] of countedSpans(clock)) {
    if (to - from >= left) return new Date(from + left);
    left -= to - from;
  }
  return null;
}

/** When the target is reached: the response or fix deadline; null while stopped short of it. */
export function computeSlaDeadline(clock: SlaClock): Date | null {
  checkTarget(clock.targetMinutes);
  return computeSlaInstant({ ...clock, minutes: clock.targetMinutes });
}

/** Clock minutes counted from the start to `at` (0 before the start). Never decreases as `at` moves on. */
export function computeSlaElapsedMinutes({ at, ...clock }: SlaClock & { at: Instant }): number {
  const atMs = toMs(at, 'The instant');
  let counted = 0;
  for (const [from, to] of countedSpans(clock)) {
    if (from >= atMs) break;
    counted += Math.min(to, atMs) - from;
  }
  return counted / MINUTE;
}

/**
 * Where the clock stands at `at`: now while the fault is open, or the instant of the response or fix
 * to judge it. Meeting the deadline to the minute is not a breach; any later is. One walk of the
 * clock gives the elapsed time, the warning instant and the deadline.
 */
export function computeSlaStatus({ at, ...clock }: SlaClock & { at: Instant }): SlaStatus {
  checkTarget(clock.targetMinutes);
  const atMs = toMs(at, 'The instant');
  const targetMs = clock.targetMinutes * MINUTE;
  const warnMs = targetMs * SLA_WARNING_FRACTION;
  let counted = 0;
  let elapsedMs = 0;
  let warningAt: Date | null = null;
  let deadline: Date | null = null;
  for (const [from, to] of countedSpans(clock)) {
    if (from < atMs) elapsedMs += Math.min(to, atMs) - from;
    if (!warningAt && counted + (to - from) >= warnMs) warningAt = new Date(from + (warnMs - counted));
    if (!deadline && counted + (to - from) >= targetMs) deadline = new Date(from + (targetMs - counted));
    counted += to - from;
    // The spans are in order: once one reaches `at`, none after it counts towards the elapsed time.
    if (deadline && to >= atMs) break;
  }
  const elapsedMinutes = elapsedMs / MINUTE;
  const isBreached = deadline !== null && atMs > deadline.getTime();
  return {
    elapsedMinutes,
    fractionUsed: elapsedMinutes / clock.targetMinutes,
    isWarning: elapsedMinutes / clock.targetMinutes >= SLA_WARNING_FRACTION,
    warningAt,
    deadline,
    isStopped: mergedStops(clock.stops ?? []).some(([from, to]) => from <= atMs && atMs < to),
    isBreached,
    breachedAt: isBreached ? deadline : null,
  };
}

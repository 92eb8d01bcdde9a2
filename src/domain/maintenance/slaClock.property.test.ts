import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBankHoliday } from '../calendar/bankHolidays';
import { londonDay, londonDayBefore, londonParts, londonWallClock } from '../calendar/london';
import { computeSlaDeadline, computeSlaElapsedMinutes, computeSlaStatus, type SlaCalendar, type SlaClock, type SlaStop, type Weekday, WEEKDAYS } from './slaClock';

// The rules the hand-worked cases illustrate, checked on thousands of generated clocks. Starts
// cluster around the awkward days: both 2026 clock changes (Sun 29 Mar, Sun 25 Oct), Easter
// (Good Friday 3 Apr, Easter Monday 6 Apr), the summer bank holiday (31 Aug), Christmas 2026 with
// its substitute Boxing Day (28 Dec) and New Year, with every weekend in between.

const MINUTE = 60_000;
const RUNS = { numRuns: 300 };
const awkwardDays = ['2026-03-26', '2026-03-28', '2026-04-01', '2026-04-03', '2026-08-28', '2026-10-22', '2026-10-24', '2026-12-23', '2026-12-31', '2025-12-24'];

const quarterHour = (min: number, max: number) => fc.integer({ min: min * 4, max: max * 4 }).map((q) => q * 15);
const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Start instants: an awkward day's midnight plus up to a week, to the second or on a quarter hour (openings and closings). */
const startArb = fc
  .tuple(fc.constantFrom(...awkwardDays), fc.oneof(fc.integer({ min: 0, max: 7 * 24 * 60 * 60 }), quarterHour(0, 7 * 24).map((m) => m * 60)))
  .map(([day, seconds]) => new Date(londonWallClock(day)!.getTime() + seconds * 1000));

/** Opening hours away from 01:00–02:00, so that every opening and closing happens once on the wall. */
const workingHoursArb: fc.Arbitrary<SlaCalendar> = fc
  .record({
    days: fc.subarray(Object.keys(WEEKDAYS) as Weekday[], { minLength: 1 }),
    opens: quarterHour(3, 12),
    length: quarterHour(1, 21),
    closedDays: fc.subarray(['2026-03-27', '2026-03-30', '2026-04-02', '2026-10-23', '2026-10-26', '2026-12-24', '2026-12-29', '2026-12-31']),
  })
  .map(({ days, opens, length, closedDays }) => ({ kind: 'working_hours', days, opens: hhmm(opens), closes: hhmm(Math.min(opens + length, 24 * 60)), closedDays }));

const calendarArb: fc.Arbitrary<SlaCalendar> = fc.oneof(workingHoursArb, fc.constant<SlaCalendar>({ kind: 'round_the_clock' }));

/** Stops relative to the start: from 10 hours before it to 10 days after, up to 3 days long, or still running. */
const stopsArb = (start: Date) =>
  fc.array(
    fc
      .record({
        from: fc.integer({ min: -600, max: 10 * 24 * 60 }),
        length: fc.option(fc.integer({ min: 0, max: 3 * 24 * 60 }), { freq: 4 }),
        reason: fc.constantFrom<SlaStop['reason']>('awaiting_council_access', 'awaiting_part'),
      })
      .map(({ from, length, reason }): SlaStop => {
        const fromMs = start.getTime() + from * MINUTE;
        return { reason, from: new Date(fromMs), to: length === null ? null : new Date(fromMs + length * MINUTE) };
      }),
    { maxLength: 4 },
  );

const clockArb = (calendar: fc.Arbitrary<SlaCalendar> = calendarArb): fc.Arbitrary<SlaClock & { stops: SlaStop[] }> =>
  fc
    .tuple(calendar, startArb, fc.integer({ min: 1, max: 3 * 540 }))
    .chain(([c, start, targetMinutes]) => stopsArb(start).map((stops) => ({ calendar: c, start, targetMinutes, stops })));

describe('stops', () => {
  it('never bring a deadline forward', () => {
    fc.assert(
      fc.property(clockArb(), (clock) => {
        const unstopped = computeSlaDeadline({ ...clock, stops: [] })!;
        const stopped = computeSlaDeadline(clock);
        expect(stopped === null || stopped.getTime() >= unstopped.getTime()).toBe(true);
      }),
      RUNS,
    );
  });

  it('wholly outside opening hours change nothing on a working-hours clock', () => {
    // Mon–Fri 08:00–17:00; stops from 17:00 to 08:00 next morning, or over a weekend.
    const officeHours: SlaCalendar = { kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00' };
    const dayAfter = (day: string, n: number) => new Date(Date.parse(`${day}T12:00:00Z`) + n * 24 * 60 * MINUTE).toISOString().slice(0, 10);
    const nightStop = fc
      .tuple(fc.constantFrom(...awkwardDays), fc.integer({ min: 0, max: 14 }), fc.integer({ min: 0, max: 15 * 60 }), fc.integer({ min: 0, max: 15 * 60 }))
      .map(([day, n, late, early]): SlaStop => {
        const from = londonWallClock(dayAfter(day, n), { hour: 17 })!.getTime() + late * MINUTE;
        const to = londonWallClock(dayAfter(day, n + 1), { hour: 8 })!.getTime() - early * MINUTE;
        return { reason: 'awaiting_council_access', from: new Date(Math.min(from, to)), to: new Date(to) };
      });
    fc.assert(
      fc.property(startArb, fc.integer({ min: 1, max: 3 * 540 }), fc.array(nightStop, { maxLength: 4 }), (start, targetMinutes, stops) => {
        const clock = { calendar: officeHours, start, targetMinutes };
        expect(computeSlaDeadline({ ...clock, stops })).toEqual(computeSlaDeadline(clock));
      }),
      RUNS,
    );
  });

  it('added to those there are, never make a breach earlier, nor a clock breached at any instant that was not', () => {
    fc.assert(
      fc.property(
        clockArb().chain((clock) => fc.tuple(fc.constant(clock), stopsArb(clock.start as Date), fc.integer({ min: 0, max: 12 * 24 * 60 }))),
        ([clock, more, minutesOn]) => {
          const before = computeSlaDeadline(clock);
          const after = computeSlaDeadline({ ...clock, stops: [...clock.stops, ...more] });
          if (before === null) expect(after).toBeNull(); // a running open stop stays open
          else expect(after === null || after.getTime() >= before.getTime()).toBe(true);
          const at = new Date((clock.start as Date).getTime() + minutesOn * MINUTE);
          if (computeSlaStatus({ ...clock, stops: [...clock.stops, ...more], at }).isBreached) {
            expect(computeSlaStatus({ ...clock, at }).isBreached).toBe(true);
          }
        },
      ),
      RUNS,
    );
  });
});

describe('a breach', () => {
  it('once it has happened, stays', () => {
    fc.assert(
      fc.property(clockArb(), fc.integer({ min: 0, max: 12 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), (clock, a, b) => {
        const t1 = new Date((clock.start as Date).getTime() + a * MINUTE);
        if (computeSlaStatus({ ...clock, at: t1 }).isBreached) expect(computeSlaStatus({ ...clock, at: new Date(t1.getTime() + b * MINUTE) }).isBreached).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('elapsed minutes', () => {
  it('never decrease as time goes on', () => {
    fc.assert(
      fc.property(clockArb(), fc.integer({ min: -600, max: 12 * 24 * 60 }), fc.integer({ min: 0, max: 3 * 24 * 60 }), (clock, a, b) => {
        const t1 = new Date((clock.start as Date).getTime() + a * MINUTE);
        const t2 = new Date(t1.getTime() + b * MINUTE);
        expect(computeSlaElapsedMinutes({ ...clock, at: t2 })).toBeGreaterThanOrEqual(computeSlaElapsedMinutes({ ...clock, at: t1 }));
      }),
      RUNS,
    );
  });

  it('reach the target at the deadline and not a minute before', () => {
    fc.assert(
      fc.property(clockArb(), (clock) => {
        const deadline = computeSlaDeadline(clock);
        if (deadline === null) return;
        expect(computeSlaElapsedMinutes({ ...clock, at: deadline })).toBeCloseTo(clock.targetMinutes, 6);
        expect(computeSlaElapsedMinutes({ ...clock, at: new Date(deadline.getTime() - MINUTE) })).toBeLessThan(clock.targetMinutes);
        expect(computeSlaStatus({ ...clock, at: deadline }).isBreached).toBe(false);
        expect(computeSlaStatus({ ...clock, at: new Date(deadline.getTime() + 1) }).isBreached).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('deadlines', () => {
  it('are at least the target after the start, on any clock; exactly the target on an unstopped 24/7 clock', () => {
    fc.assert(
      fc.property(clockArb(), (clock) => {
        const deadline = computeSlaDeadline(clock);
        if (deadline !== null) expect(deadline.getTime() - (clock.start as Date).getTime()).toBeGreaterThanOrEqual(clock.targetMinutes * MINUTE);
        if (clock.calendar.kind === 'round_the_clock') {
          expect(computeSlaDeadline({ ...clock, stops: [] })!.getTime() - (clock.start as Date).getTime()).toBe(clock.targetMinutes * MINUTE);
        }
      }),
      RUNS,
    );
  });

  it('fall inside working hours on a working-hours clock, or exactly at a closing time', () => {
    fc.assert(
      fc.property(clockArb(workingHoursArb), (clock) => {
        const calendar = clock.calendar as Extract<SlaCalendar, { kind: 'working_hours' }>;
        const deadline = computeSlaDeadline(clock);
        if (deadline === null) return;
        const wall = londonParts(deadline);
        let day = londonDay(deadline);
        let minute = wall.hour * 60 + wall.minute + wall.second / 60 + (deadline.getTime() % 1000) / MINUTE;
        if (minute === 0 && calendar.closes === '24:00') [day, minute] = [londonDayBefore(day)!, 24 * 60]; // midnight closes the day before
        const weekday = (Object.keys(WEEKDAYS) as Weekday[])[(new Date(`${day}T12:00:00Z`).getUTCDay() + 6) % 7]!;
        const [opens, closes] = [calendar.opens, calendar.closes].map((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3)));
        expect(calendar.days).toContain(weekday);
        expect(isBankHoliday(day, 'england-and-wales')).toBe(false);
        expect(calendar.closedDays).not.toContain(day);
        expect(minute).toBeGreaterThan(opens!);
        expect(minute).toBeLessThanOrEqual(closes!);
      }),
      RUNS,
    );
  });

  it('of a working-hours clock open all day every day are the 24/7 clock’s across the clock changes', () => {
    // No bank holiday from 20 March to 1 April 2026, nor in October: the two clocks must agree, so
    // a whole London day counts its real 23 or 25 hours on both.
    const allDay: SlaCalendar = { kind: 'working_hours', days: Object.keys(WEEKDAYS) as Weekday[], opens: '00:00', closes: '24:00' };
    const start = fc
      .tuple(fc.constantFrom('2026-03-25', '2026-10-20'), fc.integer({ min: 0, max: 5 * 24 * 60 }))
      .map(([day, minutes]) => new Date(londonWallClock(day)!.getTime() + minutes * MINUTE));
    fc.assert(
      fc.property(start, fc.integer({ min: 1, max: 3 * 24 * 60 }), (at, targetMinutes) => {
        const clock = { start: at, targetMinutes };
        expect(computeSlaDeadline({ ...clock, calendar: allDay })).toEqual(computeSlaDeadline({ ...clock, calendar: { kind: 'round_the_clock' } }));
      }),
      RUNS,
    );
  });
});

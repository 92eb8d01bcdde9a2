import { describe, expect, it } from 'vitest';
import { formatTime, londonDay, londonWallClock } from '../calendar/london';
import { computeSlaDeadline, computeSlaElapsedMinutes, computeSlaInstant, computeSlaStatus, type SlaCalendar, type SlaStop } from './slaClock';

// Hand-worked cases: each one's working is in its comment, done on paper before the code ran.
// Times are London wall-clock ("Mon 30 Nov 2026 11:30"); GMT in winter, BST (UTC+1) from
// 29 Mar to 25 Oct 2026. Unless a case says otherwise the working-hours clock is Mon–Fri
// 08:00–17:00, so a working day is 9 hours (540 minutes), and the 24/7 clock counts real time.

const officeHours: SlaCalendar = { kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00' };
const roundTheClock: SlaCalendar = { kind: 'round_the_clock' };

/** A London wall-clock instant: at('2026-11-30', '11:30'). */
const at = (day: string, time: string): Date => {
  const [hour, minute] = time.split(':').map(Number);
  return londonWallClock(day, { hour, minute })!;
};
/** An instant as London's wall clock shows it: '2026-11-30 11:30'. */
const shown = (instant: Date | null) => (instant ? `${londonDay(instant)} ${formatTime(instant)}` : null);
const stop = (from: Date, to: Date | null, reason: SlaStop['reason'] = 'awaiting_council_access'): SlaStop => ({ reason, from, to });

describe('a working-hours clock, Mon–Fri 08:00–17:00', () => {
  it('1. carries what is left on Friday over the weekend', () => {
    // P2 raised Fri 27 Nov 16:30, 4 working hours: 30 min on Friday (16:30–17:00), none on Saturday
    // or Sunday, then 3h30 from Mon 08:00 → Mon 30 Nov 11:30.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-11-27', '16:30'), targetMinutes: 240 }))).toBe('2026-11-30 11:30');
  });

  it('2. starts a weekend fault at Monday’s opening', () => {
    // Raised Sat 28 Nov 10:00, 4 hours: nothing counts until Mon 08:00; 08:00 + 4h → Mon 30 Nov 12:00.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-11-28', '10:00'), targetMinutes: 240 }))).toBe('2026-11-30 12:00');
  });

  it('3. starts an early-morning fault at opening', () => {
    // Raised Tue 1 Dec 06:00, 1 hour: counting starts at 08:00 → Tue 1 Dec 09:00.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-12-01', '06:00'), targetMinutes: 60 }))).toBe('2026-12-01 09:00');
  });

  it('4. starts an evening fault next morning', () => {
    // Raised Tue 1 Dec 18:00, 2 hours: nothing after 17:00, so Wed 08:00 + 2h → Wed 2 Dec 10:00.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-12-01', '18:00'), targetMinutes: 120 }))).toBe('2026-12-02 10:00');
  });

  it('5. is due at the closing time itself when the target runs out then', () => {
    // Raised Tue 1 Dec 13:00, 4 hours: 13:00–17:00 is exactly 4h → due Tue 17:00, not Wed 08:00.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-12-01', '13:00'), targetMinutes: 240 }))).toBe('2026-12-01 17:00');
  });

  it('6. counts working days as 540-minute days', () => {
    // Fix in 2 working days = 1080 min, raised Wed 2 Dec 10:00: Wed 10:00–17:00 is 7h, Thu 9h (16h),
    // Fri 08:00 + 2h → Fri 4 Dec 10:00: the same time two working days on.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-12-02', '10:00'), targetMinutes: 1080 }))).toBe('2026-12-04 10:00');
  });

  it('7. skips Good Friday and Easter Monday 2026', () => {
    // Raised Thu 2 Apr 15:00 (BST), 4 hours: Thu 15:00–17:00 is 2h; Fri 3 Apr Good Friday, the
    // weekend, Mon 6 Apr Easter Monday; Tue 7 Apr 08:00 + 2h → Tue 7 Apr 10:00 BST (09:00 UTC).
    const due = computeSlaDeadline({ calendar: officeHours, start: at('2026-04-02', '15:00'), targetMinutes: 240 });
    expect(shown(due)).toBe('2026-04-07 10:00');
    expect(due?.toISOString()).toBe('2026-04-07T09:00:00.000Z');
  });

  it('8. skips Christmas Day and the substitute Boxing Day, Mon 28 Dec 2026', () => {
    // Fix in 2 working days (1080 min), raised Thu 24 Dec 16:00: Thu 1h; Fri 25 Christmas Day, the
    // weekend, Mon 28 Boxing Day (substitute, the 26th is a Saturday); Tue 29 9h (10h in all);
    // Wed 30 08:00 + 8h → Wed 30 Dec 16:00.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-12-24', '16:00'), targetMinutes: 1080 }))).toBe('2026-12-30 16:00');
  });

  it('9. skips the contract’s own closure days', () => {
    // The contract also closes on 24 and 31 December. Raised Wed 23 Dec 16:00, 4 hours: Wed 1h;
    // Thu 24 closed, Fri 25 Christmas, weekend, Mon 28 substitute; Tue 29 08:00 + 3h → Tue 29 Dec 11:00.
    const calendar: SlaCalendar = { ...officeHours, closedDays: ['2026-12-24', '2026-12-31'] };
    expect(shown(computeSlaDeadline({ calendar, start: at('2026-12-23', '16:00'), targetMinutes: 240 }))).toBe('2026-12-29 11:00');
  });

  it('10. keeps the wall-clock hours across the spring clock change', () => {
    // Raised Fri 27 Mar 15:00 GMT, 4 hours: Fri 2h; the clocks go forward on Sun 29 Mar, a closed
    // day, so Mon 30 Mar opens at 08:00 BST (07:00 UTC); + 2h → Mon 30 Mar 10:00 BST = 09:00 UTC.
    const due = computeSlaDeadline({ calendar: officeHours, start: at('2026-03-27', '15:00'), targetMinutes: 240 });
    expect(shown(due)).toBe('2026-03-30 10:00');
    expect(due?.toISOString()).toBe('2026-03-30T09:00:00.000Z');
  });

  it('11. keeps the wall-clock hours across the autumn clock change', () => {
    // Raised Fri 23 Oct 16:00 BST, 4 hours: Fri 1h; the clocks go back on Sun 25 Oct; Mon 26 Oct
    // opens 08:00 GMT; + 3h → Mon 26 Oct 11:00 GMT = 11:00 UTC.
    const due = computeSlaDeadline({ calendar: officeHours, start: at('2026-10-23', '16:00'), targetMinutes: 240 });
    expect(shown(due)).toBe('2026-10-26 11:00');
    expect(due?.toISOString()).toBe('2026-10-26T11:00:00.000Z');
  });

  it('12. skips a Monday bank holiday', () => {
    // Raised on the summer bank holiday, Mon 31 Aug 10:00, 4 hours: nothing counts that day;
    // Tue 1 Sep 08:00 + 4h → Tue 1 Sep 12:00 BST.
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-08-31', '10:00'), targetMinutes: 240 }))).toBe('2026-09-01 12:00');
  });

  it('13. counts Saturdays when the contract works them', () => {
    // Mon–Sat 07:00–19:00. Raised Fri 27 Nov 18:00, 4 hours: Fri 18:00–19:00 is 1h; Sat 07:00 + 3h → Sat 28 Nov 10:00.
    const calendar: SlaCalendar = { kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat'], opens: '07:00', closes: '19:00' };
    expect(shown(computeSlaDeadline({ calendar, start: at('2026-11-27', '18:00'), targetMinutes: 240 }))).toBe('2026-11-28 10:00');
  });

  it('14. counts a whole-day working-hours clock by the real hours of a 23-hour Sunday', () => {
    // Every day 00:00–24:00. Raised Sun 29 Mar 00:00 GMT, 24 hours: that Sunday is 23 real hours
    // long (01:00 GMT becomes 02:00 BST), so the last hour is Mon 30 Mar 00:00–01:00 BST → 01:00 BST,
    // 00:00 UTC: the same as the 24/7 clock, 24 real hours after the start.
    const calendar: SlaCalendar = { kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], opens: '00:00', closes: '24:00' };
    const due = computeSlaDeadline({ calendar, start: at('2026-03-29', '00:00'), targetMinutes: 24 * 60 });
    expect(shown(due)).toBe('2026-03-30 01:00');
    expect(due?.toISOString()).toBe('2026-03-30T00:00:00.000Z');
  });

  it('15. counts elapsed minutes across a weekend', () => {
    // Raised Fri 27 Nov 16:00; at Mon 30 Nov 09:00: Fri 16:00–17:00 60 min + Mon 08:00–09:00 60 min = 120.
    expect(computeSlaElapsedMinutes({ calendar: officeHours, start: at('2026-11-27', '16:00'), targetMinutes: 240, at: at('2026-11-30', '09:00') })).toBe(120);
  });
});

describe('a 24/7 clock', () => {
  it('16. is an hour shorter on the night the clocks go forward', () => {
    // P1 raised Sat 28 Mar 22:00 GMT, 8 hours of real time: 22:00 UTC + 8h = 06:00 UTC on Sun 29 Mar,
    // which the wall shows as 07:00 BST: 9 hours on the wall, 8 real.
    const due = computeSlaDeadline({ calendar: roundTheClock, start: at('2026-03-28', '22:00'), targetMinutes: 480 });
    expect(due?.toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(shown(due)).toBe('2026-03-29 07:00');
  });

  it('17. is an hour longer on the night the clocks go back', () => {
    // Raised Sat 24 Oct 22:00 BST (21:00 UTC), 8 hours: 21:00 UTC + 8h = 05:00 UTC on Sun 25 Oct,
    // which is 05:00 GMT on the wall: 7 hours on the wall, 8 real.
    const due = computeSlaDeadline({ calendar: roundTheClock, start: at('2026-10-24', '22:00'), targetMinutes: 480 });
    expect(due?.toISOString()).toBe('2026-10-25T05:00:00.000Z');
    expect(shown(due)).toBe('2026-10-25 05:00');
  });

  it('18. counts weekends and bank holidays like any other time', () => {
    // Raised on Christmas Day, Fri 25 Dec 2026 10:00, 48 hours → Sun 27 Dec 10:00.
    expect(shown(computeSlaDeadline({ calendar: roundTheClock, start: at('2026-12-25', '10:00'), targetMinutes: 48 * 60 }))).toBe('2026-12-27 10:00');
  });

  it('19. pauses for a stop overnight', () => {
    // P1 raised Tue 1 Dec 22:00, 4 hours, stopped 23:00–01:30 awaiting council access: 22:00–23:00
    // counts 1h, the stop 2h30 does not, 3h more from 01:30 → Wed 2 Dec 04:30.
    const stops = [stop(at('2026-12-01', '23:00'), at('2026-12-02', '01:30'))];
    expect(shown(computeSlaDeadline({ calendar: roundTheClock, start: at('2026-12-01', '22:00'), targetMinutes: 240, stops }))).toBe('2026-12-02 04:30');
  });
});

describe('stops on a working-hours clock', () => {
  const monday9 = at('2026-11-30', '09:00');

  it('20. a stop inside working hours adds its length', () => {
    // Raised Mon 30 Nov 09:00, 4 hours (due 13:00 unstopped); stopped 10:00–11:30 awaiting access:
    // 1h before, then 3h from 11:30 → Mon 14:30 (13:00 + 1h30).
    const stops = [stop(at('2026-11-30', '10:00'), at('2026-11-30', '11:30'))];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: monday9, targetMinutes: 240, stops }))).toBe('2026-11-30 14:30');
  });

  it('21. a stop wholly outside working hours changes nothing', () => {
    // Raised Mon 30 Nov 15:00, 4 hours: Mon 2h, Tue 08:00 + 2h → Tue 10:00. A stop Mon 18:00 –
    // Tue 07:00 covers only closed hours, so still Tue 10:00.
    const start = at('2026-11-30', '15:00');
    const stops = [stop(at('2026-11-30', '18:00'), at('2026-12-01', '07:00'))];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start, targetMinutes: 240 }))).toBe('2026-12-01 10:00');
    expect(shown(computeSlaDeadline({ calendar: officeHours, start, targetMinutes: 240, stops }))).toBe('2026-12-01 10:00');
  });

  it('22. a stop that opens inside working hours and closes after them costs only the working part', () => {
    // Raised Mon 30 Nov 15:00, 4 hours; stopped Mon 16:00–20:00 awaiting a part: Mon 15:00–16:00
    // counts 1h, 16:00–17:00 is stopped, the evening is closed anyway; Tue 08:00 + 3h → Tue 11:00.
    const stops = [stop(at('2026-11-30', '16:00'), at('2026-11-30', '20:00'), 'awaiting_part')];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-11-30', '15:00'), targetMinutes: 240, stops }))).toBe('2026-12-01 11:00');
  });

  it('23. a stop that opens before working hours and closes inside them', () => {
    // Raised Mon 30 Nov 15:00, 4 hours; stopped Mon 18:00 – Tue 09:30: Mon 2h; Tue 08:00–09:30 is
    // stopped; 2h from 09:30 → Tue 1 Dec 11:30.
    const stops = [stop(at('2026-11-30', '18:00'), at('2026-12-01', '09:30'))];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: at('2026-11-30', '15:00'), targetMinutes: 240, stops }))).toBe('2026-12-01 11:30');
  });

  it('24. overlapping stops count once', () => {
    // Raised Mon 09:00, 4 hours; stopped 10:00–11:00 (access) and 10:30–12:00 (part): together
    // 10:00–12:00, 2h, not 2h30 → 1h before, 3h from 12:00 → Mon 15:00.
    const stops = [stop(at('2026-11-30', '10:00'), at('2026-11-30', '11:00')), stop(at('2026-11-30', '10:30'), at('2026-11-30', '12:00'), 'awaiting_part')];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: monday9, targetMinutes: 240, stops }))).toBe('2026-11-30 15:00');
  });

  it('25. a clock stopped when the fault is raised starts when the stop ends', () => {
    // Stopped Mon 08:00–10:00 (no access to the site), fault raised Mon 09:00, 4 hours: counting
    // starts at 10:00 → Mon 14:00.
    const stops = [stop(at('2026-11-30', '08:00'), at('2026-11-30', '10:00'))];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: monday9, targetMinutes: 240, stops }))).toBe('2026-11-30 14:00');
  });

  it('26. an open-ended stop leaves no deadline while it runs', () => {
    // Raised Mon 09:00, 4 hours; awaiting a part from Mon 11:00, not yet arrived: 2h counted, then
    // nothing. On Fri 4 Dec 12:00: 120 minutes elapsed, half the target, no deadline, no breach.
    const clock = { calendar: officeHours, start: monday9, targetMinutes: 240, stops: [stop(at('2026-11-30', '11:00'), null, 'awaiting_part')] };
    expect(computeSlaDeadline(clock)).toBeNull();
    expect(computeSlaStatus({ ...clock, at: at('2026-12-04', '12:00') })).toEqual({
      elapsedMinutes: 120, fractionUsed: 0.5, isWarning: false, warningAt: null, deadline: null, isStopped: true, isBreached: false, breachedAt: null,
    });
  });

  it('27. the part arrives: the clock restarts and the deadline comes back', () => {
    // As 26, the part arriving Tue 1 Dec 14:00: 2h on Monday, 2h from Tue 14:00 → Tue 16:00.
    const stops = [stop(at('2026-11-30', '11:00'), at('2026-12-01', '14:00'), 'awaiting_part')];
    expect(shown(computeSlaDeadline({ calendar: officeHours, start: monday9, targetMinutes: 240, stops }))).toBe('2026-12-01 16:00');
  });

  it('28. an open-ended stop after the deadline does not undo the breach', () => {
    // Raised Mon 09:00, 4 hours: due 13:00. Stopped from 14:00, open: the target was used up at
    // 13:00, before the stop, so at 15:00 it is breached, as from 13:00, and stopped.
    const clock = { calendar: officeHours, start: monday9, targetMinutes: 240, stops: [stop(at('2026-11-30', '14:00'), null)] };
    const status = computeSlaStatus({ ...clock, at: at('2026-11-30', '15:00') });
    expect(shown(status.deadline)).toBe('2026-11-30 13:00');
    expect(status).toMatchObject({ isBreached: true, isStopped: true, elapsedMinutes: 300 });
    expect(shown(status.breachedAt)).toBe('2026-11-30 13:00');
  });
});

describe('warning and breach', () => {
  const clock = { calendar: officeHours, start: at('2026-11-30', '09:00'), targetMinutes: 240 };

  it('29. warns at 75% of the target', () => {
    // Raised Mon 09:00, 4 hours: 75% is 180 minutes → 12:00. At 11:59 not yet; at 12:00 warned.
    expect(shown(computeSlaInstant({ ...clock, minutes: 180 }))).toBe('2026-11-30 12:00');
    expect(computeSlaStatus({ ...clock, at: at('2026-11-30', '11:59') })).toMatchObject({ elapsedMinutes: 179, isWarning: false });
    const noon = computeSlaStatus({ ...clock, at: at('2026-11-30', '12:00') });
    expect(noon).toMatchObject({ elapsedMinutes: 180, fractionUsed: 0.75, isWarning: true, isBreached: false });
    expect(shown(noon.warningAt)).toBe('2026-11-30 12:00');
  });

  it('30. meeting the deadline to the minute is not a breach; a minute later is', () => {
    // Due Mon 13:00: a fix at 13:00 meets it; at 13:01 it is breached, from 13:00, 241/240 used.
    expect(computeSlaStatus({ ...clock, at: at('2026-11-30', '13:00') })).toMatchObject({ isBreached: false, breachedAt: null, fractionUsed: 1 });
    const late = computeSlaStatus({ ...clock, at: at('2026-11-30', '13:01') });
    expect(late).toMatchObject({ isBreached: true, elapsedMinutes: 241 });
    expect(shown(late.breachedAt)).toBe('2026-11-30 13:00');
  });

  it('31. is breached overnight even though no working minute passes', () => {
    // Raised Mon 13:00, due 17:00 (case 5's arithmetic); at Mon 20:00 elapsed is still 240, the
    // target exactly, yet the deadline has passed unmet: breached.
    const status = computeSlaStatus({ ...clock, start: at('2026-11-30', '13:00'), at: at('2026-11-30', '20:00') });
    expect(status).toMatchObject({ elapsedMinutes: 240, fractionUsed: 1, isBreached: true });
  });
});

describe('what a clock refuses', () => {
  it('rejects a target that is not positive, a stop that ends before it starts and impossible hours', () => {
    const start = at('2026-11-30', '09:00');
    expect(() => computeSlaDeadline({ calendar: officeHours, start, targetMinutes: 0 })).toThrow(RangeError);
    expect(() => computeSlaDeadline({ calendar: officeHours, start, targetMinutes: 60, stops: [stop(at('2026-11-30', '11:00'), at('2026-11-30', '10:00'))] })).toThrow(RangeError);
    expect(() => computeSlaDeadline({ calendar: { ...officeHours, opens: '17:00', closes: '08:00' }, start, targetMinutes: 60 })).toThrow(RangeError);
    expect(() => computeSlaDeadline({ calendar: { ...officeHours, opens: '8am' }, start, targetMinutes: 60 })).toThrow(RangeError);
    expect(() => computeSlaDeadline({ calendar: { ...officeHours, days: [] }, start, targetMinutes: 60 })).toThrow(RangeError);
    expect(() => computeSlaDeadline({ calendar: officeHours, start: 'yesterday', targetMinutes: 60 })).toThrow(RangeError);
    expect(() => computeSlaInstant({ calendar: officeHours, start, targetMinutes: 60, minutes: -1 })).toThrow(RangeError);
  });

  it('takes ISO strings as well as dates', () => {
    // Mon 30 Nov 2026 09:00 GMT is 09:00Z; 4 working hours → 13:00Z.
    expect(computeSlaDeadline({ calendar: officeHours, start: '2026-11-30T09:00:00Z', targetMinutes: 240 })?.toISOString()).toBe('2026-11-30T13:00:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { formatTime, londonDay, londonWallClock } from '../calendar/london';
import { faultSla, slaMet } from './faultSla';
import type { StepRecord } from './faults';
import type { SlaCalendar } from './slaClock';

// Hand-worked: London wall-clock times, winter (GMT). Office hours Mon–Fri 08:00–17:00.
const officeHours: SlaCalendar = { kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00' };
const at = (day: string, time: string) => { const [hour, minute] = time.split(':').map(Number); return londonWallClock(day, { hour, minute })!; };
const shown = (d: Date | null) => (d ? `${londonDay(d)} ${formatTime(d)}` : null);
const step = (kind: StepRecord['kind'], when: Date, stopReason?: StepRecord['stopReason']): StepRecord => ({ kind, at: when, stopReason });

describe('a fault against its SLA', () => {
  const raisedAt = at('2026-11-30', '10:00'); // Monday
  const p3 = { clock: 'working_hours' as const, responseMinutes: 540, fixMinutes: 5 * 540 }; // 1 and 5 working days

  it('has no clocks without terms (no contract or priority yet)', () => {
    const s = faultSla({ raisedAt, term: null, calendar: null, steps: [step('raised', raisedAt)], now: at('2026-12-01', '10:00') });
    expect(s.response).toBeNull();
    expect(slaMet(s.fix)).toBeNull();
  });

  it('runs, warns at 75%, and breaches while awaited', () => {
    // Response due Tue 1 Dec 10:00 (7h Monday + 2h Tuesday); 75% = 405 min = 6h45 → Mon 16:45, inside Monday's 7h.
    const steps = [step('raised', raisedAt)];
    const now = (d: string, t: string) => faultSla({ raisedAt, term: p3, calendar: officeHours, steps, now: at(d, t) }).response!;
    expect(shown(now('2026-11-30', '12:00').deadline)).toBe('2026-12-01 10:00');
    expect(shown(now('2026-11-30', '12:00').warningAt)).toBe('2026-11-30 16:45');
    expect(now('2026-11-30', '12:00').outcome).toBe('running');
    expect(now('2026-11-30', '16:44').outcome).toBe('running');
    expect(now('2026-11-30', '16:45').outcome).toBe('warning');
    expect(now('2026-11-30', '20:00').outcome).toBe('warning'); // the clock does not run overnight: still short of the deadline
    expect(now('2026-12-01', '10:00').outcome).toBe('warning'); // meeting the deadline to the minute is not a breach
    expect(now('2026-12-01', '10:01').outcome).toBe('breached');
  });

  it('judges a response at its attendance: met to the minute, missed after', () => {
    const met = faultSla({ raisedAt, term: p3, calendar: officeHours, steps: [step('raised', raisedAt), step('attended', at('2026-12-01', '10:00'))], now: at('2026-12-09', '09:00') });
    expect(met.response!.outcome).toBe('met');
    expect(slaMet(met.response)).toBe(true);
    const missed = faultSla({ raisedAt, term: p3, calendar: officeHours, steps: [step('raised', raisedAt), step('attended', at('2026-12-01', '10:30'))], now: at('2026-12-01', '11:00') });
    expect(missed.response!.outcome).toBe('missed');
    expect(slaMet(missed.response)).toBe(false);
  });

  it('deducts a stop awaiting a part from the fix clock, and says stopped while it runs', () => {
    // Fix due 5 working days from Mon 10:00 → Mon 7 Dec 10:00. Stopped Tue 1 Dec 09:00 to Thu 3 Dec 09:00:
    // 2 working days (18 hours of office time) added → Wed 9 Dec 10:00.
    const steps = [step('raised', raisedAt), step('attended', at('2026-12-01', '08:30')),
      step('clock_stopped', at('2026-12-01', '09:00'), 'awaiting_part')];
    const stopped = faultSla({ raisedAt, term: p3, calendar: officeHours, steps, now: at('2026-12-02', '12:00') }).fix!;
    expect(stopped.outcome).toBe('stopped');
    expect(stopped.deadline).toBeNull();
    const restarted = faultSla({ raisedAt, term: p3, calendar: officeHours, steps: [...steps, step('clock_restarted', at('2026-12-03', '09:00'))], now: at('2026-12-03', '12:00') }).fix!;
    expect(shown(restarted.deadline)).toBe('2026-12-09 10:00');
    expect(restarted.outcome).toBe('running');
  });

  it('keeps the fix clock running through a reopened fix', () => {
    const p1 = { clock: 'round_the_clock' as const, responseMinutes: 240, fixMinutes: 1440 };
    const steps = [step('raised', raisedAt), step('attended', at('2026-11-30', '12:00')), step('fixed', at('2026-11-30', '16:00')),
      step('reopened', at('2026-11-30', '18:00'))];
    const s = faultSla({ raisedAt, term: p1, calendar: { kind: 'round_the_clock' }, steps, now: at('2026-12-01', '11:00') });
    expect(s.fixedAt).toBeNull();
    expect(s.fix!.outcome).toBe('breached'); // due Tue 1 Dec 10:00, still not fixed at 11:00
    expect(s.response!.outcome).toBe('met');
  });
});

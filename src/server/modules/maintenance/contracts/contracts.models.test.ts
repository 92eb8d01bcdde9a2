import { describe, expect, it } from 'vitest';
import { computeSlaDeadline } from '../../../../domain/maintenance/slaClock';
import { clockCalendarFor, creditRuleOf, isEffectiveFromAllowed, wallClockOf } from './contracts.models';

const hours = { workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const, opensAt: '08:00', closesAt: '17:00' };

describe('clockCalendarFor', () => {
  it('builds the working-hours calendar from the contract\'s days, hours and closure days (sorted)', () => {
    expect(clockCalendarFor(hours, ['2026-12-31', '2026-12-24'])).toEqual({
      kind: 'working_hours', days: ['mon', 'tue', 'wed', 'thu', 'fri'], opens: '08:00', closes: '17:00', closedDays: ['2026-12-24', '2026-12-31'],
    });
  });

  it('is 24/7 for a round-the-clock term, whatever the contract\'s hours', () => {
    expect(clockCalendarFor(hours, ['2026-12-24'], 'round_the_clock')).toEqual({ kind: 'round_the_clock' });
  });

  it('skips a closure day: 2 working hours from 16:00 on Wed 23 Dec 2026 land on Tue 29 Dec (Christmas bank holidays and the closure day between)', () => {
    const open = clockCalendarFor(hours, []);
    const closed = clockCalendarFor(hours, ['2026-12-24']);
    const start = '2026-12-23T16:00:00Z';
    expect(computeSlaDeadline({ calendar: open, start, targetMinutes: 120 })?.toISOString()).toBe('2026-12-24T09:00:00.000Z');
    // 25 Dec (Fri) and 28 Dec (Mon, the Boxing Day substitute) are bank holidays; the weekend does not count.
    expect(computeSlaDeadline({ calendar: closed, start, targetMinutes: 120 })?.toISOString()).toBe('2026-12-29T09:00:00.000Z');
  });
});

describe('isEffectiveFromAllowed', () => {
  const now = new Date('2026-06-01T10:00:00Z');
  it('allows now, later, and up to a minute ago (the form took a moment to send)', () => {
    for (const at of ['2026-06-01T10:00:00Z', '2026-07-01T00:00:00Z', '2026-06-01T09:59:00Z']) expect(isEffectiveFromAllowed({ effectiveFrom: new Date(at), now })).toBe(true);
  });
  it('refuses more than a minute ago: a change applies to faults raised after it', () => {
    expect(isEffectiveFromAllowed({ effectiveFrom: new Date('2026-06-01T09:58:59Z'), now })).toBe(false);
  });
});

describe('stored values', () => {
  it('reads PostgreSQL times as HH:MM', () => {
    expect(wallClockOf('08:30:00')).toBe('08:30');
    expect(wallClockOf('24:00:00')).toBe('24:00');
  });
  it('gives the credit rule the contract\'s monthly charge, and none where the contract has none', () => {
    const stored = { monthlyChargePence: 1, responseBreachPence: { P1: 1, P2: 1, P3: 1, P4: 1 }, fixBreachPence: { P1: 2, P2: 2, P3: 2, P4: 2 }, capPercent: 5 };
    expect(creditRuleOf(stored, 900_000)).toEqual({ ...stored, monthlyChargePence: 900_000 });
    expect(creditRuleOf(null, 900_000)).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { formatHours, londonMonth, monthDays, monthlyBilling, secondsWithin } from './parishes';

// Hand-worked: Europe/London is GMT (UTC+0) in winter and BST (UTC+1) from the last Sunday of
// March (29 March 2026, 01:00 GMT → 02:00 BST) to the last Sunday of October (25 October 2026).

const terms = { minutesPerMonth: 20 * 60, visitsPerMonth: 8 };
const now = new Date('2026-12-01T00:00:00Z');

describe('parish billing', () => {
  it('a month starts at London midnight: 1 April 2026 is 31 March 23:00 UTC (BST), 1 January is 00:00 UTC', () => {
    expect(londonMonth('2026-04')).toEqual({ start: new Date('2026-03-31T23:00:00Z'), end: new Date('2026-04-30T23:00:00Z') });
    expect(londonMonth('2026-01')).toEqual({ start: new Date('2026-01-01T00:00:00Z'), end: new Date('2026-02-01T00:00:00Z') });
    expect(monthDays('2026-02')).toEqual({ first: '2026-02-01', last: '2026-02-28' });
  });

  it('a patrol across midnight at the end of January counts 60 minutes in each month, and one visit in January', () => {
    const patrol = { startedAt: new Date('2026-01-31T23:00:00Z'), endedAt: new Date('2026-02-01T01:00:00Z') }; // 23:00–01:00 GMT
    const jan = monthlyBilling({ month: '2026-01', terms, patrols: [patrol], notices: [{ kind: 'pcn', at: new Date('2026-01-31T23:30:00Z') }, { kind: 'fpn', at: new Date('2026-02-01T00:30:00Z') }], now });
    const feb = monthlyBilling({ month: '2026-02', terms, patrols: [patrol], notices: [{ kind: 'pcn', at: new Date('2026-01-31T23:30:00Z') }, { kind: 'fpn', at: new Date('2026-02-01T00:30:00Z') }], now });
    expect(jan).toMatchObject({ patrolMinutes: 60, visits: 1, notices: { pcn: 1, fpn: 0 } });
    expect(feb).toMatchObject({ patrolMinutes: 60, visits: 0, notices: { pcn: 0, fpn: 1 } });
    expect(jan.minutesDifference).toBe(60 - 1200);
    expect(jan.hoursPercent).toBe(5);
  });

  it('a patrol across London midnight at the end of March in BST: 23:30 BST 31 March to 00:30 BST 1 April is 30 minutes each side (UTC would put all of it in March)', () => {
    const patrol = { startedAt: new Date('2026-03-31T22:30:00Z'), endedAt: new Date('2026-03-31T23:30:00Z') };
    expect(monthlyBilling({ month: '2026-03', terms, patrols: [patrol], notices: [], now }).patrolMinutes).toBe(30);
    expect(monthlyBilling({ month: '2026-04', terms, patrols: [patrol], notices: [], now })).toMatchObject({ patrolMinutes: 30, visits: 0 });
  });

  it('on the day the clocks go forward, 00:30 to 03:30 on the wall clock is 2 hours of patrol, not 3', () => {
    const patrol = { startedAt: new Date('2026-03-29T00:30:00Z'), endedAt: new Date('2026-03-29T02:30:00Z') }; // 00:30 GMT → 03:30 BST
    expect(monthlyBilling({ month: '2026-03', terms, patrols: [patrol], notices: [], now })).toMatchObject({ patrolMinutes: 120, visits: 1 });
  });

  it('on the day the clocks go back, 00:30 to 03:30 on the wall clock is 4 hours', () => {
    const patrol = { startedAt: new Date('2026-10-24T23:30:00Z'), endedAt: new Date('2026-10-25T03:30:00Z') }; // 00:30 BST → 03:30 GMT
    expect(monthlyBilling({ month: '2026-10', terms, patrols: [patrol], notices: [], now }).patrolMinutes).toBe(240);
  });

  it('a patrol still out counts until now; nothing contracted gives no percentage', () => {
    const out = { startedAt: new Date('2026-06-10T08:00:00Z'), endedAt: null };
    expect(secondsWithin(out, londonMonth('2026-06'), new Date('2026-06-10T09:15:30Z'))).toBe(75 * 60 + 30);
    const b = monthlyBilling({ month: '2026-06', terms: { minutesPerMonth: 0, visitsPerMonth: 0 }, patrols: [out], notices: [], now: new Date('2026-06-10T09:15:30Z') });
    expect(b).toMatchObject({ patrolMinutes: 76, visits: 1, hoursPercent: null, visitsDifference: 1 });
  });

  it('formats hours and minutes', () => {
    expect(formatHours(90)).toBe('1:30');
    expect(formatHours(-1140)).toBe('-19:00');
    expect(formatHours(0)).toBe('0:00');
  });
});

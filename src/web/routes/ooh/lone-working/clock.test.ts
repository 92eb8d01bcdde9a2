import { describe, expect, it } from 'vitest';
import { parseExpectedEnd, clockOffset, countdownLabel, minutesToSeconds, newlyOverdue, secondsToMinutes, serverNow } from './clock';

describe('lone-working countdowns from the server’s time', () => {
  it('a PC clock ten minutes slow does not change the countdown', () => {
    const server = Date.parse('2026-12-03T23:00:00Z');
    const pc = server - 10 * 60_000; // the PC is ten minutes behind
    const offset = clockOffset('2026-12-03T23:00:00.000Z', pc);
    expect(offset).toBe(600_000);
    // 65 seconds later on the PC's clock
    const now = serverNow(offset, pc + 65_000);
    expect(countdownLabel('2026-12-03T23:05:00.000Z', now)).toBe('3:55 left');
  });

  it('past the deadline it reads overdue; none awaited says so', () => {
    const now = Date.parse('2026-12-03T23:06:05Z');
    expect(countdownLabel('2026-12-03T23:05:00.000Z', now)).toBe('Overdue by 1:05');
    expect(countdownLabel('2026-12-03T23:06:05.000Z', now)).toBe('0:00 left');
    expect(countdownLabel(null, now)).toBe('No check-in awaited');
    expect(countdownLabel('2026-12-04T01:06:05.000Z', now)).toBe('2:00:00 left');
  });

  it('announces only sessions that have just become overdue, not on the first load', () => {
    const items = [{ id: 'a', overdue: true }, { id: 'b', overdue: false }, { id: 'c', overdue: true }];
    expect(newlyOverdue(undefined, items)).toEqual([]);
    expect(newlyOverdue(new Set(['a']), items)).toEqual(['c']);
  });

  it('converts the ladder’s minutes and seconds', () => {
    expect(minutesToSeconds('5')).toBe(300);
    expect(minutesToSeconds(' 2.5 ')).toBe(150);
    expect(minutesToSeconds('0')).toBe(0);
    expect(minutesToSeconds('-1')).toBeUndefined();
    expect(minutesToSeconds('five')).toBeUndefined();
    expect(minutesToSeconds('')).toBeUndefined();
    expect(secondsToMinutes(900)).toBe('15');
    expect(secondsToMinutes(90)).toBe('1.5');
  });

  it('reads an expected end typed the UK way; a bare time is the next one to come', () => {
    const now = new Date('2026-12-03T21:00:00Z');
    expect(parseExpectedEnd('3/12/2026 23:30', now)).toBe('2026-12-03T23:30:00.000Z');
    expect(parseExpectedEnd('23:30', now)).toBe('2026-12-03T23:30:00.000Z');
    expect(parseExpectedEnd('01:15', now)).toBe('2026-12-04T01:15:00.000Z');
    expect(parseExpectedEnd('1/7/2026 09:00', now)).toBe('2026-07-01T08:00:00.000Z');
    expect(parseExpectedEnd('00.45', now)).toBe('2026-12-04T00:45:00.000Z');
    expect(parseExpectedEnd('', now)).toBe('');
    expect(parseExpectedEnd('soon', now)).toBeUndefined();
  });
});

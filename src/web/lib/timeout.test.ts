import { describe, expect, it } from 'vitest';
import { announcedDuration, formatDuration, planSignOut } from './timeout';

const MIN = 60_000;
const farOff = new Date(Date.UTC(2030, 0, 1)).toISOString();

describe('planSignOut', () => {
  it('signs out a minute short of the idle limit and warns two minutes before that', () => {
    expect(planSignOut({ lastActivity: 0, idleTimeoutMinutes: 30, expiresAt: farOff })).toEqual({ kind: 'idle', at: 29 * MIN, warnAt: 27 * MIN });
  });

  it('warns at half the limit when the limit is under four minutes', () => {
    expect(planSignOut({ lastActivity: 0, idleTimeoutMinutes: 3, expiresAt: farOff })).toEqual({ kind: 'idle', at: 2 * MIN, warnAt: 1 * MIN });
    expect(planSignOut({ lastActivity: 0, idleTimeoutMinutes: 1, expiresAt: farOff })).toEqual({ kind: 'idle', at: 30_000, warnAt: 15_000 });
  });

  it('ends at the absolute expiry when that comes first, warning five minutes before', () => {
    const expiresAt = new Date(20 * MIN).toISOString();
    expect(planSignOut({ lastActivity: 0, idleTimeoutMinutes: 30, expiresAt })).toEqual({ kind: 'absolute', at: 20 * MIN, warnAt: 15 * MIN });
  });
});

describe('durations', () => {
  it('reads as minutes and seconds', () => {
    expect(formatDuration(120_000)).toBe('2 minutes');
    expect(formatDuration(61_000)).toBe('1 minute 1 second');
    expect(formatDuration(44_200)).toBe('45 seconds');
    expect(formatDuration(-5)).toBe('0 seconds');
  });

  it('is announced in steps of 30 seconds, then 15 in the last minute', () => {
    expect(announcedDuration(119_000)).toBe('2 minutes');
    expect(announcedDuration(90_000)).toBe('1 minute 30 seconds');
    expect(announcedDuration(61_000)).toBe('1 minute 30 seconds');
    expect(announcedDuration(60_000)).toBe('1 minute');
    expect(announcedDuration(44_000)).toBe('45 seconds');
  });
});

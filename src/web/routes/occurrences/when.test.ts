import { describe, expect, it } from 'vitest';
import { parseUkDateTime } from './when';
import { formatUkDateTimeInput } from '../../../domain/calendar/london';

describe('parseUkDateTime', () => {
  const now = new Date('2026-07-15T12:00:00Z');
  it('reads a UK date and time as London time, in summer and winter', () => {
    expect(parseUkDateTime('15/7/2026 14:05', now)).toBe('2026-07-15T13:05:00.000Z');
    expect(parseUkDateTime('23/11/2026 at 14:05', now)).toBe('2026-11-23T14:05:00.000Z');
  });
  it('reads seconds when they are given (a recorder\'s clock, footage times)', () => {
    expect(parseUkDateTime('15/7/2026 14:03:10', now)).toBe('2026-07-15T13:03:10.000Z');
    expect(parseUkDateTime('09:30:05', now)).toBe('2026-07-15T08:30:05.000Z');
    expect(parseUkDateTime('09:30:60', now)).toBeUndefined();
  });
  it('reads a time alone as today in London', () => {
    expect(parseUkDateTime('09:30', now)).toBe('2026-07-15T08:30:00.000Z');
  });
  it('reads a time alone as the most recent such time: after midnight, 23:30 is last night', () => {
    const tenPastMidnight = new Date('2026-07-15T23:10:00Z'); // 00:10 BST on the 16th
    expect(parseUkDateTime('23:30', tenPastMidnight)).toBe('2026-07-15T22:30:00.000Z'); // 23:30 BST on the 15th
    expect(parseUkDateTime('00:05', tenPastMidnight)).toBe('2026-07-15T23:05:00.000Z'); // five minutes ago
    expect(parseUkDateTime('00:10', tenPastMidnight)).toBe('2026-07-15T23:10:00.000Z'); // now
    // In winter, across the year's end.
    const newYear = new Date('2027-01-01T00:20:00Z');
    expect(parseUkDateTime('23:55', newYear)).toBe('2026-12-31T23:55:00.000Z');
    // The night the clocks go back (25 October 2026): 01:30 typed at 00:45 GMT is the 24th's, 01:30 BST.
    expect(parseUkDateTime('01:30', new Date('2026-10-25T00:45:00Z'))).toBe('2026-10-25T00:30:00.000Z');
  });
  it('gives empty for nothing and undefined for nonsense', () => {
    expect(parseUkDateTime('  ', now)).toBe('');
    expect(parseUkDateTime('31/2/2026 10:00', now)).toBeUndefined();
    expect(parseUkDateTime('25:00', now)).toBeUndefined();
    expect(parseUkDateTime('soon', now)).toBeUndefined();
  });
  it('round-trips what a field shows', () => {
    expect(formatUkDateTimeInput('2026-07-15T13:05:00.000Z')).toBe('15/7/2026 14:05');
    expect(parseUkDateTime(formatUkDateTimeInput('2026-03-29T01:30:00.000Z'), now)).toBe('2026-03-29T01:30:00.000Z');
  });
});

import { describe, expect, it } from 'vitest';
import { formatHours, formatMinutes, lastMonths, monthLabel, plural } from './format';

describe('team page formatting', () => {
  it('names a month', () => {
    expect(monthLabel('2026-03')).toBe('March 2026');
    expect(monthLabel('2026-12')).toBe('December 2026');
    expect(monthLabel('nonsense')).toBe('nonsense');
  });

  it('lists the last 12 London months, newest first, across a year end', () => {
    const months = lastMonths(new Date('2026-02-10T12:00:00Z'));
    expect(months).toHaveLength(12);
    expect(months[0]).toBe('2026-02');
    expect(months[1]).toBe('2026-01');
    expect(months[2]).toBe('2025-12');
    expect(months[11]).toBe('2025-03');
  });

  it('takes the London month, not UTC, at midnight in summer time', () => {
    // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
    expect(lastMonths(new Date('2026-05-31T23:30:00Z'), 1)).toEqual(['2026-06']);
  });

  it('writes minutes as hours and minutes', () => {
    expect(formatMinutes(0)).toBe('0 h');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(90)).toBe('1 h 30 min');
    expect(formatMinutes(-30)).toBe('−30 min');
    expect(formatHours(90)).toBe('1.5');
    expect(formatHours(100)).toBe('1.67');
  });

  it('counts in the plural', () => {
    expect(plural(1, 'record')).toBe('1 record');
    expect(plural(3, 'record')).toBe('3 records');
  });
});

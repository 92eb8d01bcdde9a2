import { expect, it } from 'vitest';
import { formatDate, formatDateTime, formatTime, formatUkDay, isValidDay, londonDayAfter, londonDayStart, parseUkDate } from './time';

// What people read is London time, whatever the computer's own zone: GMT in winter, BST in summer.

it('shows instants in London time, GMT in winter and BST in summer', () => {
  expect(formatDateTime('2026-01-15T23:30:00Z')).toBe('15 Jan 2026, 23:30');
  expect(formatDateTime('2026-07-15T23:30:00Z')).toBe('16 Jul 2026, 00:30');
  expect(formatDateTime('2026-07-15T23:30:05Z', { seconds: true })).toBe('16 Jul 2026, 00:30:05');
  expect(formatTime('2026-03-29T01:30:00Z')).toBe('02:30'); // the first minutes of BST
  expect(formatDate('2026-10-31T23:30:00Z')).toBe('31 October 2026'); // BST ends the next night
  expect(formatDateTime('not a date')).toBe('');
  expect(formatDateTime(null)).toBe('');
});

it('gives the instants a London day begins and ends, across the clock changes', () => {
  expect(londonDayStart('2026-01-15')?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
  expect(londonDayStart('2026-07-15')?.toISOString()).toBe('2026-07-14T23:00:00.000Z');
  // 29 March 2026 is 23 hours long in London, 25 October 2026 is 25.
  expect(londonDayStart('2026-03-29')?.toISOString()).toBe('2026-03-29T00:00:00.000Z');
  expect(londonDayAfter('2026-03-29')?.toISOString()).toBe('2026-03-29T23:00:00.000Z');
  expect(londonDayStart('2026-10-25')?.toISOString()).toBe('2026-10-24T23:00:00.000Z');
  expect(londonDayAfter('2026-10-25')?.toISOString()).toBe('2026-10-26T00:00:00.000Z');
  expect(londonDayAfter('2026-12-31')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
  expect(londonDayStart('2026-02-30')).toBeUndefined();
});

it('reads the ways people type a UK date, and refuses dates that do not exist', () => {
  expect(parseUkDate('1/11/2026')).toBe('2026-11-01');
  expect(parseUkDate(' 01-11-2026 ')).toBe('2026-11-01');
  expect(parseUkDate('1 11 2026')).toBe('2026-11-01');
  expect(parseUkDate('2026-11-01')).toBe('2026-11-01');
  expect(parseUkDate('29/2/2026')).toBeUndefined();
  expect(parseUkDate('29/2/2028')).toBe('2028-02-29');
  expect(parseUkDate('11/31/2026')).toBeUndefined(); // month first is not a UK date
  expect(isValidDay('2026-13-01')).toBe(false);
  expect(formatUkDay('2026-03-07')).toBe('7/3/2026');
});

import { addDays, getHours, set, startOfDay } from 'date-fns';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatDate, formatDateTime, formatTime, formatTimestamp, formatUkDateTimeInput, formatUkDay, inLondon, isValidDay,
  londonDay, londonDayAfter, londonDayStart, londonParts, londonWallClock, londonYear, parseUkDate,
} from './london';

// What people read is London time, whatever the computer's own zone: GMT in winter, BST in summer.
// 29 March 2026 is 23 hours long in London (01:00 GMT becomes 02:00 BST); 25 October 2026 is 25
// (02:00 BST becomes 01:00 GMT).

describe('formatting for display', () => {
  it('shows instants in London time, GMT in winter and BST in summer', () => {
    expect(formatDateTime('2026-01-15T23:30:00Z')).toBe('15 Jan 2026, 23:30');
    expect(formatDateTime('2026-07-15T23:30:00Z')).toBe('16 Jul 2026, 00:30');
    expect(formatDateTime('2026-07-15T23:30:05Z', { seconds: true })).toBe('16 Jul 2026, 00:30:05');
    expect(formatTime('2026-03-29T01:30:00Z')).toBe('02:30'); // the first minutes of BST
    expect(formatTime('2026-03-29T00:59:00Z')).toBe('00:59'); // the last of GMT
    expect(formatDate('2026-10-31T23:30:00Z')).toBe('31 October 2026');
    expect(formatDate(new Date('2026-10-24T23:30:00Z'))).toBe('25 October 2026'); // BST ends that night
    expect(formatDateTime('not a date')).toBe('');
    expect(formatDateTime(null)).toBe('');
    expect(formatTime('')).toBe('');
  });

  it('writes timestamps for documents and exports with every digit, around midnight on both clocks', () => {
    expect(formatTimestamp('2026-01-05T23:30:05Z')).toBe('05/01/2026, 23:30:05');
    expect(formatTimestamp(new Date('2026-06-30T23:00:00Z'))).toBe('01/07/2026, 00:00:00');
    // The hour that happens twice on 25 October: 00:30 UTC is 01:30 BST, 01:30 UTC is 01:30 GMT.
    expect(formatTimestamp('2026-10-25T00:30:00Z')).toBe('25/10/2026, 01:30:00');
    expect(formatTimestamp('2026-10-25T01:30:00Z')).toBe('25/10/2026, 01:30:00');
    expect(formatTimestamp(undefined)).toBe('');
  });

  it('shows a field\'s date and time the way people type it', () => {
    expect(formatUkDateTimeInput('2026-07-15T13:05:00.000Z')).toBe('15/7/2026 14:05');
    expect(formatUkDateTimeInput(new Date('2026-01-05T00:05:00.000Z'))).toBe('5/1/2026 00:05');
  });
});

describe('London days and years', () => {
  it('gives the wall clock, the day and the year at an instant', () => {
    expect(londonParts(new Date('2026-07-15T23:30:05Z'))).toEqual({ year: 2026, month: 7, day: 16, hour: 0, minute: 30, second: 5 });
    expect(londonDay(new Date('2026-07-15T23:30:00Z'))).toBe('2026-07-16');
    expect(londonDay(new Date('2026-01-15T23:30:00Z'))).toBe('2026-01-15');
    expect(londonYear(new Date('2026-12-31T23:59:59.999Z'))).toBe(2026); // midnight GMT on 1 January
    expect(londonYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  it('gives the instants a London day begins and ends, across the clock changes', () => {
    expect(londonDayStart('2026-01-15')?.toISOString()).toBe('2026-01-15T00:00:00.000Z');
    expect(londonDayStart('2026-07-15')?.toISOString()).toBe('2026-07-14T23:00:00.000Z');
    expect(londonDayStart('2026-03-29')?.toISOString()).toBe('2026-03-29T00:00:00.000Z');
    expect(londonDayAfter('2026-03-29')?.toISOString()).toBe('2026-03-29T23:00:00.000Z');
    expect(londonDayStart('2026-10-25')?.toISOString()).toBe('2026-10-24T23:00:00.000Z');
    expect(londonDayAfter('2026-10-25')?.toISOString()).toBe('2026-10-26T00:00:00.000Z');
    expect(londonDayAfter('2026-12-31')?.toISOString()).toBe('2027-01-01T00:00:00.000Z');
    expect(londonDayStart('2026-02-30')).toBeUndefined();
  });

  it('makes the day of the spring change 23 hours long and the autumn one 25', () => {
    const hours = (day: string) => (londonDayAfter(day)!.getTime() - londonDayStart(day)!.getTime()) / 3600_000;
    expect(hours('2026-03-29')).toBe(23);
    expect(hours('2026-10-25')).toBe(25);
    expect(hours('2026-03-28')).toBe(24);
    expect(hours('2026-10-26')).toBe(24);
  });

  it('turns a wall-clock time into its instant, in GMT, in BST and around the changes', () => {
    const at = (day: string, hour: number, minute = 0) => londonWallClock(day, { hour, minute })?.toISOString();
    expect(at('2026-01-15', 19)).toBe('2026-01-15T19:00:00.000Z');
    expect(at('2026-07-15', 19)).toBe('2026-07-15T18:00:00.000Z');
    expect(at('2026-03-29', 0, 59)).toBe('2026-03-29T00:59:00.000Z');
    expect(at('2026-03-29', 3)).toBe('2026-03-29T02:00:00.000Z');
    expect(at('2026-03-29', 1, 30)).toBe('2026-03-29T01:30:00.000Z'); // 01:30 never shows on the wall: an hour later
    expect(at('2026-10-25', 0, 30)).toBe('2026-10-24T23:30:00.000Z');
    expect(at('2026-10-25', 1, 30)).toBe('2026-10-25T01:30:00.000Z'); // 01:30 happens twice: the GMT one
    expect(at('2026-10-25', 3)).toBe('2026-10-25T03:00:00.000Z');
    expect(at('2026-02-29', 12)).toBeUndefined();
  });

  it('lets date-fns work on London days, as the seed does', () => {
    const evening = new Date('2026-10-24T20:00:00Z'); // 21:00 BST, the night the clocks go back
    const today = startOfDay(inLondon(evening));
    expect(today.getTime()).toBe(londonDayStart('2026-10-24')!.getTime());
    const next = addDays(today, 1);
    expect(next.getTime()).toBe(londonDayStart('2026-10-25')!.getTime());
    expect(set(addDays(today, 1), { hours: 19 }).getTime()).toBe(new Date('2026-10-25T19:00:00Z').getTime());
    expect(getHours(inLondon(new Date('2026-07-15T23:30:00Z')))).toBe(0);
  });
});

describe('UK dates people type', () => {
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
});

describe('londonYear', () => {
  it('changes at midnight on 1 January (London is on UTC in winter)', () => {
    expect(londonYear(new Date('2026-12-31T23:59:59Z'))).toBe(2026);
    expect(londonYear(new Date('2026-12-31T23:59:59.999Z'))).toBe(2026);
    expect(londonYear(new Date('2027-01-01T00:00:00Z'))).toBe(2027);
  });

  it('keeps a summer (BST) instant in its year, including one where UTC and London differ by an hour', () => {
    expect(londonYear(new Date('2026-07-01T23:30:00Z'))).toBe(2026); // 00:30 BST on 2 July
    expect(londonYear(new Date('2026-06-30T23:59:59Z'))).toBe(2026);
  });

  it('is the UTC year at any instant more than a day from New Year (London is never more than an hour off UTC)', () => {
    fc.assert(fc.property(fc.date({ min: new Date('1971-01-01T00:00:00Z'), max: new Date('2200-01-01T00:00:00Z'), noInvalidDate: true }), (d) => {
      const y = d.getUTCFullYear();
      const fromNewYear = Math.min(d.getTime() - Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1) - d.getTime());
      fc.pre(fromNewYear > 24 * 3600_000);
      expect(londonYear(d)).toBe(y);
    }));
  });
});

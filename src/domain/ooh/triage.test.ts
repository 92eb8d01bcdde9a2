import { describe, expect, it } from 'vitest';
import { describeResponse, nextWorkingDay, responseBy } from './triage';

// Response-by instants worked by hand. BST (UTC+1) runs from 29 March to 25 October 2026.
// 2026 England and Wales bank holidays used here: Good Friday 3 April, Easter Monday 6 April,
// early May 4 May, Christmas 25 December, Boxing Day (substitute) 28 December.

const Z = (iso: string) => new Date(iso);
const within = (minutes: number) => ({ kind: 'within' as const, minutes });
const nwd = { kind: 'next_working_day' as const };

describe('responseBy', () => {
  it('counts "within" minutes from the instant received, across the clock change', () => {
    expect(responseBy(Z('2026-03-03T23:10:00Z'), within(60))).toEqual(Z('2026-03-04T00:10:00Z'));
    // 00:30 GMT + 1 hour = 01:30Z, which is 02:30 BST on the wall: one real hour.
    expect(responseBy(Z('2026-03-29T00:30:00Z'), within(60))).toEqual(Z('2026-03-29T01:30:00Z'));
    expect(responseBy(Z('2026-10-24T22:00:00Z'), within(24 * 60))).toEqual(Z('2026-10-25T22:00:00Z'));
  });

  it('is 10:00 London on the next working day: a Tuesday night call is due Wednesday', () => {
    expect(responseBy(Z('2026-03-03T21:00:00Z'), nwd)).toEqual(Z('2026-03-04T10:00:00Z'));
  });

  it('skips the weekend: a Friday-night call is due Monday 10:00 (GMT after the clocks went back)', () => {
    expect(responseBy(Z('2026-10-23T21:00:00Z'), nwd)).toEqual(Z('2026-10-26T10:00:00Z'));
  });

  it('skips the Easter bank holiday weekend: Thursday 2 April 2026 evening -> Tuesday 7 April 10:00 BST', () => {
    expect(nextWorkingDay('2026-04-02')).toBe('2026-04-07');
    expect(responseBy(Z('2026-04-02T19:00:00Z'), nwd)).toEqual(Z('2026-04-07T09:00:00Z'));
  });

  it('skips the early May bank holiday and Christmas with its substitute Boxing Day', () => {
    expect(responseBy(Z('2026-05-02T02:00:00Z'), nwd)).toEqual(Z('2026-05-05T09:00:00Z'));
    expect(responseBy(Z('2026-12-24T23:30:00Z'), nwd)).toEqual(Z('2026-12-29T10:00:00Z'));
  });

  it('goes by the London day, not the UTC one: 00:30 BST on Friday is Friday, so Monday', () => {
    expect(responseBy(Z('2026-06-04T23:30:00Z'), nwd)).toEqual(Z('2026-06-08T09:00:00Z'));
  });
});

describe('describeResponse', () => {
  it('says what is needed', () => {
    expect(describeResponse(within(60))).toBe('Within 1 hour');
    expect(describeResponse(within(1440))).toBe('Within 24 hours');
    expect(describeResponse(within(90))).toBe('Within 90 minutes');
    expect(describeResponse(nwd)).toBe('By 10:00 on the next working day');
  });
});

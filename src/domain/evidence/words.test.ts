import { describe, expect, it } from 'vitest';
import { describeClock, describeDuration, describeEventDetails, describeSize, ukWhen } from './words';

describe('package words', () => {
  it('says the recorder clock offset in words, in UK time, with its direction from the readings', () => {
    expect(describeClock({ recorderShowed: '2025-11-23T14:03:10Z', trueTime: '2025-11-23T14:05:00Z', offsetSeconds: 110 }))
      .toBe('the recorder showed 14:03:10 when the true time was 14:05:00 (recorder 1 min 50 s slow)');
    // British Summer Time: the wall clock is an hour ahead of UTC.
    expect(describeClock({ recorderShowed: '2025-07-01T13:00:05Z', trueTime: '2025-07-01T13:00:00Z', offsetSeconds: -5 }))
      .toBe('the recorder showed 14:00:05 when the true time was 14:00:00 (recorder 5 s fast)');
    expect(describeClock({ recorderShowed: '2025-07-01T13:00:00Z', trueTime: '2025-07-01T13:00:00Z', offsetSeconds: 0 })).toMatch(/recorder correct/);
    expect(describeClock({ recorderShowed: '2025-11-22T23:59:00Z', trueTime: '2025-11-23T01:01:01Z', offsetSeconds: 0 }))
      .toBe('the recorder showed 22 November 2025 at 23:59:00 when the true time was 23 November 2025 at 01:01:01 (recorder 1 h 2 min 1 s slow)');
  });

  it('writes durations, sizes and times as people read them', () => {
    expect(describeDuration(0.4)).toBe('0.4 s');
    expect(describeDuration(3600)).toBe('1 h');
    expect(describeDuration(-125)).toBe('2 min 5 s');
    expect(describeSize(999)).toBe('999 bytes');
    expect(describeSize(1_234_567)).toBe('1,234,567 bytes (1.2 MB)');
    expect(ukWhen('2025-07-01T13:00:05Z')).toBe('1 July 2025 at 14:00:05');
  });

  it('names the details continuity events carry, and shows unknown ones as they are', () => {
    expect(describeEventDetails({ bagNumber: 'EB-1', to: { id: 'x', name: 'PC Smith' }, signatureSha256: 'ab', other: { a: 1 }, none: null }))
      .toEqual([['Bag number', 'EB-1'], ['Handed to', 'PC Smith'], ['Signature image SHA-256', 'ab'], ['other', '{"a":1}']]);
  });
});

import { describe, expect, it } from 'vitest';
import { dayRange, filterDays } from './when';

describe('a filter’s days', () => {
  it('runs from the first day’s London midnight to the end of the last, across the clock change', () => {
    expect(dayRange({ from: '2026-03-28', to: '2026-03-29' })).toEqual({ from: '2026-03-28T00:00:00.000Z', to: '2026-03-29T23:00:00.000Z' });
    expect(dayRange({ from: '2026-07-01' })).toEqual({ from: '2026-06-30T23:00:00.000Z', to: undefined });
    expect(dayRange({})).toEqual({ from: undefined, to: undefined });
  });

  it('reads UK dates, leaves empty ones out, and says what to fix', () => {
    expect(filterDays({ from: '1/12/2026', to: '' })).toEqual({ from: '2026-12-01', to: undefined, problems: [['from', undefined], ['to', undefined]] });
    expect(filterDays({ from: '31/2/2026', to: 'soon' }).problems.map(([, m]) => m)).toEqual([
      'Enter the first day as a date, for example 1/12/2026, or leave it empty', 'Enter the last day as a date, for example 1/12/2026, or leave it empty',
    ]);
    expect(filterDays({ from: '3/12/2026', to: '2/12/2026' }).problems[1]).toEqual(['to', 'Enter a last day on or after the first day']);
  });
});

import { describe, expect, it } from 'vitest';
import { draftOf, readSettings } from './settingsForm';

describe('the daily checks settings form', () => {
  it('reads times and whole numbers as typed', () => {
    expect(readSettings({ dayStartsAt: '7:00', nightStartsAt: ' 19:30 ', clockToleranceSeconds: '15', dueWithinMinutes: '120' }))
      .toEqual({ settings: { dayStartsAt: '07:00', nightStartsAt: '19:30', clockToleranceSeconds: 15, dueWithinMinutes: 120 } });
    expect(draftOf({ dayStartsAt: '06:00', nightStartsAt: '18:00', clockToleranceSeconds: 10, dueWithinMinutes: 180 }))
      .toEqual({ dayStartsAt: '06:00', nightStartsAt: '18:00', clockToleranceSeconds: '10', dueWithinMinutes: '180' });
  });

  it('says what to fix, field by field', () => {
    const r = readSettings({ dayStartsAt: '07:00', nightStartsAt: '19:00', clockToleranceSeconds: 'ten', dueWithinMinutes: '900' });
    expect('errors' in r && r.errors.fields).toEqual({
      clockToleranceSeconds: 'Enter the tolerance in seconds, like 10',
      dueWithinMinutes: 'Enter 720 minutes (12 hours) or fewer',
    });
    const swapped = readSettings({ dayStartsAt: '19:00', nightStartsAt: '07:00', clockToleranceSeconds: '10', dueWithinMinutes: '180' });
    expect('errors' in swapped && swapped.errors.fields).toEqual({ nightStartsAt: 'The night shift must start after the day shift' });
  });
});

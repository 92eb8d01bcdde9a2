import { describe, expect, it } from 'vitest';
import { durationWords, OUTCOME_TAGS, targetWords, urgentClock } from './clock';
import { SLA_OUTCOMES } from '../../../../domain/maintenance/faultSla';

describe('a fault clock in words', () => {
  it('reads durations in minutes, hours and days', () => {
    expect(durationWords(0)).toBe('0 minutes');
    expect(durationWords(1)).toBe('1 minute');
    expect(durationWords(60)).toBe('1 hour');
    expect(durationWords(270)).toBe('4 hours 30 minutes');
    expect(durationWords(1500)).toBe('25 hours');
    expect(durationWords(3 * 1440 + 120)).toBe('3 days 2 hours');
    expect(durationWords(59.6)).toBe('1 hour');
  });
  it('reads a working-hours target as working hours', () => {
    expect(targetWords(240, 'round_the_clock')).toBe('4 hours');
    expect(targetWords(480, 'working_hours')).toBe('8 working hours');
    expect(targetWords(90, 'working_hours')).toBe('1 hour 30 minutes of working time');
    expect(targetWords(60, 'working_hours')).toBe('1 working hour');
  });
  it('has a tag in words for every outcome', () => {
    expect(Object.keys(OUTCOME_TAGS).sort()).toEqual(Object.keys(SLA_OUTCOMES).sort());
    expect(OUTCOME_TAGS.warning.text).toBe('At risk');
  });
});

describe('the more urgent clock', () => {
  const c = (outcome: keyof typeof OUTCOME_TAGS) => ({ outcome });
  it('is the breached or at-risk one, the response clock when they are equal', () => {
    expect(urgentClock(c('met'), c('breached'))).toEqual({ name: 'Fix', clock: c('breached') });
    expect(urgentClock(c('warning'), c('running'))).toEqual({ name: 'Response', clock: c('warning') });
    expect(urgentClock(c('breached'), c('breached'))?.name).toBe('Response');
    expect(urgentClock(null, c('warning'))?.name).toBe('Fix');
    expect(urgentClock(null, null)).toBeUndefined();
  });
});

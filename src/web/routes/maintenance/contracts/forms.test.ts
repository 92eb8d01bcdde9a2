import { describe, expect, it } from 'vitest';
import { changeBodyOf, closureBodyOf, contractBodyOf, durationWords, emptyContract, emptySla, noteBodyOf, parseHours, slaBodyOf } from './forms';

describe('contracts forms', () => {
  it('shows SLA times in hours and minutes and reads them as typed', () => {
    expect(durationWords(240)).toBe('4 hours');
    expect(durationWords(270)).toBe('4 hours 30 minutes');
    expect(durationWords(61)).toBe('1 hour 1 minute');
    expect(durationWords(45)).toBe('45 minutes');
    expect(durationWords(2880)).toBe('48 hours');
    expect(parseHours('4')).toBe(240);
    expect(parseHours('4:30')).toBe(270);
    expect(parseHours('1.5')).toBe(90);
    for (const bad of ['4h', '4:75', '', '0.001']) expect(parseHours(bad)).toBeUndefined();
  });

  it('turns a new contract into its body, the charge and credits in pence, with problems by field', () => {
    const d = { ...emptyContract(), reference: 'CCTV/1', name: 'Maintenance', contractorOrganisationId: 'x', startsOn: '1/4/2026', monthlyCharge: '£12,500.00' };
    expect(contractBodyOf(d).body).toMatchObject({ startsOn: '2026-04-01', endsOn: null, monthlyChargePence: 1250000, serviceCredits: null });
    const credits = contractBodyOf({ ...d, hasCredits: true, responseCredit: { P1: '100', P2: '50', P3: '20', P4: '0' }, fixCredit: { P1: '200', P2: '100', P3: '40', P4: '0' }, capPercent: '10' });
    expect(credits.body?.serviceCredits).toEqual({ responseBreachPence: { P1: 10000, P2: 5000, P3: 2000, P4: 0 }, fixBreachPence: { P1: 20000, P2: 10000, P3: 4000, P4: 0 }, capPercent: 10 });
    const bad = contractBodyOf({ ...d, startsOn: '31/2/2026', monthlyCharge: 'lots', hasCredits: true });
    expect(bad.body).toBeUndefined();
    expect(Object.keys(bad.problems).filter((k) => bad.problems[k])).toEqual(['startsOn', 'monthlyChargePence', 'serviceCredits']);
  });

  it('sends only what changed, with the reason', () => {
    const was = { name: 'A', endsOn: '2029-03-31', workingDays: ['mon' as const], opensAt: '08:00', closesAt: '17:00', monthlyChargePence: 100 };
    expect(changeBodyOf({ name: 'A', endsOn: '31/3/2029', workingDays: ['mon'], opensAt: '08:00', closesAt: '18:00', monthlyCharge: '1.00', reason: 'Variation' }, was).body)
      .toEqual({ name: undefined, endsOn: undefined, workingDays: undefined, opensAt: undefined, closesAt: '18:00', monthlyChargePence: undefined, reason: 'Variation' });
  });

  it('sends SLA terms for the priorities given a clock, the times in minutes', () => {
    const d = emptySla();
    d.effectiveFrom = '1/1/2027 00:00';
    d.reason = 'Schedule 3';
    d.terms.P1 = { clock: 'round_the_clock', response: '4', fix: '24' };
    d.terms.P3 = { clock: 'working_hours', response: '9', fix: '45:00' };
    expect(slaBodyOf(d).body).toEqual({
      effectiveFrom: '2027-01-01T00:00:00.000Z', reason: 'Schedule 3',
      terms: [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 1440 }, { priority: 'P3', clock: 'working_hours', responseMinutes: 540, fixMinutes: 2700 }],
    });
    d.terms.P2 = { clock: 'round_the_clock', response: 'soon', fix: '' };
    expect(slaBodyOf(d).problems.terms).toMatch(/P2/);
    expect(slaBodyOf(emptySla()).problems).toMatchObject({ effectiveFrom: expect.any(String), terms: expect.stringMatching(/at least one/) });
  });

  it('reads closure days and notes as UK dates', () => {
    expect(closureBodyOf({ day: '24/12/2026', reason: 'Christmas' }).body).toEqual({ day: '2026-12-24', reason: 'Christmas' });
    expect(closureBodyOf({ day: '', reason: 'x' }).problems.day).toBe('Enter the day the council is closed');
    expect(noteBodyOf({ kind: 'missed_visit', occurredOn: '2/11/2026', note: 'No one came' }).body).toEqual({ kind: 'missed_visit', occurredOn: '2026-11-02', note: 'No one came' });
    expect(noteBodyOf({ kind: '', occurredOn: '2/13/2026', note: '' }).problems).toMatchObject({ kind: expect.any(String), occurredOn: expect.stringMatching(/real date/) });
  });
});

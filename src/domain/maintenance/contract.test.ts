import { describe, expect, it } from 'vitest';
import { CreateContract, SetSlaTerms, UpdateContract, WEEKDAY_NUMBERS, WEEKDAYS, weekdayOfNumber } from './contract';
import { PRIORITIES, ServiceCreditRule } from './performance';
import * as contract from './contract';

const paths = (r: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (r.error?.issues ?? []).map((i) => i.path.join('.')).sort();

describe('the maintenance contract', () => {
  it('keeps the priorities and the credit rule performance.ts re-exports', () => {
    expect(PRIORITIES).toBe(contract.PRIORITIES);
    expect(ServiceCreditRule).toBe(contract.ServiceCreditRule);
  });

  it('numbers weekdays as ISO does, Monday 1 to Sunday 7, both ways', () => {
    expect(Object.keys(WEEKDAYS).map((d) => WEEKDAY_NUMBERS[d as keyof typeof WEEKDAYS])).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect([1, 7].map(weekdayOfNumber)).toEqual(['mon', 'sun']);
    expect(() => weekdayOfNumber(0)).toThrow(RangeError);
  });

  it('sets a contract up with Monday to Friday, 08:00–17:00 and no charge unless told, the reference upper-cased', () => {
    const c = CreateContract.parse({ reference: 'cctv/2026-01', name: 'CCTV maintenance', contractorOrganisationId: '7b0c5a4e-0c6f-4f43-9d7e-1f2a3b4c5d6e', startsOn: '2026-04-01' });
    expect(c).toMatchObject({ reference: 'CCTV/2026-01', workingDays: ['mon', 'tue', 'wed', 'thu', 'fri'], opensAt: '08:00', closesAt: '17:00', monthlyChargePence: 0 });
  });

  it('refuses hours out of order, a repeated or missing day, an end before the start, and a bad time', () => {
    const r = CreateContract.safeParse({
      reference: 'X', name: 'CCTV', contractorOrganisationId: 'nope', startsOn: '2026-04-01', endsOn: '2026-03-01', workingDays: ['mon', 'mon'], opensAt: '18:00', closesAt: '09:00',
    });
    expect(paths(r)).toEqual(['closesAt', 'contractorOrganisationId', 'endsOn', 'reference', 'workingDays.1']);
    expect(paths(CreateContract.safeParse({ reference: 'AB', name: 'CCTV', contractorOrganisationId: '7b0c5a4e-0c6f-4f43-9d7e-1f2a3b4c5d6e', startsOn: '2026-04-01', workingDays: [], opensAt: '8am' })))
      .toEqual(['opensAt', 'workingDays']);
  });

  it('asks a change for a reason and at least one field', () => {
    expect(paths(UpdateContract.safeParse({ reason: 'Variation 2' }))).toEqual(['']);
    expect(paths(UpdateContract.safeParse({ closesAt: '18:00' }))).toEqual(['reason']);
    expect(UpdateContract.safeParse({ closesAt: '24:00', reason: 'Variation 2' }).success).toBe(true);
  });

  it('refuses SLA terms whose fix time is shorter than the response time, and a priority given twice', () => {
    const r = SetSlaTerms.safeParse({
      effectiveFrom: '2026-06-01T00:00:00Z', reason: 'Schedule 3',
      terms: [{ priority: 'P1', clock: 'round_the_clock', responseMinutes: 240, fixMinutes: 120 }, { priority: 'P1', clock: 'working_hours', responseMinutes: 60, fixMinutes: 60 }],
    });
    expect(paths(r)).toEqual(['terms.0.fixMinutes', 'terms.1.priority']);
    expect(r.error?.issues.find((i) => i.path.join('.') === 'terms.0.fixMinutes')?.message).toBe('The fix time cannot be shorter than the response time');
    expect(paths(SetSlaTerms.safeParse({ effectiveFrom: 'soon', reason: 'x', terms: [] }))).toEqual(['effectiveFrom', 'reason', 'terms']);
  });
});

import { describe, expect, it } from 'vitest';
import { londonInputsNow, londonInputsToIso, stepBody } from './forms';
import { faultsFilters, validateContractorFaultsSearch } from './search';
import { matchingTargets } from './ReportFaultPage';

describe('London date and time inputs', () => {
  it('are read as London wall-clock time, in winter and in summer', () => {
    expect(londonInputsToIso('2026-12-03', '14:05')).toBe('2026-12-03T14:05:00.000Z');
    expect(londonInputsToIso('2026-07-15', '09:30')).toBe('2026-07-15T08:30:00.000Z');
  });
  it('are refused when missing or not real', () => {
    expect(londonInputsToIso('', '14:05')).toBeUndefined();
    expect(londonInputsToIso('2026-02-30', '14:05')).toBeUndefined();
    expect(londonInputsToIso('2026-12-03', '24:00')).toBeUndefined();
    expect(londonInputsToIso('2026-12-03', '')).toBeUndefined();
  });
  it('default to now in London', () => {
    expect(londonInputsNow(new Date('2026-07-15T23:30:00Z'))).toEqual({ date: '2026-07-16', time: '00:30' });
  });
});

describe('a step form as the request body', () => {
  it('gives attended and fixed their time', () => {
    expect(stepBody('attended', { date: '2026-12-03', time: '10:15', note: ' ' })).toEqual({ body: { kind: 'attended', at: '2026-12-03T10:15:00.000Z', note: undefined } });
    expect(stepBody('fixed', { date: '2026-12-03', time: '11:00', note: 'Replaced the PSU ' })).toEqual({ body: { kind: 'fixed', at: '2026-12-03T11:00:00.000Z', note: 'Replaced the PSU' } });
    const shown = { date: '2026-12-03', time: '10:15' };
    expect(stepBody('attended', { date: '2026-12-03', time: '10:15', shown }).body).toEqual({ kind: 'attended', at: undefined, note: undefined });
    expect(stepBody('attended', { date: '2026-12-03', time: '10:10', shown }).body).toMatchObject({ at: '2026-12-03T10:10:00.000Z' });
    expect(stepBody('attended', { date: '2026-12-03', time: '' }).problems).toEqual([['at', expect.stringMatching(/when the engineer arrived/)]]);
  });
  it('names a council part by its id and description, or takes the contractor\'s own', () => {
    const parts = [{ partId: 'p1', description: '12 V power supply' }];
    expect(stepBody('part_used', { partId: 'p1', quantity: '2' }, parts)).toEqual({ body: { kind: 'part_used', description: '12 V power supply', quantity: 2, partId: 'p1' } });
    expect(stepBody('part_used', { partId: '', description: 'Cable tie', quantity: '4' }, parts)).toEqual({ body: { kind: 'part_used', description: 'Cable tie', quantity: 4, partId: undefined } });
    const refused = stepBody('part_used', { description: '', quantity: 'two' });
    expect(refused.problems?.filter(([, p]) => p).map(([f]) => f)).toEqual(['quantity', 'description']);
  });
  it('stops the clock while awaiting parts unless unticked, and needs a reason to stop it', () => {
    expect(stepBody('awaiting_parts', { note: 'PSU ordered' }).body).toEqual({ kind: 'awaiting_parts', note: 'PSU ordered', stopClock: true });
    expect(stepBody('awaiting_parts', { note: 'PSU ordered', stopClock: false }).body).toMatchObject({ stopClock: false });
    expect(stepBody('clock_stopped', { note: 'No access', reason: '' }).problems).toEqual([['reason', 'Choose why the clock stops']]);
    expect(stepBody('clock_stopped', { note: 'No access', reason: 'awaiting_council_access' }).body).toEqual({ kind: 'clock_stopped', reason: 'awaiting_council_access', note: 'No access' });
  });
});

describe('the faults list address', () => {
  it('shows open faults unless asked for closed or all, and drops what is not understood', () => {
    expect(faultsFilters(validateContractorFaultsSearch({}))).toMatchObject({ state: 'open' });
    expect(faultsFilters(validateContractorFaultsSearch({ state: 'all' })).state).toBeUndefined();
    expect(validateContractorFaultsSearch({ state: 'x', stage: 'fixed', priority: 'P9', sla: 'breached', sort: 'raised_at_desc', page: '3' }))
      .toEqual({ state: undefined, stage: 'fixed', priority: undefined, sla: 'breached', q: undefined, sort: undefined, page: 3 });
  });
});

describe('finding a camera to report a fault on', () => {
  const cams = [
    { id: 'a', reference: 'C001', name: 'High Street', location: 'Town centre', status: 'operational' },
    { id: 'b', reference: 'C002', name: 'Bus station', location: 'Station Road', status: 'faulty' },
  ];
  it('matches every word typed against reference, name and where, keeping the chosen one', () => {
    expect(matchingTargets(cams, 'station c002', '').map((c) => c.id)).toEqual(['b']);
    expect(matchingTargets(cams, 'station', 'a').map((c) => c.id)).toEqual(['a', 'b']);
    expect(matchingTargets(cams, '', '').length).toBe(2);
  });
});

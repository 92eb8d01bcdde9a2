import { describe, expect, it } from 'vitest';
import { atRiskWords, faultCountWords, faultFilters, FAULTS_PAGE_SIZE, isFiltered, validateFaultsSearch, validateRaiseSearch } from './search';

const ID = '0b7c1f2e-4d5a-4c3b-9a8d-7e6f5a4b3c2d';

describe('the faults list address', () => {
  it('keeps the filters the list understands', () => {
    expect(validateFaultsSearch({
      state: 'open', stage: 'fixed', priority: 'P2', target: 'camera', source: 'check', contractId: ID, sla: 'breached', q: ' pole 7 ',
      from: '2026-11-01', to: '2026-11-30', sort: 'priority_asc', page: '3',
    })).toEqual({
      state: 'open', stage: 'fixed', priority: 'P2', target: 'camera', source: 'check', contractId: ID, sla: 'breached', q: 'pole 7',
      from: '2026-11-01', to: '2026-11-30', sort: 'priority_asc', page: 3,
    });
  });
  it('keeps "not prioritised" as a priority', () => {
    expect(validateFaultsSearch({ priority: 'none' }).priority).toBe('none');
  });
  it('drops what it does not understand, and the default sort and first page', () => {
    const s = validateFaultsSearch({
      state: 'shut', stage: 'lost', priority: 'P9', target: 'lamp', source: 'rumour', contractId: 'abc', sla: 'late', from: '2026-02-30', to: '1/11/2026',
      sort: 'raised_at_desc', page: '1',
    });
    expect(Object.values(s).every((v) => v === undefined)).toBe(true);
    expect(validateFaultsSearch({ sort: 'colour_asc', page: '-2' })).toMatchObject({ sort: undefined, page: undefined });
    expect(validateFaultsSearch({ page: '2.5' }).page).toBeUndefined();
  });
  it('sends the days as London midnights, `to` taking in its whole day, with the page', () => {
    expect(faultFilters({ from: '2026-07-01', to: '2026-07-01', page: 2 })).toMatchObject({
      from: '2026-06-30T23:00:00.000Z', to: '2026-07-01T23:00:00.000Z', page: 2, pageSize: FAULTS_PAGE_SIZE,
    });
    expect(faultFilters({ from: '2026-12-03' })).toMatchObject({ from: '2026-12-03T00:00:00.000Z', to: undefined, page: 1 });
  });
  it('knows whether a filter narrows the list (sort and page do not)', () => {
    expect(isFiltered({ sort: 'priority_asc', page: 2 })).toBe(false);
    expect(isFiltered({ priority: 'none' })).toBe(true);
  });
  it('counts in words', () => {
    expect(faultCountWords(0, false)).toBe('No faults');
    expect(faultCountWords(1, true)).toBe('1 fault matching the filter');
    expect(faultCountWords(26, false)).toBe('26 faults');
    expect(atRiskWords({ breached: 2, atRisk: 0, awaitingAcceptance: 1 })).toBe('2 faults breached, none at risk, 1 fix awaiting acceptance.');
    expect(atRiskWords({ breached: 0, atRisk: 3, awaitingAcceptance: 0 })).toBe('No faults breached, 3 at risk, no fixes awaiting acceptance.');
  });
});

describe('the raise page address', () => {
  it('starts from a camera only when given its id', () => {
    expect(validateRaiseSearch({ cameraId: ID })).toEqual({ cameraId: ID });
    expect(validateRaiseSearch({ cameraId: 'C201' })).toEqual({});
    expect(validateRaiseSearch({})).toEqual({});
  });
});

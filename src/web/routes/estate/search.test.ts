import { describe, expect, it } from 'vitest';
import { asAtInput, mapMatches, nextSort, parseAsAt, resultsAnnouncement, sortOf, validateEstateSearch, wardsOf } from './search';
import { fieldValue } from './words';

describe('validateEstateSearch', () => {
  it('keeps the filters the register knows and drops the rest', () => {
    expect(validateEstateSearch({ q: '  market ', kind: 'ptz', status: 'faulty', owner: 'partner', ward: 'Town', sort: 'ward_desc', page: '3' }))
      .toEqual({ q: 'market', kind: 'ptz', status: 'faulty', owner: 'partner', ward: 'Town', sort: 'ward_desc', page: 3 });
    expect(validateEstateSearch({ kind: 'drone', status: 'broken', owner: 'toString', sort: 'purpose_asc', page: '0', q: '  ' }))
      .toEqual({ q: undefined, kind: undefined, status: undefined, owner: undefined, ward: undefined, sort: undefined, page: undefined });
  });
  it('keeps an "as at" moment that is a date and time, as ISO 8601, and drops anything else', () => {
    expect(validateEstateSearch({ asAt: '2026-03-04T23:59:59.999Z' }).asAt).toBe('2026-03-04T23:59:59.999Z');
    expect(validateEstateSearch({ asAt: 'yesterday' }).asAt).toBeUndefined();
    expect(validateEstateSearch({ asAt: 5 }).asAt).toBeUndefined();
  });
  it('leaves the default sort and the first page out of the address', () => {
    expect(validateEstateSearch({ sort: 'reference_asc', page: 1 })).toMatchObject({ sort: undefined, page: undefined });
  });
});

describe('sorting by a column', () => {
  it('sorts by a new column ascending, then reverses it', () => {
    expect(nextSort(undefined, 'status')).toBe('status_asc');
    expect(nextSort('status_asc', 'status')).toBe('status_desc');
    expect(nextSort('status_desc', 'status')).toBe('status_asc');
  });
  it('the number column reverses the default, and back to it', () => {
    expect(nextSort(undefined, 'reference')).toBe('reference_desc');
    expect(nextSort('reference_desc', 'reference')).toBeUndefined();
    expect(sortOf('installed_on_desc')).toEqual({ field: 'installed_on', direction: 'desc' });
    expect(sortOf(undefined)).toEqual({ field: 'reference', direction: 'asc' });
  });
});

describe('mapMatches', () => {
  const camera = { reference: 'C31', name: 'Market Place north', kind: 'ptz', status: 'faulty', owner: 'council', ward: 'Town' };
  it('keeps a camera every filter allows', () => {
    expect(mapMatches(camera, {})).toBe(true);
    expect(mapMatches(camera, { kind: 'ptz', status: 'faulty', owner: 'council', ward: 'town', q: 'market' })).toBe(true);
    expect(mapMatches(camera, { q: 'c3' })).toBe(true);
  });
  it('drops a camera any filter excludes', () => {
    expect(mapMatches(camera, { kind: 'fixed' })).toBe(false);
    expect(mapMatches(camera, { status: 'operational' })).toBe(false);
    expect(mapMatches(camera, { owner: 'partner' })).toBe(false);
    expect(mapMatches(camera, { ward: 'Stapenhill' })).toBe(false);
    expect(mapMatches({ ...camera, ward: null }, { ward: 'Town' })).toBe(false);
    expect(mapMatches(camera, { q: 'station' })).toBe(false);
  });
});

describe('parseAsAt', () => {
  const now = new Date('2026-07-15T12:00:00Z');
  it('reads a UK date and time in London time', () => {
    expect(parseAsAt('4/3/2026 14:05', now)).toBe('2026-03-04T14:05:00.000Z');
    expect(parseAsAt('4/6/2026 14:05', now)).toBe('2026-06-04T13:05:00.000Z');
  });
  it('takes a date alone as the end of that day', () => {
    expect(parseAsAt('4/3/2026', now)).toBe('2026-03-04T23:59:59.999Z');
  });
  it('ends a day at the next London midnight, on the days the clocks change too (nothing in its last second missed)', () => {
    expect(parseAsAt('28/3/2026', now)).toBe('2026-03-28T23:59:59.999Z'); // GMT
    expect(parseAsAt('29/3/2026', now)).toBe('2026-03-29T22:59:59.999Z'); // clocks go forward: the day ends in BST
    expect(parseAsAt('4/6/2026', now)).toBe('2026-06-04T22:59:59.999Z');
    expect(parseAsAt('25/10/2026', new Date('2026-11-01T12:00:00Z'))).toBe('2026-10-25T23:59:59.999Z'); // clocks go back: the day ends in GMT
  });
  it('takes today as now, and refuses a moment still to come or no date at all', () => {
    expect(parseAsAt('15/7/2026', now)).toBe(now.toISOString());
    expect(parseAsAt('16/7/2026', now)).toBeUndefined();
    expect(parseAsAt('31/2/2026', now)).toBeUndefined();
    expect(parseAsAt('yesterday', now)).toBeUndefined();
    expect(parseAsAt('  ', now)).toBe('');
  });
});

describe('fieldValue', () => {
  it('says a value in words, with its unit', () => {
    expect(fieldValue('bearing', 120)).toBe('120°');
    expect(fieldValue('range', 80)).toBe('80 m');
    expect(fieldValue('status', 'out_of_service')).toBe('Out of service');
    expect(fieldValue('capabilities', ['pan', 'infrared'])).toBe('Pan, Infrared');
    expect(fieldValue('capabilities', [])).toBe('None');
    expect(fieldValue('installedOn', '2024-03-04')).toBe('4/3/2024');
    expect(fieldValue('channel', '12')).toBe('12');
    expect(fieldValue('bearing', null)).toBe('Not recorded');
  });
});

describe('wardsOf', () => {
  it('lists each ward once, A to Z, whatever its case, and keeps the one filtered on', () => {
    const cameras = [{ ward: 'Town' }, { ward: 'stapenhill' }, { ward: null }, { ward: 'town' }, { ward: ' ' }, { ward: 'Anglesey' }];
    expect(wardsOf(cameras)).toEqual(['Anglesey', 'stapenhill', 'town']);
    expect(wardsOf(cameras, 'Winshill')).toEqual(['Anglesey', 'stapenhill', 'town', 'Winshill']);
    expect(wardsOf(cameras, 'TOWN')).toEqual(['Anglesey', 'stapenhill', 'TOWN']);
  });
});

describe('asAtInput', () => {
  it('shows the end of a London day as the date alone, so that it reads back the same', () => {
    for (const typed of ['4/3/2026', '29/3/2026', '25/10/2026']) expect(asAtInput(parseAsAt(typed, new Date('2026-11-01T12:00:00Z'))!)).toBe(typed);
  });
  it('shows any other moment as a date and time in London', () => {
    expect(asAtInput('2026-06-04T13:05:00.000Z')).toBe('4/6/2026 14:05');
    expect(asAtInput('2026-03-04T23:59:00.000Z')).toBe('4/3/2026 23:59');
  });
});

describe('resultsAnnouncement', () => {
  it('says how many cameras, which page of how many, and the order', () => {
    expect(resultsAnnouncement({ total: 120, page: 2, pageSize: 50, sort: 'name_desc', sortName: 'Name' })).toBe('120 cameras. Page 2 of 3, sorted by name, descending.');
    expect(resultsAnnouncement({ total: 1, page: 1, pageSize: 50, sort: undefined, sortName: 'Number' })).toBe('1 camera. Page 1 of 1, sorted by number, ascending.');
  });
  it('says when none match, and when the table is the register as it stood', () => {
    expect(resultsAnnouncement({ total: 0, page: 1, pageSize: 50, sort: undefined, sortName: 'Number' })).toBe('No cameras match these filters.');
    expect(resultsAnnouncement({ total: 3, page: 1, pageSize: 50, sort: undefined, sortName: 'Number', asAt: '2026-03-04T23:59:59.999Z' }))
      .toBe('3 cameras in the register as at 4 Mar 2026, 23:59. Page 1 of 1, sorted by number, ascending.');
  });
});

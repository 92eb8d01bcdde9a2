import { describe, expect, it } from 'vitest';
import { draftOf, exhibitsApiQuery, filtersOf, matchReferences, splitReferences, validateExhibitSearch } from './evidenceSearch';

const ID = '0b6f7c1e-2f5a-4c43-9d7e-1a2b3c4d5e6f';

describe('exhibit filters in the address bar', () => {
  it('keeps what is well formed and drops the rest', () => {
    expect(validateExhibitSearch({ q: '  AB/1 ', producerId: ID, cameraId: 'nope', state: 'sealed', from: '2026-03-27', to: '2026-02-30', sort: 'reference_asc', page: '3' }))
      .toEqual({ q: 'AB/1', producerId: ID, cameraId: undefined, occurrenceId: undefined, state: 'sealed', from: '2026-03-27', to: undefined, sort: 'reference_asc', page: 3 });
    expect(validateExhibitSearch({ state: 'lost', sort: 'created_desc', page: '1' })).toEqual(expect.objectContaining({ state: undefined, sort: undefined, page: undefined }));
  });

  it('asks the API for whole London days, the `to` day included', () => {
    // 27 March 2026 is GMT; 29 March the clocks go forward, so the 29th ends at 23:00 UTC.
    expect(exhibitsApiQuery({ from: '2026-03-27', to: '2026-03-29', state: 'held', page: 2 }))
      .toEqual({ from: '2026-03-27T00:00:00.000Z', to: '2026-03-29T22:59:59.999Z', state: 'held' });
  });

  it('goes from the address bar to the form and back unchanged', () => {
    const filters = { q: 'bike', producerId: ID, state: 'held' as const, from: '2026-07-01', to: '2026-07-15', sort: 'recorded_desc' as const };
    const draft = draftOf(filters);
    expect(draft.from).toBe('1/7/2026');
    expect(filtersOf(draft)).toEqual({ filters: expect.objectContaining(filters) });
  });

  it('says what is wrong with typed dates', () => {
    const draft = draftOf({});
    expect(filtersOf({ ...draft, from: '31/2/2026' }).problems?.from).toMatch(/real date/);
    expect(filtersOf({ ...draft, from: '2/3/2026', to: '1/3/2026' }).problems?.to).toMatch(/same as or after/);
    expect(filtersOf({ ...draft, from: '1/3/2026', to: '1/3/2026' }).problems).toBeUndefined();
  });
});

describe('references typed in a field', () => {
  it('splits on commas, semicolons and spaces, each once', () => {
    expect(splitReferences(' C012, c14 ;C20  C012 ')).toEqual(['C012', 'c14', 'C20']);
    expect(splitReferences('  ')).toEqual([]);
  });
  it('matches them to records regardless of case, and says which matched nothing', () => {
    const cameras = [{ id: 'a', reference: 'C012' }, { id: 'b', reference: 'C014' }];
    expect(matchReferences(['c012', 'C99', 'C014'], cameras)).toEqual({ ids: ['a', 'b'], unknown: ['C99'] });
  });
});

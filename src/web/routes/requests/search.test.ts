import { describe, expect, it } from 'vitest';
import { isFiltered, requestCountWords, requestFilters, validateRequestsSearch } from './search';

describe('the register’s address', () => {
  it('keeps the filters it knows and drops the rest', () => {
    expect(validateRequestsSearch({ type: 'sar', status: 'nonsense', owner: 'me', due: 'overdue', q: '  REQ-2026  ', sort: 'received_desc', page: '3', extra: 'x' }))
      .toEqual({ type: 'sar', status: undefined, owner: 'me', due: 'overdue', q: 'REQ-2026', sort: 'received_desc', page: 3 });
    expect(validateRequestsSearch({ owner: 'someone', due: 'soon', sort: 'due_asc', page: '1' })).toEqual({
      type: undefined, status: undefined, owner: undefined, due: undefined, q: undefined, sort: undefined, page: undefined,
    });
  });

  it('sends the owner filter as the server names it, with the default sort and a page', () => {
    expect(requestFilters({ owner: 'none', due: 'paused' })).toEqual({ ownerId: 'none', due: 'paused', sort: 'due_asc', page: 1, pageSize: 25 });
  });

  it('counts in words and knows when a filter narrows the list', () => {
    expect(isFiltered({ sort: 'reference_asc', page: 2 })).toBe(false);
    expect(isFiltered({ q: 'bus' })).toBe(true);
    expect(requestCountWords(1, false)).toBe('1 request');
    expect(requestCountWords(0, true)).toBe('No requests matching the filter');
  });
});

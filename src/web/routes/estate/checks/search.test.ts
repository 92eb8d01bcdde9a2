import { expect, it } from 'vitest';
import { validateChecksSearch, validateFaultsSearch } from './search';

it('the checks’ address: cameras unless equipment is asked for', () => {
  expect(validateChecksSearch({})).toEqual({});
  expect(validateChecksSearch({ kind: 'cameras' })).toEqual({});
  expect(validateChecksSearch({ kind: 'equipment' })).toEqual({ kind: 'equipment' });
  expect(validateChecksSearch({ kind: 'radios' })).toEqual({});
});

it('the faults’ address keeps known filters and a page after the first', () => {
  expect(validateFaultsSearch({ state: 'open', target: 'camera', page: '3' })).toEqual({ state: 'open', target: 'camera', page: 3 });
  expect(validateFaultsSearch({ state: 'lost', target: 'van', page: '1' })).toEqual({ state: undefined, target: undefined, page: undefined });
  expect(validateFaultsSearch({ page: '2.5' }).page).toBeUndefined();
});

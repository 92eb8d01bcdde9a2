import { describe, expect, it } from 'vitest';
import { belowWords, validatePartsSearch } from './search';
import { nextSort } from '../search';
import { daysLeftWords, validateLinesSearch } from '../lines/search';

const STORE = '0b7f3c2e-8a41-4d8e-9d6c-1f2a3b4c5d6e';

describe('the spare parts list address', () => {
  it('keeps the store, text, below-reorder flag and a known sort; drops the rest and the default sort', () => {
    expect(validatePartsSearch({ storeId: STORE, q: ' psu ', below: 'true', sort: 'quantity_desc', page: 3 }))
      .toEqual({ storeId: STORE, q: 'psu', below: true, sort: 'quantity_desc' });
    expect(validatePartsSearch({ storeId: 'nope', q: '', below: 'no', sort: 'part_number_asc' }))
      .toEqual({ storeId: undefined, q: undefined, below: undefined, sort: undefined });
    expect(validatePartsSearch({ sort: 'price_asc' }).sort).toBeUndefined();
  });

  it('sorts by a column, reverses it when asked again, and leaves the default out', () => {
    expect(nextSort(undefined, 'quantity', 'part_number_asc')).toBe('quantity_asc');
    expect(nextSort('quantity_asc', 'quantity', 'part_number_asc')).toBe('quantity_desc');
    expect(nextSort(undefined, 'part_number', 'part_number_asc')).toBe('part_number_desc');
    expect(nextSort('part_number_desc', 'part_number', 'part_number_asc')).toBeUndefined();
  });

  it('counts the parts below their reorder level in words', () => {
    expect(belowWords(0)).toBe('No parts are below their reorder level.');
    expect(belowWords(1)).toBe('1 part is below its reorder level.');
    expect(belowWords(4)).toBe('4 parts are below their reorder level.');
  });
});

describe('the connectivity lines list address', () => {
  it('keeps known kinds, flags and sorts only', () => {
    expect(validateLinesSearch({ q: 'BT', kind: '4g', provider: ' Openreach ', endingSoon: 'true', faulty: true, sort: 'monthly_cost_desc' }))
      .toEqual({ q: 'BT', kind: '4g', provider: 'Openreach', endingSoon: true, faulty: true, sort: 'monthly_cost_desc' });
    expect(validateLinesSearch({ kind: 'satellite', endingSoon: 'yes', sort: 'reference_asc' }))
      .toEqual({ q: undefined, kind: undefined, provider: undefined, endingSoon: undefined, faulty: undefined, sort: undefined });
  });

  it('says how long a contract has left, or how long ago it ended', () => {
    expect(daysLeftWords(null)).toBe('');
    expect(daysLeftWords(0)).toBe('Ends today');
    expect(daysLeftWords(1)).toBe('Ends tomorrow');
    expect(daysLeftWords(45)).toBe('Ends in 45 days');
    expect(daysLeftWords(-1)).toBe('Ended yesterday');
    expect(daysLeftWords(-10)).toBe('Ended 10 days ago');
  });
});

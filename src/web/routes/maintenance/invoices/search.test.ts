import { describe, expect, it } from 'vitest';
import { nextSort, sortOf } from '../search';
import { spendChart, againstFilter, againstOf, DEFAULT_INVOICE_SORT, monthLabel, validateBudgetSearch, validateInvoicesSearch, yearChoices, yearWords, currentFinancialYear } from './search';

const ID = '0b8f2c7e-4d1a-4f3b-9c2e-1a2b3c4d5e6f';

describe('the invoices list address', () => {
  it('keeps the filters the server understands and drops the rest', () => {
    expect(validateInvoicesSearch({ state: 'disputed', overdue: 'true', heading: 'lines', contractId: ID, sort: 'amount_desc' }))
      .toEqual({ state: 'disputed', overdue: true, disputed: undefined, heading: 'lines', contractId: ID, lineId: undefined, sort: 'amount_desc' });
    expect(validateInvoicesSearch({ state: 'lost', overdue: 'no', heading: 'cake', contractId: 'x', sort: 'colour_asc' }))
      .toEqual({ state: undefined, overdue: undefined, disputed: undefined, heading: undefined, contractId: undefined, lineId: undefined, sort: undefined });
  });
  it('leaves the default sort out of the address', () => {
    expect(validateInvoicesSearch({ sort: 'due_date_asc' }).sort).toBeUndefined();
    expect(nextSort(undefined, 'due_date', DEFAULT_INVOICE_SORT)).toBe('due_date_desc');
    expect(nextSort('due_date_desc', 'due_date', DEFAULT_INVOICE_SORT)).toBeUndefined();
    expect(nextSort(undefined, 'amount', DEFAULT_INVOICE_SORT)).toBe('amount_asc');
    expect(sortOf('supplier_invoice_number_desc')).toEqual({ field: 'supplier_invoice_number', direction: 'desc' });
  });
  it('filters by one contract or one line', () => {
    expect(againstFilter(`line:${ID}`)).toEqual({ contractId: undefined, lineId: ID });
    expect(againstOf({ contractId: ID })).toBe(`contract:${ID}`);
    expect(againstFilter('')).toEqual({ contractId: undefined, lineId: undefined });
    expect(validateInvoicesSearch({ contractId: ID, lineId: ID }).lineId).toBeUndefined();
  });
});

describe('the budget page', () => {
  it('takes a financial year from the address, or none', () => {
    expect(validateBudgetSearch({ year: '2026-27', heading: 'parts' })).toEqual({ year: '2026-27', heading: 'parts' });
    expect(validateBudgetSearch({ year: '2026-28', heading: 'cake' })).toEqual({ year: undefined, heading: undefined });
  });
  it('knows the current year in London, April to March', () => {
    expect(currentFinancialYear(new Date('2027-03-31T22:30:00Z'))).toBe('2026-27');
    expect(currentFinancialYear(new Date('2027-03-31T23:30:00Z'))).toBe('2027-28');
  });
  it('offers the years around the current one, and the one chosen', () => {
    expect(yearChoices('2026-27', '2026-27')).toEqual(['2023-24', '2024-25', '2025-26', '2026-27', '2027-28']);
    expect(yearChoices('2026-27', '2019-20')[0]).toBe('2019-20');
  });
  it('names months and years in words', () => {
    expect(monthLabel('2027-03')).toBe('Mar 2027');
    expect(yearWords('2026-27')).toBe('April 2026 to March 2027');
  });
});

describe('spendChart', () => {
  const month = (m: string, spentPence: number, committedPence: number) => ({ month: m, spentPence, committedPence });
  const headings = [
    { heading: 'maintenance', budgetPence: 100_000, months: [month('2026-04', 1000, 0), month('2026-05', 0, 500)] },
    { heading: 'parts', budgetPence: 20_000, months: [month('2026-04', 250, 0), month('2026-05', 0, 0)] },
  ];
  it('adds the headings up per month, runs the total on, and draws the year\'s budget', () => {
    expect(spendChart(headings)).toEqual({
      categories: ['Apr 2026', 'May 2026'],
      series: [
        { name: 'Spent', kind: 'bar', stack: 'month', values: [1250, 0] },
        { name: 'Committed', kind: 'bar', stack: 'month', values: [0, 500] },
        { name: 'Spent and committed so far', kind: 'line', values: [1250, 1750] },
        { name: 'Budget for the year', kind: 'line', values: [120_000, 120_000] },
      ],
    });
  });
  it('shows one heading when asked', () => {
    expect(spendChart(headings, 'parts').series.map((s) => s.values)).toEqual([[250, 0], [0, 0], [250, 250], [20_000, 20_000]]);
  });
});

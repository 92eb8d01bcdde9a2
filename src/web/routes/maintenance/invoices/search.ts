import { COST_HEADINGS, INVOICE_SORT_FIELDS, INVOICE_STATES, financialYearOf, type CostHeading, type InvoiceSort, type InvoicesFilter } from '../../../api/maintenanceInvoices';
import { FinancialYear } from '../../../../domain/maintenance/invoices';
import { isCodeOf } from '../../../../domain/labels';
import { londonDay } from '../../../../domain/calendar/london';
import { UUID } from '../search';

// The invoices list's filters and sort as the address bar keeps them (the server filters and sorts),
// and the budget page's financial year.

export type InvoiceSortField = (typeof INVOICE_SORT_FIELDS)[number];
export type InvoicesSearch = InvoicesFilter;

const SORTS = new Set<string>(INVOICE_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`]));
/** The server's default: the soonest due first. */
export const DEFAULT_INVOICE_SORT: InvoiceSort = 'due_date_asc';
const yes = (v: unknown) => v === true || v === 'true' || undefined;

/** What the address may say; anything else is left out (the list then shows everything). */
export function validateInvoicesSearch(search: Record<string, unknown>): InvoicesSearch {
  const str = (k: string) => (typeof search[k] === 'string' ? (search[k] as string) : undefined);
  const state = str('state');
  const heading = str('heading');
  const sort = str('sort');
  const contractId = str('contractId');
  const lineId = str('lineId');
  return {
    state: state && isCodeOf(INVOICE_STATES, state) ? state : undefined,
    overdue: yes(search.overdue),
    disputed: yes(search.disputed),
    heading: heading && isCodeOf(COST_HEADINGS, heading) ? heading : undefined,
    contractId: contractId && UUID.test(contractId) ? contractId : undefined,
    lineId: !(contractId && UUID.test(contractId)) && lineId && UUID.test(lineId) ? lineId : undefined,
    sort: sort && SORTS.has(sort) && sort !== DEFAULT_INVOICE_SORT ? (sort as InvoiceSort) : undefined,
  };
}

/** The "against" filter's single choice: "contract:<id>", "line:<id>" or "". */
export const againstOf = (s: Pick<InvoicesSearch, 'contractId' | 'lineId'>) => (s.contractId ? `contract:${s.contractId}` : s.lineId ? `line:${s.lineId}` : '');
export function againstFilter(value: string): Pick<InvoicesSearch, 'contractId' | 'lineId'> {
  const [kind, id] = value.split(':');
  return { contractId: kind === 'contract' ? id : undefined, lineId: kind === 'line' ? id : undefined };
}

// ---- The budget page ----

export interface BudgetSearch { year?: string; heading?: CostHeading }
export const currentFinancialYear = (now = new Date()) => financialYearOf(londonDay(now));

/** A financial year in the address (2026-27), or none for the current one; the heading the chart shows, or none for all. */
export function validateBudgetSearch(search: Record<string, unknown>): BudgetSearch {
  const year = typeof search.year === 'string' && FinancialYear.safeParse(search.year).success ? search.year : undefined;
  const heading = typeof search.heading === 'string' && isCodeOf(COST_HEADINGS, search.heading) ? search.heading : undefined;
  return { year, heading };
}

/** The years offered: three before the current one to one after it, and the one asked for if outside them. */
export function yearChoices(current: string, chosen: string): string[] {
  const start = Number(current.slice(0, 4));
  const years = [-3, -2, -1, 0, 1].map((d) => `${start + d}-${String((start + d + 1) % 100).padStart(2, '0')}`);
  return years.includes(chosen) ? years : [...years, chosen].sort();
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2026-04" -> "Apr 2026" (short, for the chart's axis and table). */
export const monthLabel = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1].slice(0, 3)} ${month.slice(0, 4)}`;
/** "2026-27" -> "April 2026 to March 2027". */
export const yearWords = (year: string) => `April ${year.slice(0, 4)} to March ${Number(year.slice(0, 4)) + 1}`;

/**
 * The chart's figures for a year, over all headings or one: spent and committed per month (bars),
 * and the running total of both against the year's budget (lines), in pence.
 */
export function spendChart(headings: readonly { heading: string; budgetPence: number; months: readonly { month: string; committedPence: number; spentPence: number }[] }[], only?: string) {
  const chosen = headings.filter((h) => !only || h.heading === only);
  const months = chosen[0]?.months.map((m) => m.month) ?? [];
  const sum = (f: (m: { committedPence: number; spentPence: number }) => number) => months.map((_, i) => chosen.reduce((s, h) => s + f(h.months[i]), 0));
  const spent = sum((m) => m.spentPence);
  const committed = sum((m) => m.committedPence);
  let running = 0;
  const cumulative = months.map((_, i) => (running += spent[i] + committed[i]));
  const budget = chosen.reduce((s, h) => s + h.budgetPence, 0);
  return {
    categories: months.map(monthLabel),
    series: [
      { name: 'Spent', kind: 'bar' as const, stack: 'month', values: spent },
      { name: 'Committed', kind: 'bar' as const, stack: 'month', values: committed },
      { name: 'Spent and committed so far', kind: 'line' as const, values: cumulative },
      { name: 'Budget for the year', kind: 'line' as const, values: months.map(() => budget) },
    ],
  };
}

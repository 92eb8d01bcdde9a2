import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, withQuery } from './client';
import type {
  BudgetList, CreateInvoice, Invoice, InvoiceDetail, InvoiceList, InvoiceSort as InvoiceSortSchema, SetBudget, SpendReport, InvoiceState, CostHeading,
} from '../../domain/maintenance/invoices';
import type { ContractList } from '../../domain/maintenance/contract';
import type { LineList } from '../../domain/maintenance/lines';

// Budget and invoices (the maintenance contract): the invoices with their steps, the budgets per
// cost heading and financial year, spend against them per month, and the contracts and lines an
// invoice is raised against.

export { COST_HEADINGS, HEADINGS, INVOICE_SORT_FIELDS, INVOICE_STATES, financialYearOf, monthsOf } from '../../domain/maintenance/invoices';
export type { CostHeading, Invoice, InvoiceDetail, InvoiceState };
export type InvoiceSort = z.infer<typeof InvoiceSortSchema>;
export type InvoiceEvent = InvoiceDetail['events'][number];
export type Budgets = z.infer<typeof BudgetList>;
export type Spend = z.infer<typeof SpendReport>;

/** What the invoices list asks the server for (as the address bar keeps it). */
export interface InvoicesFilter {
  state?: InvoiceState; overdue?: boolean; disputed?: boolean; heading?: CostHeading; contractId?: string; lineId?: string; sort?: InvoiceSort;
}
const invoicesApiQuery = (f: InvoicesFilter) => ({
  state: f.state, overdue: f.overdue ? 'true' : undefined, disputed: f.disputed ? 'true' : undefined, heading: f.heading,
  contractId: f.contractId, lineId: f.lineId, sort: f.sort,
});

const one = (id: string) => `/invoices/${encodeURIComponent(id)}`;

export const invoicesQuery = (f: InvoicesFilter) =>
  queryOptions({
    queryKey: ['maintenance-invoices', 'list', invoicesApiQuery(f)],
    queryFn: async () => (await api<z.infer<typeof InvoiceList>>('/invoices', { query: invoicesApiQuery(f) })).items,
    placeholderData: keepPreviousData,
  });
export const invoicesCsvHref = (f: InvoicesFilter) => withQuery('/api/v1/invoices.csv', invoicesApiQuery(f));

export const invoiceQuery = (id: string) =>
  queryOptions({ queryKey: ['maintenance-invoices', 'one', id], queryFn: () => api<InvoiceDetail>(one(id)), staleTime: 0 });

export const recordInvoice = (body: z.input<typeof CreateInvoice>) => api<InvoiceDetail>('/invoices', { method: 'POST', body });
export const approveInvoice = (id: string) => api<InvoiceDetail>(`${one(id)}/approval`, { method: 'POST' });
export const payInvoice = (id: string, paidOn: string) => api<InvoiceDetail>(`${one(id)}/payment`, { method: 'POST', body: { paidOn } });
export const disputeInvoice = (id: string, reason: string) => api<InvoiceDetail>(`${one(id)}/dispute`, { method: 'POST', body: { reason } });
export const resolveInvoice = (id: string, note: string) => api<InvoiceDetail>(`${one(id)}/resolution`, { method: 'POST', body: { note: note || undefined } });

export const budgetsQuery = (year: string) =>
  queryOptions({ queryKey: ['maintenance-budgets', year], queryFn: () => api<Budgets>('/maintenance-budgets', { query: { year } }) });
export const spendQuery = (year: string) =>
  queryOptions({ queryKey: ['maintenance-spend', year], queryFn: () => api<Spend>('/maintenance-spend', { query: { year } }), placeholderData: keepPreviousData });
export const spendCsvHref = (year: string) => withQuery('/api/v1/maintenance-spend.csv', { year });
export const setBudget = (body: z.input<typeof SetBudget>) => api<Budgets>('/maintenance-budgets', { method: 'POST', body });

/** The contracts and lines an invoice may be raised against (for the form's choices and the list's filter). */
export const invoiceTargetsQuery = queryOptions({
  queryKey: ['maintenance-invoices', 'targets'],
  queryFn: async () => {
    const [contracts, lines] = await Promise.all([
      api<z.infer<typeof ContractList>>('/maintenance/contracts'),
      api<z.infer<typeof LineList>>('/connectivity-lines'),
    ]);
    return {
      contracts: contracts.items.map((c) => ({ id: c.id, label: `${c.reference} ${c.name} (${c.contractor.name})` })),
      lines: lines.items.map((l) => ({ id: l.id, label: `${l.reference} ${l.provider}${l.circuitId ? ` (${l.circuitId})` : ''}` })),
    };
  },
  staleTime: 60_000,
});

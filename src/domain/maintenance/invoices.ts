import { z } from 'zod';
import { codesOf } from '../labels';
import { line, text } from '../validation';
import { isValidDay, londonDay } from '../calendar/london';
import { instant, PersonRef } from '../primitives';

// Budget and invoices (issue 11): the contract between server and web app, and the pure decisions
// — who may approve, which state moves are allowed, when an invoice is overdue (London days), the
// financial year's months, and spend against budget per month.

export const COST_HEADINGS = { maintenance: 'Maintenance', lines: 'Connectivity lines', parts: 'Spare parts', projects: 'Projects' } as const;
export const CostHeading = codesOf(COST_HEADINGS, 'Choose the cost heading: maintenance, lines, parts or projects');
export type CostHeading = z.infer<typeof CostHeading>;
export const HEADINGS = Object.keys(COST_HEADINGS) as CostHeading[];

export const INVOICE_STATES = { received: 'Received', approved: 'Approved', paid: 'Paid', disputed: 'Disputed' } as const;
export const InvoiceState = codesOf(INVOICE_STATES);
export type InvoiceState = z.infer<typeof InvoiceState>;

export type InvoiceStep = 'approve' | 'pay' | 'dispute' | 'resolve';

/** The state a step moves an invoice to, or why it cannot. received → approved → paid; received or approved → disputed → received. */
export function nextState(state: InvoiceState, step: InvoiceStep): { ok: true; state: InvoiceState } | { ok: false; why: string } {
  const moves: Record<InvoiceStep, [InvoiceState[], InvoiceState]> = {
    approve: [['received'], 'approved'],
    pay: [['approved'], 'paid'],
    dispute: [['received', 'approved'], 'disputed'],
    resolve: [['disputed'], 'received'],
  };
  const [from, to] = moves[step];
  if (from.includes(state)) return { ok: true, state: to };
  const why: Record<InvoiceStep, string> = {
    approve: 'Only a received invoice can be approved',
    pay: 'Only an approved invoice can be marked paid',
    dispute: 'Only a received or approved invoice can be disputed',
    resolve: 'Only a disputed invoice can be resolved',
  };
  return { ok: false, why: `${why[step]}: this one is ${INVOICE_STATES[state].toLowerCase()}` };
}

/** An approver may never approve an invoice they raised (separation of duties). */
export const mayApprove = ({ raisedBy, approver }: { raisedBy: string; approver: string }): boolean => raisedBy !== approver;

/** Overdue: not paid, and its due day has passed in London (the due day itself is not overdue). */
export const isOverdue = ({ state, dueDate, now }: { state: InvoiceState; dueDate: string; now: Date }): boolean =>
  state !== 'paid' && dueDate < londonDay(now);

// ---- Financial years (April to March) ----

export const FinancialYear = z.string().regex(/^20\d{2}-\d{2}$/, 'Give the financial year as 2026-27 (this century)')
  .refine((y) => (Number(y.slice(0, 4)) + 1) % 100 === Number(y.slice(5, 7)), 'Give the financial year as 2026-27 (the second year follows the first)');

/** The financial year a London day falls in: 2027-03-31 is in 2026-27, 2027-04-01 in 2027-28. */
export function financialYearOf(day: string): string {
  const y = Number(day.slice(0, 4));
  const start = Number(day.slice(5, 7)) >= 4 ? y : y - 1;
  return `${start}-${String((start + 1) % 100).padStart(2, '0')}`;
}

/** The twelve months (YYYY-MM) of a financial year, April first. */
export function monthsOf(year: string): string[] {
  const start = Number(year.slice(0, 4));
  return Array.from({ length: 12 }, (_, i) => {
    const m = (3 + i) % 12 + 1;
    return `${m >= 4 ? start : start + 1}-${String(m).padStart(2, '0')}`;
  });
}

/** The first and last London days of a financial year. */
export const yearBounds = (year: string) => ({ from: `${year.slice(0, 4)}-04-01`, to: `${Number(year.slice(0, 4)) + 1}-03-31` });

// ---- Spend against budget ----

/** What the aggregation reads of an invoice. Spend counts the amount with VAT. */
export interface SpendInvoice { heading: CostHeading; state: InvoiceState; amountPence: number; vatPence: number; invoiceDate: string; paidOn: string | null }

export interface SpendMonth { month: string; committedPence: number; spentPence: number }
export interface SpendHeading { heading: CostHeading; budgetPence: number; committedPence: number; spentPence: number; remainingPence: number; months: SpendMonth[] }

/**
 * Spend against budget for a financial year, per heading and month. Spent: paid invoices, in the
 * month they were paid (only payments within the year). Committed: approved, not yet paid, in the
 * month of their invoice date (those dated within the year). Received and disputed invoices are
 * neither. Remaining: budget less committed less spent (negative when overspent).
 */
export function spendAgainstBudget({ year, budgets, invoices }: { year: string; budgets: Partial<Record<CostHeading, number>>; invoices: SpendInvoice[] }): SpendHeading[] {
  const months = monthsOf(year);
  const table = new Map(HEADINGS.map((h) => [h, new Map(months.map((m) => [m, { month: m, committedPence: 0, spentPence: 0 }]))]));
  for (const inv of invoices) {
    const total = inv.amountPence + inv.vatPence;
    if (inv.state === 'paid' && inv.paidOn) {
      const cell = table.get(inv.heading)!.get(inv.paidOn.slice(0, 7));
      if (cell) cell.spentPence += total;
    } else if (inv.state === 'approved') {
      const cell = table.get(inv.heading)!.get(inv.invoiceDate.slice(0, 7));
      if (cell) cell.committedPence += total;
    }
  }
  return HEADINGS.map((heading) => {
    const ms = [...table.get(heading)!.values()];
    const committedPence = ms.reduce((s, m) => s + m.committedPence, 0);
    const spentPence = ms.reduce((s, m) => s + m.spentPence, 0);
    const budgetPence = budgets[heading] ?? 0;
    return { heading, budgetPence, committedPence, spentPence, remainingPence: budgetPence - committedPence - spentPence, months: ms };
  });
}

// ---- The contract ----

const day = (what: string) => z.string().refine(isValidDay, `Enter the ${what} as YYYY-MM-DD`);
const pence = (what: string) => z.number({ message: `Enter the ${what} in pence as a whole number` }).int(`Enter the ${what} in pence as a whole number`)
  .min(0, `The ${what} cannot be negative`).max(100_000_000_000, `The ${what} is too large`);

export const SetBudget = z.object({
  financialYear: FinancialYear,
  heading: CostHeading,
  amountPence: pence('budget'),
  note: text().trim().max(2000, 'Keep the note to 2000 characters or fewer').optional(),
}).meta({ id: 'SetMaintenanceBudget' });
export type SetBudget = z.output<typeof SetBudget>;

export const BudgetQuery = z.object({ year: FinancialYear.describe('The financial year, e.g. 2026-27') });

export const Budget = z.object({
  financialYear: z.string(), heading: CostHeading, amountPence: z.number().int(), setAt: instant, setBy: PersonRef, note: z.string(),
}).meta({ id: 'MaintenanceBudget' });
export const BudgetList = z.object({
  /** The budget standing for each heading (absent where none is set). */
  items: z.array(Budget),
  /** Every setting, newest first. */
  history: z.array(Budget),
}).meta({ id: 'MaintenanceBudgetList' });
export type Budget = z.infer<typeof Budget>;

export const CreateInvoice = z.object({
  contractId: z.uuid({ message: 'Choose a contract' }).optional(),
  lineId: z.uuid({ message: 'Choose a line' }).optional(),
  supplierInvoiceNumber: line().trim().min(1, 'Enter the supplier’s invoice number').max(100, 'Keep the invoice number to 100 characters or fewer'),
  purchaseOrder: line().trim().min(1, 'Enter the council’s purchase order').max(100, 'Keep the purchase order to 100 characters or fewer'),
  amountPence: pence('amount'),
  vatPence: pence('VAT').default(0),
  invoiceDate: day('invoice date'),
  dueDate: day('due date'),
  heading: CostHeading,
  description: text().trim().min(3, 'Describe what the invoice is for (3 characters or more)').max(2000, 'Keep the description to 2000 characters or fewer'),
}).superRefine((v, ctx) => {
  if (!v.contractId === !v.lineId) ctx.addIssue({ code: 'custom', path: ['contractId'], message: 'Choose either a contract or a line (exactly one)' });
  if (isValidDay(v.invoiceDate) && isValidDay(v.dueDate) && v.dueDate < v.invoiceDate) ctx.addIssue({ code: 'custom', path: ['dueDate'], message: 'The due date cannot be before the invoice date' });
}).meta({ id: 'CreateMaintenanceInvoice' });
export type CreateInvoice = z.output<typeof CreateInvoice>;

export const PayInvoice = z.object({ paidOn: day('payment date') }).meta({ id: 'PayMaintenanceInvoice' });
export const DisputeInvoice = z.object({
  reason: text().trim().min(3, 'Say why the invoice is disputed (3 characters or more)').max(2000, 'Keep the reason to 2000 characters or fewer'),
}).meta({ id: 'DisputeMaintenanceInvoice' });
export const ResolveInvoice = z.object({
  note: text().trim().max(2000, 'Keep the note to 2000 characters or fewer').optional(),
}).meta({ id: 'ResolveMaintenanceInvoice' });

export const INVOICE_SORT_FIELDS = ['due_date', 'invoice_date', 'amount', 'state', 'supplier_invoice_number'] as const;
type InvoiceSortField = (typeof INVOICE_SORT_FIELDS)[number];
export const InvoiceSort = z.enum(INVOICE_SORT_FIELDS.flatMap((f) => [`${f}_asc`, `${f}_desc`] as const) as [`${InvoiceSortField}_${'asc' | 'desc'}`, ...`${InvoiceSortField}_${'asc' | 'desc'}`[]]);
const bool = z.enum(['true', 'false'], 'Give true or false').transform((v) => v === 'true').optional();

export const InvoicesQuery = z.object({
  state: InvoiceState.optional(),
  overdue: bool.describe('true: only invoices not paid whose due day has passed (London days)'),
  disputed: bool.describe('true: only disputed invoices'),
  contractId: z.uuid().optional(),
  lineId: z.uuid().optional(),
  heading: CostHeading.optional(),
  sort: InvoiceSort.default('due_date_asc'),
});
export type InvoicesQuery = z.output<typeof InvoicesQuery>;

export const InvoiceEvent = z.object({
  kind: z.enum(['received', 'approved', 'paid', 'disputed', 'resolved']), at: instant, by: PersonRef, paidOn: z.string().nullable(), reason: z.string().nullable(),
}).meta({ id: 'MaintenanceInvoiceEvent' });

export const Invoice = z.object({
  id: z.uuid(),
  contract: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  line: z.object({ id: z.uuid(), reference: z.string() }).nullable(),
  supplierInvoiceNumber: z.string(), purchaseOrder: z.string(), amountPence: z.number().int(), vatPence: z.number().int(),
  invoiceDate: z.string(), dueDate: z.string(), heading: CostHeading, description: z.string(), state: InvoiceState,
  overdue: z.boolean(), approvedAt: instant.nullable(), approvedBy: PersonRef.nullable(), paidOn: z.string().nullable(), disputeReason: z.string().nullable(),
  raisedAt: instant, raisedBy: PersonRef,
}).meta({ id: 'MaintenanceInvoice' });
export type Invoice = z.infer<typeof Invoice>;
export const InvoiceList = z.object({ items: z.array(Invoice) }).meta({ id: 'MaintenanceInvoiceList' });
export const InvoiceDetail = Invoice.extend({ events: z.array(InvoiceEvent) }).meta({ id: 'MaintenanceInvoiceDetail' });
export type InvoiceDetail = z.infer<typeof InvoiceDetail>;

export const SpendReport = z.object({
  financialYear: z.string(),
  headings: z.array(z.object({
    heading: CostHeading, budgetPence: z.number().int(), committedPence: z.number().int(), spentPence: z.number().int(), remainingPence: z.number().int(),
    months: z.array(z.object({ month: z.string(), committedPence: z.number().int(), spentPence: z.number().int() })),
  })),
}).meta({ id: 'MaintenanceSpendReport' });

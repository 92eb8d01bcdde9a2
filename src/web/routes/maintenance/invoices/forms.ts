import { parseUkDate } from '../../../../domain/calendar/london';
import type { CostHeading, InvoiceState } from '../../../api/maintenanceInvoices';
import { parsePounds } from '../../../lib/money';

// What the invoice and budget forms send, from what was typed (pounds, UK dates), and which steps an
// invoice's page offers to whom.

export type Problems = Record<string, string | undefined>;

export interface InvoiceDraft {
  /** "contract" or "line": what the invoice is raised against. */
  against: string; contractId: string; lineId: string;
  supplierInvoiceNumber: string; purchaseOrder: string; amount: string; vat: string;
  invoiceDate: string; dueDate: string; heading: string; description: string;
}
export const emptyInvoice = (): InvoiceDraft => ({
  against: '', contractId: '', lineId: '', supplierInvoiceNumber: '', purchaseOrder: '', amount: '', vat: '', invoiceDate: '', dueDate: '', heading: '', description: '',
});

function dayOf(text: string, what: string): { day?: string; problem?: string } {
  if (!text.trim()) return { problem: `Enter the ${what}` };
  const day = parseUkDate(text);
  return day ? { day } : { problem: `Enter the ${what} as a real date, like 3/12/2026` };
}

/**
 * The invoice's body, or the problems with what was typed: amounts in pounds (to exact pence, at most
 * 2 decimal places), UK dates, one contract or one line. Lengths and the like the server checks,
 * and its messages come back to the same fields.
 */
export function invoiceBodyOf(d: InvoiceDraft) {
  const amount = parsePounds(d.amount, 'amount');
  const vat = parsePounds(d.vat, 'VAT', { optional: true });
  const invoiceDate = dayOf(d.invoiceDate, 'invoice date');
  const dueDate = dayOf(d.dueDate, 'due date');
  const problems: Problems = {
    against: !d.against ? 'Choose whether the invoice is against a contract or a line' : undefined,
    contractId: d.against === 'contract' && !d.contractId ? 'Choose the contract' : undefined,
    lineId: d.against === 'line' && !d.lineId ? 'Choose the line' : undefined,
    amount: amount.problem,
    vat: vat.problem,
    invoiceDate: invoiceDate.problem,
    dueDate: dueDate.problem ?? (invoiceDate.day && dueDate.day && dueDate.day < invoiceDate.day ? 'The due date cannot be before the invoice date' : undefined),
    heading: !d.heading ? 'Choose the cost heading' : undefined,
  };
  if (Object.values(problems).some(Boolean)) return { problems };
  return {
    problems: {} as Problems,
    body: {
      contractId: d.against === 'contract' ? d.contractId : undefined,
      lineId: d.against === 'line' ? d.lineId : undefined,
      supplierInvoiceNumber: d.supplierInvoiceNumber, purchaseOrder: d.purchaseOrder,
      amountPence: amount.pence!, vatPence: vat.pence!, invoiceDate: invoiceDate.day!, dueDate: dueDate.day!,
      heading: d.heading as CostHeading, description: d.description,
    },
  };
}

/** The server's field names as the form's: amounts are typed in pounds. */
export const INVOICE_FIELD_NAMES: Record<string, string> = { amountPence: 'amount', vatPence: 'vat' };

/** The budget typed for a heading, in pence, or what to fix. */
export const budgetOf = (text: string) => parsePounds(text, 'budget');

/**
 * The steps an invoice's page offers: approving to a coordinator who did not raise it ('own' where
 * they did, so the page can say why not), paying an approved one, disputing one received or
 * approved, resolving a dispute.
 */
export function actionsFor({ state, canApprove, canHandle, raisedByViewer }: { state: InvoiceState; canApprove: boolean; canHandle: boolean; raisedByViewer: boolean }) {
  return {
    approve: state === 'received' && canApprove ? (raisedByViewer ? 'own' as const : 'yes' as const) : 'no' as const,
    pay: canHandle && state === 'approved',
    dispute: canHandle && (state === 'received' || state === 'approved'),
    resolve: canHandle && state === 'disputed',
  };
}

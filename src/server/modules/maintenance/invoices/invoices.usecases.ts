import type { Deps } from '../../../platform/deps';
import type { Db } from '../../../platform/db/db';
import { recordAudit, type AuditActor } from '../../../platform/audit/audit';
import { londonDay } from '../../../../domain/calendar/london';
import {
  HEADINGS, isOverdue, mayApprove, nextState, spendAgainstBudget, yearBounds,
  type Budget, type CostHeading, type CreateInvoice, type Invoice, type InvoiceDetail, type InvoicesQuery, type InvoiceStep, type SetBudget,
} from '../../../../domain/maintenance/invoices';
import * as repo from './invoices.repository';
import * as errors from './invoices.errors';

// Budget and invoices. A budget setting is a new dated row (the newest stands; audited). An
// invoice is recorded against one contract or line and moves received → approved → paid, or to
// disputed and back to received; each step is one transaction under the invoice's row lock, an
// append-only event and an audit entry. Who raised an invoice may not approve it.

export interface Actor { audit: AuditActor; userId: string }

const toBudget = (r: repo.BudgetRow): Budget => ({
  financialYear: r.financial_year, heading: r.heading, amountPence: Number(r.amount_pence), setAt: r.set_at.toISOString(), setBy: { id: r.set_by, name: r.set_by_name }, note: r.note,
});

export async function listBudgets(deps: Deps, { year }: { year: string }) {
  const history = (await repo.listBudgets(deps.db, year)).map(toBudget);
  const items = HEADINGS.map((h) => history.find((b) => b.heading === h)).filter((b): b is Budget => !!b);
  return { items, history };
}

export async function setBudget(deps: Deps, { actor, input }: { actor: Actor; input: SetBudget }) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const { id } = await repo.insertBudget(trx, { financial_year: input.financialYear, heading: input.heading, amount_pence: input.amountPence, note: input.note ?? '', set_by: actor.userId, set_at: now });
    await recordAudit(trx, actor.audit, {
      action: 'budget.set', recordType: 'maintenance_budget', recordId: id,
      details: { financialYear: input.financialYear, heading: input.heading, amountPence: input.amountPence },
    });
  });
  return listBudgets(deps, { year: input.financialYear });
}

export function toInvoice(r: repo.InvoiceRow, now: Date): Invoice {
  return {
    id: r.id,
    contract: r.contract_id ? { id: r.contract_id, reference: r.contract_reference ?? '' } : null,
    line: r.line_id ? { id: r.line_id, reference: r.line_reference ?? '' } : null,
    supplierInvoiceNumber: r.supplier_invoice_number, purchaseOrder: r.purchase_order, amountPence: Number(r.amount_pence), vatPence: Number(r.vat_pence),
    invoiceDate: r.invoice_date, dueDate: r.due_date, heading: r.heading, description: r.description, state: r.state,
    overdue: isOverdue({ state: r.state, dueDate: r.due_date, now }),
    approvedAt: r.approved_at ? r.approved_at.toISOString() : null, approvedBy: r.approved_by ? { id: r.approved_by, name: r.approved_by_name ?? '' } : null,
    paidOn: r.paid_on, disputeReason: r.dispute_reason, raisedAt: r.raised_at.toISOString(), raisedBy: { id: r.raised_by, name: r.raised_by_name },
  };
}

export async function listInvoices(deps: Deps, q: InvoicesQuery) {
  const now = deps.clock.now();
  return (await repo.listInvoices(deps.db, { ...q, today: londonDay(now) })).map((r) => toInvoice(r, now));
}

async function detail(db: Db, id: string, now: Date): Promise<InvoiceDetail> {
  const row = await repo.findInvoice(db, id);
  if (!row) throw errors.invoiceNotFound();
  const events = await repo.listEvents(db, id);
  return { ...toInvoice(row, now), events: events.map((e) => ({ kind: e.kind, at: e.at.toISOString(), by: { id: e.by, name: e.by_name }, paidOn: e.paid_on, reason: e.reason })) };
}

export const getInvoice = (deps: Deps, { id }: { id: string }) => detail(deps.db, id, deps.clock.now());

export async function createInvoice(deps: Deps, { actor, input }: { actor: Actor; input: CreateInvoice }): Promise<InvoiceDetail> {
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    if (input.contractId && !(await repo.contractExists(trx, input.contractId))) throw errors.contractNotFound();
    if (input.lineId && !(await repo.lineExists(trx, input.lineId))) throw errors.lineNotFound();
    const { id } = await repo.insertInvoice(trx, {
      contract_id: input.contractId ?? null, line_id: input.lineId ?? null, supplier_invoice_number: input.supplierInvoiceNumber, purchase_order: input.purchaseOrder,
      amount_pence: input.amountPence, vat_pence: input.vatPence, invoice_date: input.invoiceDate, due_date: input.dueDate, heading: input.heading,
      description: input.description, raised_by: actor.userId, at: now,
    });
    await repo.insertEvent(trx, { invoice_id: id, kind: 'received', at: now, by: actor.userId });
    await recordAudit(trx, actor.audit, {
      action: 'invoice.received', recordType: 'maintenance_invoice', recordId: id,
      details: { supplierInvoiceNumber: input.supplierInvoiceNumber, purchaseOrder: input.purchaseOrder, amountPence: input.amountPence, vatPence: input.vatPence, heading: input.heading, contractId: input.contractId ?? null, lineId: input.lineId ?? null },
    });
    return id;
  });
  return detail(deps.db, id, now);
}

const EVENT_OF: Record<InvoiceStep, repo.EventKind> = { approve: 'approved', pay: 'paid', dispute: 'disputed', resolve: 'resolved' };

/** One step of an invoice's life, under its row lock: refused clearly where the state or the own-invoice rule forbids it. */
export async function step(deps: Deps, { actor, id, step, paidOn, reason }: { actor: Actor; id: string; step: InvoiceStep; paidOn?: string; reason?: string }): Promise<InvoiceDetail> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const inv = await repo.lockInvoice(trx, id);
    if (!inv) throw errors.invoiceNotFound();
    if (step === 'approve' && !mayApprove({ raisedBy: inv.raised_by, approver: actor.userId })) throw errors.ownInvoice();
    const move = nextState(inv.state, step);
    if (!move.ok) throw errors.wrongState({ why: move.why });
    if (step === 'pay' && paidOn! < inv.invoice_date) throw errors.paidBeforeInvoiced();
    const set = step === 'approve' ? { approved_at: now, approved_by: actor.userId }
      : step === 'pay' ? { paid_on: paidOn! }
      : step === 'dispute' ? { dispute_reason: reason! }
      : { dispute_reason: null, approved_at: null, approved_by: null };
    await repo.setInvoiceState(trx, id, { state: move.state, at: now, ...set });
    await repo.insertEvent(trx, { invoice_id: id, kind: EVENT_OF[step], at: now, by: actor.userId, paid_on: paidOn ?? null, reason: reason ?? null });
    await recordAudit(trx, actor.audit, {
      action: `invoice.${EVENT_OF[step]}`, recordType: 'maintenance_invoice', recordId: id,
      details: { from: inv.state, to: move.state, ...(paidOn ? { paidOn } : {}), ...(reason ? { reason } : {}) },
    });
  });
  return detail(deps.db, id, now);
}

/** Spend against budget for a financial year: the repository feeds the domain's monthly aggregation. */
export async function spendReport(deps: Deps, { year }: { year: string }) {
  const [{ items }, rows] = await Promise.all([listBudgets(deps, { year }), repo.spendInvoices(deps.db, yearBounds(year))]);
  const budgets = Object.fromEntries(items.map((b) => [b.heading, b.amountPence])) as Partial<Record<CostHeading, number>>;
  const invoices = rows.map((r) => ({ heading: r.heading, state: r.state, amountPence: Number(r.amount_pence), vatPence: Number(r.vat_pence), invoiceDate: r.invoice_date, paidOn: r.paid_on }));
  return { financialYear: year, headings: spendAgainstBudget({ year, budgets, invoices }) };
}

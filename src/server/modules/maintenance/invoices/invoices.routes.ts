import { z } from '@hono/zod-openapi';
import { requestActor as actor, route, type Api } from '../../../platform/http/route';
import { body, commonResponses, json, problemResponse } from '../../../platform/http/openapi';
import { csvDownload } from '../../../platform/http/csv';
import { actorFrom, recordAudit } from '../../../platform/audit/audit';
import { pathId } from '../../../../domain/primitives';
import { labelOf } from '../../../../domain/labels';
import { formatUkDay, londonDay } from '../../../../domain/calendar/london';
import * as k from '../../../../domain/maintenance/invoices';
import * as uc from './invoices.usecases';

// Budget and invoices over HTTP. Invoices are maintenance.invoices (enforcement officers, who raise
// and monitor them, and coordinators); approving is maintenance.manage (coordinators), never of an
// invoice one raised. Budgets are set by maintenance.manage; budgets and spend against them are read
// with maintenance.read (which enforcement officers hold too).

const tags = ['Maintenance'];
const params = z.object({ id: pathId('id') });
export const INVOICES_CSV_HEADER = ['supplier_invoice_number', 'purchase_order', 'against', 'heading', 'description', 'amount_gbp', 'vat_gbp', 'total_gbp', 'invoice_date', 'due_date', 'state', 'overdue', 'paid_on', 'dispute_reason', 'raised_by', 'approved_by'];
export const SPEND_CSV_HEADER = ['heading', 'month', 'budget_gbp', 'committed_gbp', 'spent_gbp'];

const gbp = (pence: number) => (pence / 100).toFixed(2);
const csvResponse = (what: string) => ({ 200: { content: { 'text/csv': { schema: z.string() } }, description: what }, ...commonResponses });

export function registerInvoicesRoutes(api: Api) {
  route(api, {
    operationId: 'listMaintenanceBudgets', method: 'get', path: '/api/v1/maintenance-budgets', access: 'maintenance.read', tags,
    summary: 'The budget standing for each cost heading in a financial year, and every setting of it, newest first',
    request: { query: k.BudgetQuery }, responses: { 200: json(k.BudgetList, 'The budgets'), ...commonResponses },
  }, async (c) => c.json(await uc.listBudgets(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'setMaintenanceBudget', method: 'post', path: '/api/v1/maintenance-budgets', access: 'maintenance.manage', tags,
    summary: 'Set a heading\'s budget for a financial year: a new dated setting, which stands from now (the earlier ones kept as history; audited)',
    request: body(k.SetBudget), responses: { 201: json(k.BudgetList, 'Set: the year\'s budgets'), ...commonResponses },
  }, async (c) => c.json(await uc.setBudget(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getMaintenanceSpend', method: 'get', path: '/api/v1/maintenance-spend', access: 'maintenance.read', tags,
    summary: 'Spend against budget per month of a financial year, per heading: committed (approved, not paid, by invoice month) and spent (paid, by payment month), with VAT',
    request: { query: k.BudgetQuery }, responses: { 200: json(k.SpendReport, 'The report'), ...commonResponses },
  }, async (c) => c.json(await uc.spendReport(c.get('deps'), c.req.valid('query')), 200));

  route(api, {
    operationId: 'exportMaintenanceSpendCsv', method: 'get', path: '/api/v1/maintenance-spend.csv', access: 'maintenance.read', tags,
    summary: 'The same report as CSV, one row per heading and month (amounts in pounds)',
    request: { query: k.BudgetQuery }, responses: csvResponse('CSV, a heading and month a row'),
  }, async (c) => {
    const deps = c.get('deps');
    const { year } = c.req.valid('query');
    const report = await uc.spendReport(deps, { year });
    const rows = report.headings.flatMap((h) => h.months.map((m) => ({ h, m })));
    async function* batches() { yield rows; }
    return csvDownload(c, {
      filename: `maintenance-spend-${year}.csv`, header: SPEND_CSV_HEADER, batches: batches(),
      toRow: ({ h, m }) => [labelOf(k.COST_HEADINGS, h.heading), m.month, gbp(h.budgetPence), gbp(m.committedPence), gbp(m.spentPence)],
    }) as never;
  });

  route(api, {
    operationId: 'listMaintenanceInvoices', method: 'get', path: '/api/v1/invoices', access: 'maintenance.invoices', tags,
    summary: 'Invoices, filtered (state, overdue in London days, disputed, contract, line, heading) and sorted',
    request: { query: k.InvoicesQuery }, responses: { 200: json(k.InvoiceList, 'The invoices'), ...commonResponses },
  }, async (c) => c.json({ items: await uc.listInvoices(c.get('deps'), c.req.valid('query')) }, 200));

  route(api, {
    operationId: 'exportMaintenanceInvoicesCsv', method: 'get', path: '/api/v1/invoices.csv', access: 'maintenance.invoices', tags,
    summary: 'The same invoices as CSV (UK dates, amounts in pounds; spreadsheet formulas neutralised)',
    request: { query: k.InvoicesQuery }, responses: csvResponse('CSV, an invoice a row'),
  }, async (c) => {
    const deps = c.get('deps');
    const query = c.req.valid('query');
    const items = await uc.listInvoices(deps, query);
    await recordAudit(deps.db, actorFrom(c.get('session')!, c.get('caller')), { action: 'invoices.exported', details: { format: 'csv', count: items.length, filter: JSON.parse(JSON.stringify(query)) } });
    async function* batches() { if (items.length) yield items; }
    return csvDownload(c, {
      filename: `invoices-${londonDay(deps.clock.now())}.csv`, header: INVOICES_CSV_HEADER, batches: batches(),
      toRow: (i) => [i.supplierInvoiceNumber, i.purchaseOrder, i.contract ? `contract ${i.contract.reference}` : `line ${i.line?.reference ?? ''}`,
        labelOf(k.COST_HEADINGS, i.heading), i.description, gbp(i.amountPence), gbp(i.vatPence), gbp(i.amountPence + i.vatPence),
        formatUkDay(i.invoiceDate), formatUkDay(i.dueDate), labelOf(k.INVOICE_STATES, i.state), i.overdue ? 'yes' : 'no',
        i.paidOn ? formatUkDay(i.paidOn) : '', i.disputeReason ?? '', i.raisedBy.name, i.approvedBy?.name ?? ''],
    }) as never;
  });

  route(api, {
    operationId: 'createMaintenanceInvoice', method: 'post', path: '/api/v1/invoices', access: 'maintenance.invoices', tags,
    summary: 'Record an invoice raised or received against one contract or one line: it starts received (audited)',
    request: body(k.CreateInvoice), responses: { 201: json(k.InvoiceDetail, 'Recorded'), ...commonResponses },
  }, async (c) => c.json(await uc.createInvoice(c.get('deps'), { actor: actor(c), input: c.req.valid('json') }), 201));

  route(api, {
    operationId: 'getMaintenanceInvoice', method: 'get', path: '/api/v1/invoices/{id}', access: 'maintenance.invoices', tags,
    summary: 'An invoice with every step of its life, oldest first',
    request: { params }, responses: { 200: json(k.InvoiceDetail, 'The invoice'), ...commonResponses },
  }, async (c) => c.json(await uc.getInvoice(c.get('deps'), { id: c.req.valid('param').id }), 200));

  const conflict = problemResponse('The invoice is not in a state that allows this step');
  route(api, {
    operationId: 'approveMaintenanceInvoice', method: 'post', path: '/api/v1/invoices/{id}/approval', access: 'maintenance.manage', tags,
    summary: 'Approve a received invoice; refused (403, maintenance.invoice_own_approval) to whoever raised it (audited)',
    request: { params }, responses: { 200: json(k.InvoiceDetail, 'Approved'), ...commonResponses, 409: conflict },
  }, async (c) => c.json(await uc.step(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, step: 'approve' }), 200));

  route(api, {
    operationId: 'payMaintenanceInvoice', method: 'post', path: '/api/v1/invoices/{id}/payment', access: 'maintenance.invoices', tags,
    summary: 'Mark an approved invoice paid, on the day given (audited)',
    request: { params, ...body(k.PayInvoice) }, responses: { 200: json(k.InvoiceDetail, 'Paid'), ...commonResponses, 409: conflict },
  }, async (c) => c.json(await uc.step(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, step: 'pay', paidOn: c.req.valid('json').paidOn }), 200));

  route(api, {
    operationId: 'disputeMaintenanceInvoice', method: 'post', path: '/api/v1/invoices/{id}/dispute', access: 'maintenance.invoices', tags,
    summary: 'Dispute a received or approved invoice, with the reason (audited)',
    request: { params, ...body(k.DisputeInvoice) }, responses: { 200: json(k.InvoiceDetail, 'Disputed'), ...commonResponses, 409: conflict },
  }, async (c) => c.json(await uc.step(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, step: 'dispute', reason: c.req.valid('json').reason }), 200));

  route(api, {
    operationId: 'resolveMaintenanceInvoice', method: 'post', path: '/api/v1/invoices/{id}/resolution', access: 'maintenance.invoices', tags,
    summary: 'Resolve a dispute: the invoice returns to received, to be approved afresh (audited)',
    request: { params, ...body(k.ResolveInvoice) }, responses: { 200: json(k.InvoiceDetail, 'Resolved'), ...commonResponses, 409: conflict },
  }, async (c) => c.json(await uc.step(c.get('deps'), { actor: actor(c), id: c.req.valid('param').id, step: 'resolve', reason: c.req.valid('json').note || undefined }), 200));
}

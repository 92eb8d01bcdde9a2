import { sql } from 'kysely';
import type { Db } from '../../../platform/db/db';
import type { CostHeading, InvoiceState, InvoicesQuery } from '../../../../domain/maintenance/invoices';

// Budget and invoices' SQL. Days are read as text (YYYY-MM-DD) so that no time zone shifts them.
// Budgets and invoice events are append-only (their tables refuse update and delete).

export interface BudgetRow { financial_year: string; heading: CostHeading; amount_pence: string; set_at: Date; set_by: string; set_by_name: string; note: string }

/** Every budget setting for a year, newest first. */
export const listBudgets = (db: Db, year: string) => sql<BudgetRow>`
  select b.financial_year, b.heading, b.amount_pence::text as amount_pence, b.set_at, b.set_by, coalesce(u.display_name, '') as set_by_name, b.note
  from maintenance_budgets b join users u on u.id = b.set_by
  where b.financial_year = ${year}
  order by b.set_at desc, b.id`.execute(db).then((r) => r.rows);

export const insertBudget = (db: Db, row: { financial_year: string; heading: CostHeading; amount_pence: number; note: string; set_by: string; set_at: Date }) =>
  db.insertInto('maintenance_budgets').values(row).returning('id').executeTakeFirstOrThrow();

export interface InvoiceRow {
  id: string; contract_id: string | null; contract_reference: string | null; line_id: string | null; line_reference: string | null;
  supplier_invoice_number: string; purchase_order: string; amount_pence: string; vat_pence: string; invoice_date: string; due_date: string;
  heading: CostHeading; description: string; state: InvoiceState; approved_at: Date | null; approved_by: string | null; approved_by_name: string | null;
  paid_on: string | null; dispute_reason: string | null; raised_at: Date; raised_by: string; raised_by_name: string;
}

const SORT_COLUMNS: Record<string, ReturnType<typeof sql>> = {
  due_date: sql`i.due_date`, invoice_date: sql`i.invoice_date`, amount: sql`(i.amount_pence + i.vat_pence)`, state: sql`i.state`,
  supplier_invoice_number: sql`upper(i.supplier_invoice_number)`,
};

function invoices(db: Db, { where, order = sql`i.due_date`, lock = false }: { where: ReturnType<typeof sql>; order?: ReturnType<typeof sql>; lock?: boolean }) {
  return sql<InvoiceRow>`
    select i.id, i.contract_id, c.reference as contract_reference, i.line_id, l.reference as line_reference,
      i.supplier_invoice_number, i.purchase_order, i.amount_pence::text as amount_pence, i.vat_pence::text as vat_pence,
      i.invoice_date::text as invoice_date, i.due_date::text as due_date, i.heading, i.description, i.state,
      i.approved_at, i.approved_by, ua.display_name as approved_by_name, i.paid_on::text as paid_on, i.dispute_reason,
      i.raised_at, i.raised_by, coalesce(ur.display_name, '') as raised_by_name
    from maintenance_invoices i
    left join maintenance_contracts c on c.id = i.contract_id
    left join connectivity_lines l on l.id = i.line_id
    left join users ua on ua.id = i.approved_by
    join users ur on ur.id = i.raised_by
    where ${where}
    order by ${order}, i.id
    ${lock ? sql`for update of i` : sql``}`.execute(db).then((r) => r.rows);
}

/** The invoices matching the filters; `today`: the London day, for overdue (not paid, due before today). */
export function listInvoices(db: Db, f: InvoicesQuery & { today: string }) {
  const where = [sql`true`];
  if (f.state) where.push(sql`i.state = ${f.state}`);
  if (f.overdue !== undefined) where.push(f.overdue ? sql`(i.state <> 'paid' and i.due_date < ${f.today}::date)` : sql`not (i.state <> 'paid' and i.due_date < ${f.today}::date)`);
  if (f.disputed !== undefined) where.push(f.disputed ? sql`i.state = 'disputed'` : sql`i.state <> 'disputed'`);
  if (f.contractId) where.push(sql`i.contract_id = ${f.contractId}`);
  if (f.lineId) where.push(sql`i.line_id = ${f.lineId}`);
  if (f.heading) where.push(sql`i.heading = ${f.heading}`);
  const [field, dir] = [f.sort.replace(/_(asc|desc)$/, ''), f.sort.endsWith('_desc') ? sql`desc` : sql`asc`];
  return invoices(db, { where: sql.join(where, sql` and `), order: sql`${SORT_COLUMNS[field]} ${dir}` });
}

export const findInvoice = (db: Db, id: string) => invoices(db, { where: sql`i.id = ${id}` }).then((r) => r[0]);
export const lockInvoice = (db: Db, id: string) => invoices(db, { where: sql`i.id = ${id}`, lock: true }).then((r) => r[0]);

export const contractExists = (db: Db, id: string) => db.selectFrom('maintenance_contracts').select('id').where('id', '=', id).executeTakeFirst();
export const lineExists = (db: Db, id: string) => db.selectFrom('connectivity_lines').select('id').where('id', '=', id).executeTakeFirst();

export const insertInvoice = (db: Db, row: {
  contract_id: string | null; line_id: string | null; supplier_invoice_number: string; purchase_order: string; amount_pence: number; vat_pence: number;
  invoice_date: string; due_date: string; heading: CostHeading; description: string; raised_by: string; at: Date;
}) => {
  const { at, invoice_date, due_date, ...rest } = row;
  return db.insertInto('maintenance_invoices').values({
    ...rest, invoice_date: sql<Date>`${invoice_date}::date`, due_date: sql<Date>`${due_date}::date`, raised_at: at, updated_at: at,
  }).returning('id').executeTakeFirstOrThrow();
};

export const setInvoiceState = (db: Db, id: string, set: {
  state: InvoiceState; at: Date; approved_at?: Date | null; approved_by?: string | null; paid_on?: string | null; dispute_reason?: string | null;
}) => {
  const { at, paid_on, ...rest } = set;
  return db.updateTable('maintenance_invoices')
    .set({ ...rest, ...(paid_on !== undefined ? { paid_on: paid_on === null ? null : sql<Date>`${paid_on}::date` } : {}), updated_at: at })
    .where('id', '=', id).execute();
};

export type EventKind = 'received' | 'approved' | 'paid' | 'disputed' | 'resolved';
export const insertEvent = (db: Db, row: { invoice_id: string; kind: EventKind; at: Date; by: string; paid_on?: string | null; reason?: string | null }) =>
  db.insertInto('maintenance_invoice_events').values({
    invoice_id: row.invoice_id, kind: row.kind, at: row.at, by: row.by, paid_on: row.paid_on ? sql<Date>`${row.paid_on}::date` : null, reason: row.reason ?? null,
  }).execute();

export const listEvents = (db: Db, invoiceId: string) => sql<{ kind: EventKind; at: Date; by: string; by_name: string; paid_on: string | null; reason: string | null }>`
  select e.kind, e.at, e.by, coalesce(u.display_name, '') as by_name, e.paid_on::text as paid_on, e.reason
  from maintenance_invoice_events e join users u on u.id = e.by
  where e.invoice_id = ${invoiceId} order by e.seq`.execute(db).then((r) => r.rows);

/** What the spend report reads: invoices paid within the year, and approved ones dated within it. */
export const spendInvoices = (db: Db, { from, to }: { from: string; to: string }) => sql<{
  heading: CostHeading; state: InvoiceState; amount_pence: string; vat_pence: string; invoice_date: string; paid_on: string | null;
}>`
  select heading, state, amount_pence::text as amount_pence, vat_pence::text as vat_pence, invoice_date::text as invoice_date, paid_on::text as paid_on
  from maintenance_invoices
  where (state = 'paid' and paid_on between ${from}::date and ${to}::date)
     or (state = 'approved' and invoice_date between ${from}::date and ${to}::date)`.execute(db).then((r) => r.rows);

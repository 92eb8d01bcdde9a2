-- The maintenance contract (issue 11): budget and invoices.
--
-- 1. Budgets: an annual sum per cost heading for a financial year (April to March, '2026-27'), in
--    pence. Append-only: setting a budget adds a dated row; the newest row for a year and heading
--    is the budget, the earlier ones its history (and each setting is audited too).
create table maintenance_budgets (
  id uuid primary key default gen_random_uuid(),
  financial_year text not null check (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
  heading text not null check (heading in ('maintenance', 'lines', 'parts', 'projects')),
  amount_pence bigint not null check (amount_pence >= 0),
  set_at timestamptz not null,
  set_by uuid not null references users (id),
  note text not null default '' check (length(note) <= 2000)
);
create index maintenance_budgets_year_idx on maintenance_budgets (financial_year, heading, set_at desc);
create trigger maintenance_budgets_append_only before update or delete on maintenance_budgets
  for each row execute function refuse_change();
create trigger maintenance_budgets_no_truncate before truncate on maintenance_budgets
  for each statement execute function refuse_change();

-- 2. Invoices, against exactly one contract or one line. The row keeps the current state; every
--    step is an event below. `raised_by` is who recorded it: they may not approve it.
create table maintenance_invoices (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid references maintenance_contracts (id),
  line_id uuid references connectivity_lines (id),
  supplier_invoice_number text not null check (length(supplier_invoice_number) between 1 and 100),
  purchase_order text not null check (length(purchase_order) between 1 and 100),
  amount_pence bigint not null check (amount_pence >= 0),
  vat_pence bigint not null default 0 check (vat_pence >= 0),
  invoice_date date not null,
  due_date date not null check (due_date >= invoice_date),
  heading text not null check (heading in ('maintenance', 'lines', 'parts', 'projects')),
  description text not null check (length(description) between 3 and 2000),
  state text not null default 'received' check (state in ('received', 'approved', 'paid', 'disputed')),
  approved_at timestamptz,
  approved_by uuid references users (id),
  paid_on date,
  dispute_reason text,
  raised_at timestamptz not null,
  raised_by uuid not null references users (id),
  updated_at timestamptz not null,
  check ((contract_id is null) <> (line_id is null)),
  check ((state = 'paid') = (paid_on is not null)),
  check (state <> 'disputed' or dispute_reason is not null),
  check (approved_by is null or approved_by <> raised_by)
);
create index maintenance_invoices_state_due_idx on maintenance_invoices (state, due_date);
create index maintenance_invoices_contract_idx on maintenance_invoices (contract_id) where contract_id is not null;
create index maintenance_invoices_line_idx on maintenance_invoices (line_id) where line_id is not null;

-- 3. Each step of an invoice, append-only.
create table maintenance_invoice_events (
  seq bigint generated always as identity primary key,
  invoice_id uuid not null references maintenance_invoices (id),
  kind text not null check (kind in ('received', 'approved', 'paid', 'disputed', 'resolved')),
  at timestamptz not null,
  by uuid not null references users (id),
  paid_on date,
  reason text check (length(reason) <= 2000)
);
create index maintenance_invoice_events_invoice_idx on maintenance_invoice_events (invoice_id, seq);
create trigger maintenance_invoice_events_append_only before update or delete on maintenance_invoice_events
  for each row execute function refuse_change();
create trigger maintenance_invoice_events_no_truncate before truncate on maintenance_invoice_events
  for each statement execute function refuse_change();

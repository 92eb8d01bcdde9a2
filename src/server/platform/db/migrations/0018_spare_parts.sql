-- The maintenance contract (issue 11): council-owned spare parts, kept in stores (the control room,
-- a depot), each part with its number, unit cost and reorder level. What is on hand moves only by the
-- movements ledger: received, signed out to the contractor's engineer (who signed it out, when, for
-- which fault, why, and the engineer's signature drawn on screen, an object in the store by SHA-256),
-- returned, or counted (a stock count sets the figure). The ledger is never changed: a correction is
-- a later movement. The part's quantity on hand is kept in step with it in the same transaction,
-- under the part's row lock, and is never below zero.

create table part_stores (
  id uuid primary key default gen_random_uuid(),
  name text not null unique check (length(btrim(name)) between 3 and 100),
  location text not null default '' check (length(location) <= 200),
  created_at timestamptz not null default now(),
  created_by uuid references users (id)
);

create table parts (
  id uuid primary key default gen_random_uuid(),
  store_id uuid not null references part_stores (id),
  part_number text not null check (part_number ~ '^[A-Za-z0-9][A-Za-z0-9 ./_-]{0,39}$'),
  description text not null check (length(btrim(description)) between 3 and 200),
  unit_cost_pence bigint not null check (unit_cost_pence >= 0),
  reorder_level integer not null check (reorder_level >= 0),
  quantity_on_hand integer not null default 0 check (quantity_on_hand >= 0),
  last_seq integer not null default 0 check (last_seq >= 0),
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  unique (store_id, part_number)
);
create index parts_store_idx on parts (store_id, part_number);

-- `quantity` is the change (received and returned add, signed out takes away, a count sets
-- `counted` and records the difference); `quantity_after` is what was on hand after it.
create table part_movements (
  part_id uuid not null references parts (id),
  seq integer not null check (seq > 0),
  kind text not null check (kind in ('received', 'signed_out', 'returned', 'counted')),
  quantity integer not null,
  quantity_after integer not null check (quantity_after >= 0),
  counted integer check (counted >= 0),
  at timestamptz not null,
  by_user_id uuid not null references users (id),
  fault_id uuid references faults (id),
  justification text check (length(justification) <= 2000),
  engineer_name text check (length(engineer_name) <= 100),
  engineer_organisation text check (length(engineer_organisation) <= 200),
  signature_sha256 text check (signature_sha256 ~ '^[0-9a-f]{64}$'),
  note text check (length(note) <= 2000),
  primary key (part_id, seq),
  check (kind <> 'received' or quantity > 0),
  check (kind <> 'returned' or quantity > 0),
  check (kind <> 'signed_out' or (quantity < 0 and length(btrim(coalesce(justification, ''))) >= 3
    and length(btrim(coalesce(engineer_name, ''))) >= 2 and length(btrim(coalesce(engineer_organisation, ''))) >= 2 and signature_sha256 is not null)),
  check ((kind = 'counted') = (counted is not null)),
  check (kind <> 'counted' or quantity_after = counted)
);
create index part_movements_fault_idx on part_movements (fault_id) where fault_id is not null;
create index part_movements_at_idx on part_movements (at);
create trigger part_movements_append_only before update or delete on part_movements
  for each row execute function refuse_change();
create trigger part_movements_no_truncate before truncate on part_movements
  for each statement execute function refuse_change();

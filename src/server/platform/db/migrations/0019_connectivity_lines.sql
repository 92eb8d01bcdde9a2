-- The maintenance contract (issue 11): connectivity lines. Each line (fibre, 4G, radio, copper) is
-- bought from a provider under a circuit id, costs a monthly sum and has a contract end date; it
-- serves cameras. The register's free-text cameras.connectivity_line holds the line's reference, as
-- councils' registers give it: linking a camera keeps that column in step (through the register's
-- history). A line's fault marks every camera it serves faulty until it is cleared.

-- 1. Lines. `reference` is what the register's connectivity_line holds; `version` guards edits.
create table connectivity_lines (
  id uuid primary key default gen_random_uuid(),
  reference text not null check (length(reference) between 1 and 100),
  provider text not null check (length(provider) between 1 and 200),
  kind text not null check (kind in ('fibre', '4g', 'radio', 'copper')),
  circuit_id text not null check (length(circuit_id) between 1 and 100),
  monthly_cost_pence bigint not null default 0 check (monthly_cost_pence >= 0),
  contract_ends_on date,
  notes text not null default '' check (length(notes) <= 2000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
-- References and circuits are unique whatever their case ("bt-123" is "BT-123").
create unique index connectivity_lines_reference_idx on connectivity_lines (upper(reference));
create unique index connectivity_lines_circuit_idx on connectivity_lines (upper(circuit_id));
create index connectivity_lines_ends_on_idx on connectivity_lines (contract_ends_on) where contract_ends_on is not null;

-- 2. The cameras each line serves: a camera is served by one line (its register entry names one).
create table connectivity_line_cameras (
  camera_id uuid primary key references cameras (id),
  line_id uuid not null references connectivity_lines (id),
  linked_at timestamptz not null,
  linked_by uuid references users (id)
);
create index connectivity_line_cameras_line_idx on connectivity_line_cameras (line_id);

-- 3. A line's faults: raised and cleared, at most one open per line. While one is open the line's
--    cameras are faulty; connectivity_line_fault_cameras lists those the fault itself made faulty
--    (a camera already faulty, out of service or decommissioned is left as it was), so that
--    clearing it returns only those to operational, and only where no fault of their own is open.
create table connectivity_line_faults (
  id uuid primary key default gen_random_uuid(),
  line_id uuid not null references connectivity_lines (id),
  raised_at timestamptz not null,
  raised_by uuid references users (id),
  note text not null check (length(note) between 3 and 2000),
  cleared_at timestamptz,
  cleared_by uuid references users (id),
  clear_note text check (length(clear_note) <= 2000),
  check ((cleared_at is null) = (cleared_by is null) and (cleared_at is null or cleared_at >= raised_at))
);
create unique index connectivity_line_faults_open_idx on connectivity_line_faults (line_id) where cleared_at is null;
create index connectivity_line_faults_line_idx on connectivity_line_faults (line_id, raised_at desc);

create table connectivity_line_fault_cameras (
  fault_id uuid not null references connectivity_line_faults (id),
  camera_id uuid not null references cameras (id),
  primary key (fault_id, camera_id)
);

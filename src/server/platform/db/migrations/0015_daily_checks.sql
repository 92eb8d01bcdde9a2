-- Daily equipment checks (issue 10): every shift an operator checks the cameras and the control
-- room's own equipment item by item; a failed item raises a fault and marks what failed faulty.

-- 1. The control room's equipment: a small register of its own (recorders, monitors, the video
-- wall, radios, the Airwave handset). Not in service: withdrawn, kept for the history of checks.
create table equipment (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (length(reference) between 1 and 50),
  name text not null check (length(name) between 1 and 200),
  kind text not null check (kind in ('recorder', 'monitor', 'video_wall', 'radio', 'airwave_handset')),
  location text not null default '' check (length(location) <= 200),
  status text not null default 'operational' check (status in ('operational', 'degraded', 'faulty', 'out_of_service')),
  is_in_service boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id),
  changed_at timestamptz,
  change_reason text not null default 'registered' check (length(change_reason) between 1 and 500),
  version integer not null default 1
);

-- Its history, as the cameras' (migration 0013): every insert and update keeps the row as it then
-- stood, with who (updated_by), when (changed_at, the app's clock) and why (change_reason).
create table equipment_versions (
  equipment_id uuid not null references equipment (id),
  version integer not null,
  valid_from timestamptz not null,
  changed_by uuid references users (id),
  reason text not null check (length(reason) between 1 and 500),
  entry jsonb not null,
  primary key (equipment_id, version)
);
create trigger equipment_versions_append_only before update or delete on equipment_versions
  for each row execute function refuse_change();
create trigger equipment_version_bump before update on equipment
  for each row execute function camera_version_bump();
create function equipment_version_keep() returns trigger language plpgsql as $$
begin
  insert into equipment_versions (equipment_id, version, valid_from, changed_by, reason, entry)
  values (new.id, new.version, coalesce(new.changed_at, now()), new.updated_by, new.change_reason,
    to_jsonb(new) - array['id', 'created_at', 'updated_at', 'version', 'updated_by', 'changed_at', 'change_reason']);
  return null;
end;
$$;
create trigger equipment_keep_version after insert or update on equipment
  for each row execute function equipment_version_keep();

-- 2. A round: one (London date, shift, kind), opened by the first operator who asks for it. The
-- unique key makes opening idempotent under concurrency.
create table check_rounds (
  id uuid primary key default gen_random_uuid(),
  check_date date not null,
  shift text not null check (shift in ('day', 'night')),
  kind text not null check (kind in ('cameras', 'equipment')),
  shift_starts_at timestamptz not null,
  shift_ends_at timestamptz not null check (shift_ends_at > shift_starts_at),
  opened_at timestamptz not null,
  opened_by uuid not null references users (id),
  unique (check_date, shift, kind)
);
create index check_rounds_starts_idx on check_rounds (shift_starts_at desc);

-- What the round checks, fixed when it opens (so a round's completion never changes under it when
-- the register does): each target in order with the items that apply to it.
create table check_round_targets (
  round_id uuid not null references check_rounds (id),
  position integer not null check (position >= 0),
  camera_id uuid references cameras (id),
  equipment_id uuid references equipment (id),
  items text[] not null check (cardinality(items) > 0),
  primary key (round_id, position),
  check (num_nonnulls(camera_id, equipment_id) = 1),
  unique (round_id, camera_id),
  unique (round_id, equipment_id)
);

-- 3. Results, append-only: a correction is a new row that supersedes the earlier one, so the
-- current result of (round, target, item) is the one nothing supersedes.
create table check_results (
  id uuid primary key default gen_random_uuid(),
  round_id uuid not null references check_rounds (id),
  camera_id uuid references cameras (id),
  equipment_id uuid references equipment (id),
  item text not null check (item in ('picture', 'ptz', 'focus', 'infrared', 'recording', 'clock', 'storage', 'transmit_receive', 'battery')),
  outcome text not null check (outcome in ('pass', 'fail', 'not_applicable')),
  note text check (length(note) <= 2000),
  clock_offset_s integer check (abs(clock_offset_s) <= 86400),
  recorded_at timestamptz not null,
  recorded_by uuid not null references users (id),
  supersedes_id uuid unique references check_results (id),
  check (num_nonnulls(camera_id, equipment_id) = 1),
  -- A failure says what is wrong: a note, or the clock's measured offset.
  check (outcome <> 'fail' or length(btrim(coalesce(note, ''))) > 0 or clock_offset_s is not null)
);
-- One first result per (round, target, item); each later one supersedes exactly one: a line.
create unique index check_results_first_camera_idx on check_results (round_id, camera_id, item) where supersedes_id is null and camera_id is not null;
create unique index check_results_first_equipment_idx on check_results (round_id, equipment_id, item) where supersedes_id is null and equipment_id is not null;
create index check_results_round_idx on check_results (round_id, recorded_at);
create trigger check_results_append_only before update or delete on check_results
  for each row execute function refuse_change();
create trigger check_results_no_truncate before truncate on check_results
  for each statement execute function refuse_change();

-- 4. Faults raised by checks: minimal now (the maintenance issue grows them into the fault
-- workflow). One open fault per (target, item): a repeat failure is added to it.
create table fault_counters (
  year integer primary key,
  last_number integer not null
);
create table faults (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  year integer not null,
  number integer not null,
  camera_id uuid references cameras (id),
  equipment_id uuid references equipment (id),
  item text not null check (item in ('picture', 'ptz', 'focus', 'infrared', 'recording', 'clock', 'storage', 'transmit_receive', 'battery')),
  description text not null check (length(description) between 1 and 2500),
  raised_by uuid not null references users (id),
  raised_at timestamptz not null,
  check_result_id uuid not null references check_results (id),
  state text not null default 'open' check (state in ('open', 'closed')),
  closed_at timestamptz,
  check (num_nonnulls(camera_id, equipment_id) = 1),
  check ((state = 'closed') = (closed_at is not null)),
  unique (year, number)
);
create unique index faults_open_camera_item_idx on faults (camera_id, item) where state = 'open' and camera_id is not null;
create unique index faults_open_equipment_item_idx on faults (equipment_id, item) where state = 'open' and equipment_id is not null;
create index faults_raised_at_idx on faults (raised_at desc);

-- Every failed check result a fault was raised or added to by (the first included).
create table fault_check_results (
  fault_id uuid not null references faults (id),
  check_result_id uuid primary key references check_results (id),
  added_at timestamptz not null
);
create index fault_check_results_fault_idx on fault_check_results (fault_id, added_at);
create trigger fault_check_results_append_only before update or delete on fault_check_results
  for each row execute function refuse_change();

-- 5. When shifts start (the occurrence log's rota: 07:00 and 19:00 London time), the recorder
-- clock tolerance (the camera specification's ±10 s), and how far into a shift its check is
-- expected to be done before the supervisor's screen flags it.
insert into settings (key, value) values
  ('estate.checks', '{"dayStartsAt": "07:00", "nightStartsAt": "19:00", "clockToleranceSeconds": 10, "dueWithinMinutes": 180}');

-- Field enforcement (issue 14): the handheld's devices, their PCN number blocks and data keys, the
-- records each device synced (accepted once each), and patrols as lone-working sessions with their
-- GPS trail, notes and the notices issued on them.

-- A handheld as an officer registered it. The id is the device's own (made when the app is
-- installed); the data key (32 random bytes made here, per device and user) encrypts what the
-- device keeps at rest, and is handed only to its own user.
create table field_devices (
  id uuid primary key,
  user_id uuid not null references users (id),
  name text not null check (length(name) between 1 and 100),
  registered_at timestamptz not null default now(),
  last_seen_at timestamptz,
  last_sync_at timestamptz,
  queued_count integer not null default 0 check (queued_count >= 0),
  data_key bytea not null check (length(data_key) = 32),
  revoked_at timestamptz
);
create index field_devices_user on field_devices (user_id);

-- The next free PCN serial for each prefix: blocks are cut from it under its row lock, so two
-- devices never get overlapping blocks.
create table pcn_serial_counters (
  prefix text primary key check (prefix ~ '^[A-Z]{2,3}$'),
  next_serial bigint not null check (next_serial between 1 and 100000000)
);

create table pcn_number_blocks (
  id uuid primary key default gen_random_uuid(),
  device_id uuid not null references field_devices (id),
  prefix text not null check (prefix ~ '^[A-Z]{2,3}$'),
  first_serial bigint not null check (first_serial >= 1),
  last_serial bigint not null check (last_serial >= first_serial and last_serial <= 99999999),
  allocated_at timestamptz not null default now(),
  unique (prefix, first_serial)
);
create index pcn_number_blocks_device on pcn_number_blocks (device_id, allocated_at);

-- PCN numbers a device has used (from the sync), so that a number is never issued twice.
create table pcn_numbers_used (
  number text primary key,
  device_id uuid not null references field_devices (id),
  record_id uuid not null,
  used_at timestamptz not null default now()
);

-- Each record a device synced, by the id the device made: accepted once, answered the same on a
-- retry. The payload's SHA-256 tells a retry from another record sent under a used id.
create table field_sync_records (
  id uuid primary key,
  device_id uuid not null references field_devices (id),
  user_id uuid not null references users (id),
  kind text not null check (kind in ('patrol.start', 'patrol.trail', 'patrol.note', 'patrol.check_in', 'patrol.end',
    'pcn.issue', 'fpn.issue', 'notebook.entry', 'carpark.inspection', 'defect.report', 'asb.report')),
  device_created_at timestamptz not null,
  received_at timestamptz not null default now(),
  payload_sha256 text not null check (payload_sha256 ~ '^[0-9a-f]{64}$'),
  outcome text not null check (outcome in ('accepted', 'rejected')),
  reference text,
  problems jsonb not null default '[]'
);
create index field_sync_records_device on field_sync_records (device_id, received_at desc);

-- A patrol: its id is the device's own patrolId. While it runs it is a lone-working session of the
-- out-of-hours module (check-ins from the handheld). parish_contract_id: contracted work for a
-- parish or town council (its foreign key comes with the contracts' table).
create table patrols (
  id uuid primary key,
  officer_id uuid not null references users (id),
  device_id uuid not null references field_devices (id),
  beat text not null,
  task text not null,
  parish_contract_id uuid,
  started_at timestamptz not null,
  expected_end_at timestamptz not null,
  ended_at timestamptz,
  end_note text not null default '',
  check_in_minutes integer not null check (check_in_minutes between 5 and 240),
  lone_working_session_id uuid references lone_working_sessions (id),
  last_lat double precision,
  last_lon double precision,
  last_point_at timestamptz,
  created_at timestamptz not null default now()
);
create index patrols_officer on patrols (officer_id, started_at desc);
create index patrols_started on patrols (started_at desc);
create index patrols_parish on patrols (parish_contract_id, started_at) where parish_contract_id is not null;

create table patrol_trail_points (
  patrol_id uuid not null references patrols (id),
  at timestamptz not null,
  lat double precision not null,
  lon double precision not null,
  accuracy_m double precision,
  primary key (patrol_id, at)
);

create table patrol_notes (
  id uuid primary key,
  patrol_id uuid not null references patrols (id),
  at timestamptz not null,
  text text not null,
  lat double precision,
  lon double precision
);
create index patrol_notes_patrol on patrol_notes (patrol_id, at);
create table patrol_note_photos (
  note_id uuid not null references patrol_notes (id),
  photo_id uuid not null references field_photos (id),
  primary key (note_id, photo_id)
);

-- The notices and reports made on a patrol (written by the sync): the parish billing report and
-- the team leader's view read them.
create table patrol_notices (
  patrol_id uuid not null references patrols (id),
  kind text not null check (kind in ('pcn', 'fpn', 'defect', 'asb', 'inspection')),
  record_id uuid not null,
  reference text,
  at timestamptz not null,
  primary key (patrol_id, record_id)
);
create index patrol_notices_at on patrol_notices (at desc);

insert into settings (key, value) values ('field.pcn_prefix', '"VD"'), ('field.pcn_block_size', '500')
on conflict (key) do nothing;

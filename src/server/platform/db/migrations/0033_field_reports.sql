-- Field enforcement (issue 14), points 5 and 6: what officers report on patrol, and the parish and
-- town councils that buy patrol time.
--   * car-park machines (registered as maintenance equipment, so that a failed inspection raises a
--     maintenance fault on the machine through maintenance's own use case), and their inspections;
--   * defects on council land, by dated category, each category with the team that owns it;
--   * ASB reports, passed to the community safety team or opened as an occurrence for the control room;
--   * parishes and their contracts (hours and visits a month, dated).
-- What depends on the patrols of migration 0032 (the contract a patrol is on) is in
-- src/server/modules/field/reports/AFTER-0032.sql, appended once both have landed.

-- 1. Car-park machines are equipment (kind carpark_machine) that the control room's daily rounds
-- leave out (officers inspect them on patrol); a fault raised from a patrol says so (source field).
alter table equipment drop constraint equipment_kind_check;
alter table equipment add constraint equipment_kind_check check (kind in ('recorder', 'monitor', 'video_wall', 'radio', 'airwave_handset', 'carpark_machine'));
alter table faults drop constraint faults_source_check;
alter table faults add constraint faults_source_check check (source in ('check', 'operator', 'ooh', 'contractor', 'field'));

-- References people use (INS-2026-000001, DEF-2026-000001, ASB-2026-000001): one counter per kind and year.
create table field_report_counters (
  kind text not null check (kind in ('inspection', 'defect', 'asb')),
  year integer not null,
  last integer not null default 0,
  primary key (kind, year)
);

create table carpark_machines (
  id uuid primary key default gen_random_uuid(),
  equipment_id uuid not null unique references equipment (id),
  reference text not null unique check (length(reference) between 1 and 50),
  name text not null check (length(name) between 1 and 200),
  car_park text not null check (length(car_park) between 1 and 200),
  lat double precision not null check (lat between 49 and 56),
  lon double precision not null check (lon between -7 and 2.5),
  is_active boolean not null default true,
  created_at timestamptz not null default now(),
  created_by uuid references users (id)
);

-- An inspection as the officer made it on the handheld (its id the device's), never changed.
create table carpark_inspections (
  id uuid primary key,
  reference text not null unique,
  machine_id uuid not null references carpark_machines (id),
  patrol_id uuid,
  device_id uuid not null,
  inspected_by uuid not null references users (id),
  at timestamptz not null,
  working boolean not null,
  cash boolean not null,
  card boolean not null,
  paper boolean not null,
  display boolean not null,
  note text not null default '' check (length(note) <= 2000),
  photo_ids uuid[] not null default '{}',
  fault_id uuid references faults (id),
  fault_reference text,
  recorded_at timestamptz not null default now(),
  check ((fault_id is null) = (fault_reference is null))
);
create index carpark_inspections_at on carpark_inspections (at desc);
create index carpark_inspections_machine on carpark_inspections (machine_id, at desc);
create trigger carpark_inspections_append_only before update or delete on carpark_inspections
  for each row execute function refuse_change();

-- Defect categories, dated: a category's owning team may change; a defect keeps the team it was passed to.
create table defect_categories (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[a-z0-9_]{1,40}$'),
  label text not null check (length(label) between 1 and 200),
  team text not null check (length(team) between 1 and 200),
  team_email text check (team_email is null or team_email ~ '^[^@\s]+@[^@\s]+$'),
  valid_from date not null,
  valid_to date,
  sort_order integer not null default 0,
  created_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from),
  unique (code, valid_from)
);

create table field_defects (
  id uuid primary key,
  reference text not null unique,
  category_id uuid not null references defect_categories (id),
  team text not null,
  patrol_id uuid,
  device_id uuid not null,
  reported_by uuid not null references users (id),
  at timestamptz not null,
  lat double precision not null,
  lon double precision not null,
  accuracy_m double precision,
  place text not null default '' check (length(place) <= 300),
  description text not null check (length(description) between 1 and 4000),
  photo_ids uuid[] not null default '{}',
  status text not null default 'passed_to_team' check (status in ('passed_to_team', 'acknowledged', 'resolved')),
  status_at timestamptz not null default now(),
  status_by uuid references users (id),
  status_note text not null default '' check (length(status_note) <= 2000),
  recorded_at timestamptz not null default now()
);
create index field_defects_at on field_defects (at desc);

create table asb_categories (
  id uuid primary key default gen_random_uuid(),
  code text not null unique check (code ~ '^[a-z0-9_]{1,40}$'),
  label text not null check (length(label) between 1 and 200),
  is_active boolean not null default true,
  sort_order integer not null default 0
);

create table field_asb_reports (
  id uuid primary key,
  reference text not null unique,
  category_id uuid not null references asb_categories (id),
  pass_to text not null check (pass_to in ('team', 'control_room')),
  occurrence_id uuid references occurrences (id),
  occurrence_reference text,
  patrol_id uuid,
  device_id uuid not null,
  reported_by uuid not null references users (id),
  at timestamptz not null,
  lat double precision not null,
  lon double precision not null,
  accuracy_m double precision,
  place text not null default '' check (length(place) <= 300),
  description text not null check (length(description) between 1 and 4000),
  photo_ids uuid[] not null default '{}',
  recorded_at timestamptz not null default now(),
  check ((pass_to = 'control_room') = (occurrence_id is not null))
);
create index field_asb_reports_at on field_asb_reports (at desc);
create trigger field_asb_reports_append_only before update or delete on field_asb_reports
  for each row execute function refuse_change();

-- 2. Parish and town councils, and what each buys: hours and visits a month, dated.
create table parishes (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  contact text not null default '' check (length(contact) <= 300),
  notes text not null default '' check (length(notes) <= 2000),
  created_at timestamptz not null default now()
);
create unique index parishes_name on parishes (lower(name));

create table parish_contracts (
  id uuid primary key default gen_random_uuid(),
  parish_id uuid not null references parishes (id),
  label text not null default '' check (length(label) <= 200),
  minutes_per_month integer not null check (minutes_per_month between 0 and 744 * 60),
  visits_per_month integer not null check (visits_per_month between 0 and 10000),
  valid_from date not null,
  valid_to date,
  notes text not null default '' check (length(notes) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (valid_to is null or valid_to >= valid_from)
);
create index parish_contracts_parish on parish_contracts (parish_id, valid_from);

-- ---------------------------------------------------------------------------------------------
-- Depends on migration 0032 (patrols): see src/server/modules/field/reports/AFTER-0032.sql.
-- ---------------------------------------------------------------------------------------------

-- A council starts with the usual categories (its own added, dated, from the office app).
insert into defect_categories (code, label, team, valid_from, sort_order) values
  ('pothole', 'Pothole or damaged road', 'Highways', '2024-04-01', 1),
  ('footway', 'Damaged footway or kerb', 'Highways', '2024-04-01', 2),
  ('street_light', 'Street light out', 'Highways', '2024-04-01', 3),
  ('play_equipment', 'Broken play equipment', 'Parks and open spaces', '2024-04-01', 4),
  ('bench_bin', 'Damaged bench or litter bin', 'Street cleansing', '2024-04-01', 5),
  ('building', 'Damage to a council building', 'Property services', '2024-04-01', 6);
insert into asb_categories (code, label, sort_order) values
  ('youths', 'Rowdy or nuisance groups', 1), ('street_drinking', 'Street drinking', 2), ('drugs', 'Drug use or dealing', 3),
  ('begging', 'Aggressive begging', 4), ('vehicle_nuisance', 'Vehicle nuisance (cars, bikes)', 5), ('neighbour', 'Neighbour dispute in a public place', 6);

-- A patrol's parish or town council contract must be one of parish_contracts (patrols: migration 0032).
alter table patrols add constraint patrols_parish_contract_fk foreign key (parish_contract_id) references parish_contracts (id);
create index if not exists patrols_parish_contract on patrols (parish_contract_id, started_at) where parish_contract_id is not null;

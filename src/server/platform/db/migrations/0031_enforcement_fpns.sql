-- Fixed penalty notices for people (issue 14, point 4): the council's dated offences and policy on
-- young offenders, the notices with their gap-free references, photos and append-only events
-- (payments, withdrawal, prosecution), and the officer's electronic notebook, append-only (PACE:
-- time-stamped, nothing erased; a correction is a new entry that points at the one it corrects).

-- 1. Offences, dated: each version applies from effective_from to effective_to (inclusive).
create table fpn_offences (
  id uuid primary key default gen_random_uuid(),
  code text not null check (code ~ '^[A-Z0-9][A-Z0-9-]{0,39}$'),
  name text not null check (length(btrim(name)) between 2 and 200),
  kind text not null check (kind in ('littering', 'pspo', 'cpn', 'graffiti', 'fly_posting')),
  legislation text not null check (length(btrim(legislation)) between 2 and 500),
  amount_pence integer check (amount_pence > 0),
  early_amount_pence integer check (early_amount_pence > 0),
  early_days integer check (early_days between 1 and 14),
  effective_from date not null,
  effective_to date,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (code, effective_from),
  check (effective_to is null or effective_to >= effective_from),
  check ((early_amount_pence is null) = (early_days is null)),
  check (amount_pence is not null or kind = 'littering')
);

-- The demo council's defaults (amounts within the law from 31 July 2023: littering £65–£500,
-- PSPO and CPN at most £100 with an early period of less than 14 days, graffiti and fly-posting at most £500).
insert into fpn_offences (code, name, kind, legislation, amount_pence, early_amount_pence, early_days, effective_from) values
  ('LIT', 'Dropping or leaving litter (including cigarette ends)', 'littering', 'Environmental Protection Act 1990, s.87 (offence) and s.88 (fixed penalty notice)', 15000, 10000, 10, '2023-07-31'),
  ('PSPO-DF', 'Failing to remove dog faeces (PSPO)', 'pspo', 'Anti-social Behaviour, Crime and Policing Act 2014, s.67 (breach of a PSPO) and s.68 (fixed penalty notice)', 10000, 6000, 10, '2023-07-31'),
  ('PSPO-DL', 'Dog not on a lead when directed (PSPO)', 'pspo', 'Anti-social Behaviour, Crime and Policing Act 2014, s.67 (breach of a PSPO) and s.68 (fixed penalty notice)', 10000, 6000, 10, '2023-07-31'),
  ('PSPO-DX', 'Dog in an exclusion area (PSPO)', 'pspo', 'Anti-social Behaviour, Crime and Policing Act 2014, s.67 (breach of a PSPO) and s.68 (fixed penalty notice)', 10000, 6000, 10, '2023-07-31'),
  ('PSPO-AL', 'Drinking alcohol when asked to stop (PSPO)', 'pspo', 'Anti-social Behaviour, Crime and Policing Act 2014, s.63 and s.67 (breach of a PSPO) and s.68 (fixed penalty notice)', 10000, 6000, 10, '2023-07-31'),
  ('CPN', 'Failing to comply with a community protection notice', 'cpn', 'Anti-social Behaviour, Crime and Policing Act 2014, s.48 (breach of a CPN) and s.52 (fixed penalty notice)', 10000, null, null, '2023-07-31'),
  ('GRAF', 'Graffiti', 'graffiti', 'Anti-social Behaviour Act 2003, s.43 (penalty notice for graffiti)', 40000, null, null, '2023-07-31'),
  ('FLYP', 'Fly-posting', 'fly_posting', 'Anti-social Behaviour Act 2003, s.43 (penalty notice for fly-posting); Town and Country Planning Act 1990, s.224', 40000, null, null, '2023-07-31');

-- 2. The council's policy on young offenders, dated; versions are added, never changed.
create table fpn_policies (
  id uuid primary key default gen_random_uuid(),
  effective_from date not null unique,
  youngest_age integer not null check (youngest_age between 10 and 18),
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
insert into fpn_policies (effective_from, youngest_age) values ('2023-07-31', 10);
create trigger fpn_policies_append_only before update or delete on fpn_policies
  for each row execute function refuse_change();

-- 3. Notices. FPN-YYYY-NNNNNN gap-free per year; the id is the one the device made.
create table fpn_counters (
  year integer primary key,
  last_number integer not null
);
create table fpns (
  id uuid primary key,
  reference text not null unique,
  year integer not null,
  number integer not null,
  offence_id uuid not null references fpn_offences (id),
  offence_code text not null,
  offence_name text not null,
  legislation text not null,
  amount_pence integer not null check (amount_pence > 0),
  early_amount_pence integer check (early_amount_pence > 0),
  early_days integer,
  notice_day date not null,
  offender_name text not null check (length(btrim(offender_name)) between 1 and 200),
  offender_address text not null check (length(offender_address) <= 500),
  offender_postcode text not null default '',
  offender_date_of_birth date,
  offender_description text not null default '',
  offender_identification text not null default '',
  offender_guardian text not null default '',
  lat double precision not null check (lat between -90 and 90),
  lon double precision not null check (lon between -180 and 180),
  accuracy_m double precision,
  place text not null check (length(btrim(place)) between 1 and 300),
  circumstances text not null check (length(btrim(circumstances)) between 1 and 4000),
  body_worn_video_ref text not null default '',
  issued_at timestamptz not null,
  issued_by uuid not null references users (id),
  device_id uuid,
  patrol_id uuid,
  status text not null check (status in ('issued', 'part_paid', 'paid', 'withdrawn', 'prosecution')),
  paid_pence integer not null default 0,
  settled_on date,
  withdrawn_reason text not null default '',
  case_statement text not null default '',
  escalated_at timestamptz,
  escalated_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (year, number)
);
create index fpns_issued_idx on fpns (issued_at desc);
create index fpns_status_idx on fpns (status, notice_day);
create index fpns_officer_idx on fpns (issued_by, issued_at desc);

create table fpn_photos (
  fpn_id uuid not null references fpns (id),
  photo_id uuid not null references field_photos (id),
  position integer not null,
  primary key (fpn_id, photo_id)
);
create trigger fpn_photos_append_only before update or delete on fpn_photos
  for each row execute function refuse_change();

create table fpn_events (
  fpn_id uuid not null references fpns (id),
  seq integer not null,
  kind text not null check (kind in ('issued', 'payment', 'reminder', 'withdrawn', 'prosecution')),
  at timestamptz not null,
  by_user_id uuid references users (id),
  amount_pence integer,
  paid_on date,
  details jsonb not null default '{}',
  primary key (fpn_id, seq)
);
create trigger fpn_events_append_only before update or delete on fpn_events
  for each row execute function refuse_change();
create trigger fpn_events_no_truncate before truncate on fpn_events
  for each statement execute function refuse_change();

-- 4. The officer's electronic notebook. The id is the device's own; each officer's entries are
-- numbered 1, 2, 3… in the order the server receives them; the entry's own time is the officer's.
create table notebook_counters (
  officer_id uuid primary key references users (id),
  last_number integer not null
);
create table notebook_entries (
  id uuid primary key,
  officer_id uuid not null references users (id),
  number integer not null,
  at timestamptz not null,
  recorded_at timestamptz not null default now(),
  text text not null check (length(btrim(text)) between 1 and 10000),
  corrects_entry_id uuid references notebook_entries (id),
  fpn_id uuid references fpns (id),
  pcn_id uuid,
  device_id uuid,
  unique (officer_id, number)
);
create index notebook_entries_fpn_idx on notebook_entries (fpn_id) where fpn_id is not null;
create index notebook_entries_officer_idx on notebook_entries (officer_id, number desc);
create trigger notebook_entries_append_only before update or delete on notebook_entries
  for each row execute function refuse_change();
create trigger notebook_entries_no_truncate before truncate on notebook_entries
  for each statement execute function refuse_change();

-- Out of hours (issue 13), calls and the on-call rota: the emergency line's call categories with
-- the response each priority needs and the rota duty it is referred to; who is on call for each
-- duty, when, at which level; the call log with its gap-free references and its append-only
-- events (referred, acknowledged, re-referred up the rota, downgraded, closed, fault raised).

-- 1. Duties: the roles on the on-call rota a call is referred to.
create table ooh_duties (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z][a-z0-9_]{1,40}$'),
  name text not null check (length(btrim(name)) between 2 and 100),
  is_active boolean not null default true
);

-- 2. Call categories, their priorities (jsonb: [{key, name, response: {kind: 'within', minutes} |
--    {kind: 'next_working_day'}}]), the duty they are referred to and how long the on-call person
--    has to acknowledge. Each change is a new version (kept in ooh_call_category_versions); a call
--    keeps a copy of what it was triaged with.
create table ooh_call_categories (
  id uuid primary key default gen_random_uuid(),
  key text not null unique check (key ~ '^[a-z][a-z0-9_]{1,40}$'),
  name text not null check (length(btrim(name)) between 2 and 100),
  duty_id uuid references ooh_duties (id),
  ack_minutes integer not null check (ack_minutes between 1 and 240),
  priorities jsonb not null check (jsonb_typeof(priorities) = 'array' and jsonb_array_length(priorities) between 1 and 6),
  becomes_fault boolean not null default false,
  sort_order integer not null default 0,
  is_active boolean not null default true,
  version integer not null default 1,
  updated_by uuid references users (id),
  updated_at timestamptz not null default now()
);
create table ooh_call_category_versions (
  category_id uuid not null references ooh_call_categories (id),
  version integer not null,
  snapshot jsonb not null,
  changed_by uuid references users (id),
  changed_at timestamptz not null default now(),
  primary key (category_id, version)
);
create trigger ooh_call_category_versions_append_only before update or delete on ooh_call_category_versions
  for each row execute function refuse_change();

-- 3. The rota: concrete dated shifts, from (inclusive) to (exclusive), London wall-clock times kept
--    as instants; level 1 is first on call, 2 second, 3 the manager. A council user or a named
--    external person with a telephone number. A shift taken off the rota is marked removed, never deleted.
create table ooh_rota_entries (
  id uuid primary key default gen_random_uuid(),
  duty_id uuid not null references ooh_duties (id),
  level integer not null check (level between 1 and 5),
  user_id uuid references users (id),
  person_name text not null check (length(btrim(person_name)) between 2 and 200),
  phone text not null default '' check (length(phone) <= 40),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  note text not null default '' check (length(note) <= 500),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  removed_by uuid references users (id),
  removed_at timestamptz,
  check (starts_at < ends_at),
  check (ends_at - starts_at <= interval '31 days'),
  check (removed_by is null or removed_at is not null)
);
create index ooh_rota_entries_duty_idx on ooh_rota_entries (duty_id, starts_at, ends_at) where removed_at is null;

-- 4. Calls. OOH-YYYY-NNNNNN, gap-free per year (the counter row is taken in the creating transaction).
create table ooh_call_counters (
  year integer primary key,
  last_number integer not null
);
create table ooh_calls (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  year integer not null,
  number integer not null,
  received_at timestamptz not null,
  caller_name text not null check (length(btrim(caller_name)) between 1 and 200),
  callback_number text not null default '' check (length(callback_number) <= 40),
  address text not null check (length(btrim(address)) between 2 and 500),
  lat double precision check (lat between -90 and 90),
  lon double precision check (lon between -180 and 180),
  category_id uuid not null references ooh_call_categories (id),
  category_version integer not null,
  priority_key text not null,
  priority_name text not null,
  response jsonb not null,
  response_by timestamptz not null,
  duty_id uuid references ooh_duties (id),
  ack_minutes integer not null,
  description text not null check (length(btrim(description)) between 3 and 4000),
  vulnerable boolean not null default false,
  vulnerability text not null default '' check (length(vulnerability) <= 1000),
  status text not null check (status in ('open', 'awaiting_ack', 'referred', 'downgraded', 'closed', 'fault_raised')),
  referral_level integer,
  referred_to_entry_id uuid references ooh_rota_entries (id),
  referred_to_name text not null default '',
  referred_to_phone text not null default '',
  referred_at timestamptz,
  ack_due_at timestamptz,
  acknowledged_at timestamptz,
  re_referrals integer not null default 0,
  rota_exhausted boolean not null default false,
  fault_id uuid,
  fault_reference text not null default '',
  outcome_note text not null default '' check (length(outcome_note) <= 4000),
  closed_at timestamptz,
  taken_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (year, number),
  check (lat is null = (lon is null))
);
create index ooh_calls_received_idx on ooh_calls (received_at desc);
create index ooh_calls_open_idx on ooh_calls (status) where status in ('open', 'awaiting_ack', 'referred');
create index ooh_calls_ack_due_idx on ooh_calls (ack_due_at) where status = 'awaiting_ack';

create table ooh_call_events (
  call_id uuid not null references ooh_calls (id),
  seq integer not null,
  kind text not null check (length(kind) between 2 and 60),
  at timestamptz not null,
  by_user_id uuid references users (id),
  details jsonb not null default '{}',
  primary key (call_id, seq)
);
create index ooh_call_events_kind_idx on ooh_call_events (kind, at);
create trigger ooh_call_events_append_only before update or delete on ooh_call_events
  for each row execute function refuse_change();
create trigger ooh_call_events_no_truncate before truncate on ooh_call_events
  for each statement execute function refuse_change();

-- 5. Sensible defaults, edited afterwards by the control-room manager.
insert into ooh_duties (key, name) values
  ('social_worker', 'Duty social worker'),
  ('repairs', 'Repairs contractor'),
  ('dog_warden', 'Dog warden'),
  ('building_surveyor', 'Building surveyor'),
  ('highways', 'Highways engineer'),
  ('cctv_engineer', 'CCTV maintenance engineer'),
  ('keyholder', 'Keyholder'),
  ('noise', 'Noise officer'),
  ('duty_manager', 'Duty manager');

insert into ooh_call_categories (key, name, duty_id, ack_minutes, priorities, becomes_fault, sort_order)
select c.key, c.name, d.id, c.ack, c.priorities::jsonb, c.fault, c.ord
from (values
  ('social_care', 'Social care emergency', 'social_worker', 15, '[{"key":"emergency","name":"Emergency","response":{"kind":"within","minutes":60}},{"key":"urgent","name":"Urgent","response":{"kind":"within","minutes":1440}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 1),
  ('housing_repair', 'Housing repair or aids and adaptations', 'repairs', 15, '[{"key":"emergency","name":"Emergency","response":{"kind":"within","minutes":120}},{"key":"urgent","name":"Urgent","response":{"kind":"within","minutes":1440}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 2),
  ('stray_dog', 'Stray dog', 'dog_warden', 15, '[{"key":"emergency","name":"Emergency (injured or dangerous dog)","response":{"kind":"within","minutes":60}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 3),
  ('dangerous_structure', 'Dangerous structure', 'building_surveyor', 15, '[{"key":"emergency","name":"Emergency","response":{"kind":"within","minutes":60}},{"key":"urgent","name":"Urgent","response":{"kind":"within","minutes":1440}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 4),
  ('highways', 'Highways', 'highways', 15, '[{"key":"emergency","name":"Emergency","response":{"kind":"within","minutes":60}},{"key":"urgent","name":"Urgent","response":{"kind":"within","minutes":1440}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 5),
  ('equipment_fault', 'CCTV or bus-lane equipment fault', 'cctv_engineer', 30, '[{"key":"urgent","name":"Urgent","response":{"kind":"within","minutes":1440}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', true, 6),
  ('building_alarm', 'Building alarm', 'keyholder', 10, '[{"key":"emergency","name":"Emergency","response":{"kind":"within","minutes":30}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 7),
  ('noise', 'Noise', 'noise', 15, '[{"key":"urgent","name":"Urgent (happening now)","response":{"kind":"within","minutes":60}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 8),
  ('other', 'Other', 'duty_manager', 15, '[{"key":"urgent","name":"Urgent","response":{"kind":"within","minutes":1440}},{"key":"routine","name":"Routine","response":{"kind":"next_working_day"}}]', false, 9)
) as c(key, name, duty, ack, priorities, fault, ord)
join ooh_duties d on d.key = c.duty;

insert into ooh_call_category_versions (category_id, version, snapshot)
select id, 1, jsonb_build_object('key', key, 'name', name, 'dutyId', duty_id, 'ackMinutes', ack_minutes, 'priorities', priorities, 'becomesFault', becomes_fault, 'isActive', is_active)
from ooh_call_categories;

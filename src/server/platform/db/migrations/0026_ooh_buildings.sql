-- Out of hours: staff absence reported overnight, building alarms and their response, night patrols
-- of the council's buildings with their checklists, and out-of-hours access checked against a list.
-- The logs are append-only: an absence is corrected by a new report pointing at the old one, an
-- alarm's response is a list of events, a completed patrol never changes, and an access request
-- only gains the time the visitor left.

create table ooh_absences (
  id uuid primary key default gen_random_uuid(),
  organisation text not null,
  person_name text not null,
  reported_by text not null,
  reported_via text not null check (reported_via in ('phone', 'text', 'email')),
  reported_at timestamptz not null,
  reason text not null check (reason in ('sickness', 'family_emergency', 'transport', 'other')),
  shift_start timestamptz not null,
  shift_end timestamptz not null,
  cover text not null default '',
  no_cover boolean not null,
  notes text not null default '',
  corrects_id uuid references ooh_absences (id),
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  check (shift_end > shift_start),
  check (no_cover = (cover = ''))
);
-- An entry is corrected once; a later correction corrects the correction.
create unique index ooh_absences_corrects_idx on ooh_absences (corrects_id) where corrects_id is not null;
create index ooh_absences_shift_idx on ooh_absences (shift_start);
create index ooh_absences_recorded_idx on ooh_absences (recorded_at);
create trigger ooh_absences_append_only before update or delete on ooh_absences for each row execute function refuse_change();

create table ooh_absence_seen (
  absence_id uuid primary key references ooh_absences (id),
  seen_by uuid not null references users (id),
  seen_at timestamptz not null
);
create trigger ooh_absence_seen_append_only before update or delete on ooh_absence_seen for each row execute function refuse_change();

create table ooh_buildings (
  id uuid primary key default gen_random_uuid(),
  name text not null unique,
  address text not null default '',
  checklist jsonb not null default '[]',
  created_at timestamptz not null,
  updated_at timestamptz not null
);

create table ooh_alarms (
  id uuid primary key default gen_random_uuid(),
  building_id uuid not null references ooh_buildings (id),
  kind text not null check (kind in ('fire', 'intruder', 'lift', 'panic', 'other')),
  raised_at timestamptz not null,
  location text not null default '',
  source text not null default '',
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null
);
create index ooh_alarms_raised_idx on ooh_alarms (raised_at);
create trigger ooh_alarms_append_only before update or delete on ooh_alarms for each row execute function refuse_change();

create table ooh_alarm_events (
  id uuid primary key default gen_random_uuid(),
  alarm_id uuid not null references ooh_alarms (id),
  seq int not null,
  kind text not null check (kind in ('keyholder_called', 'attended', 'fire_service_called', 'police_called', 'cause', 'note', 'reset', 'stood_down')),
  at timestamptz not null,
  who text not null default '',
  reference text not null default '',
  false_alarm boolean,
  note text not null default '',
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  unique (alarm_id, seq)
);
-- An alarm is closed once: by its reset or its standing down.
create unique index ooh_alarm_events_closed_idx on ooh_alarm_events (alarm_id) where kind in ('reset', 'stood_down');
create trigger ooh_alarm_events_append_only before update or delete on ooh_alarm_events for each row execute function refuse_change();

create table ooh_patrols (
  id uuid primary key default gen_random_uuid(),
  building_id uuid not null references ooh_buildings (id),
  checklist jsonb not null,
  checks jsonb not null default '[]',
  late_workers jsonb not null default '[]',
  notes text not null default '',
  started_by uuid not null references users (id),
  started_at timestamptz not null,
  completed_at timestamptz
);
create index ooh_patrols_building_idx on ooh_patrols (building_id, started_at);
create function ooh_patrols_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or old.completed_at is not null or new.building_id <> old.building_id or new.checklist <> old.checklist
     or new.started_by <> old.started_by or new.started_at <> old.started_at then
    raise exception 'ooh_patrols: a completed patrol is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
  end if;
  return case when tg_op = 'DELETE' then old else new end;
end;
$$;
create trigger ooh_patrols_guard before update or delete on ooh_patrols for each row execute function ooh_patrols_guard();

create table ooh_access_list (
  id uuid primary key default gen_random_uuid(),
  building_id uuid not null references ooh_buildings (id),
  name text not null,
  organisation text not null default '',
  valid_from date not null,
  valid_to date,
  id_check text not null,
  removed_at timestamptz,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  check (valid_to is null or valid_to >= valid_from)
);
create index ooh_access_list_building_idx on ooh_access_list (building_id);

create table ooh_access_requests (
  id uuid primary key default gen_random_uuid(),
  building_id uuid not null references ooh_buildings (id),
  visitor_name text not null,
  visitor_organisation text not null default '',
  id_type text not null,
  id_last4 text not null default '',
  list_entry_id uuid references ooh_access_list (id),
  decision text not null check (decision in ('let_in', 'refused')),
  reason text not null default '',
  authorised_by text not null default '',
  at timestamptz not null,
  time_out timestamptz,
  recorded_by uuid not null references users (id),
  recorded_at timestamptz not null,
  check (decision = 'let_in' or time_out is null),
  check (decision = 'refused' or list_entry_id is not null or authorised_by <> '')
);
create index ooh_access_requests_at_idx on ooh_access_requests (at);
create function ooh_access_requests_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or old.time_out is not null or (to_jsonb(new) - 'time_out') <> (to_jsonb(old) - 'time_out') then
    raise exception 'ooh_access_requests is append-only (only the time out may be added once): % refused', tg_op using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;
create trigger ooh_access_requests_guard before update or delete on ooh_access_requests for each row execute function ooh_access_requests_guard();

-- The control-room occurrence log: occurrences with gap-free yearly references, an append-only
-- timeline of entries, personal data kept apart so it can be reviewed and removed, standard
-- operating procedures per category, shift handovers and outstanding actions.

create table occurrence_categories (
  id uuid primary key default gen_random_uuid(),
  key text not null check (key ~ '^[a-z0-9_]{2,40}$'),
  name text not null,
  is_active boolean not null default true,
  sort_order integer not null default 0,
  created_at timestamptz not null default now()
);
create unique index occurrence_categories_key_idx on occurrence_categories (key);

insert into occurrence_categories (key, name, sort_order) values
  ('violence', 'Violence', 10),
  ('asb', 'Anti-social behaviour', 20),
  ('theft', 'Theft / shoplifting', 30),
  ('criminal_damage', 'Criminal damage', 40),
  ('drugs', 'Drugs', 50),
  ('missing_vulnerable', 'Missing or vulnerable person', 60),
  ('welfare', 'Concern for welfare', 70),
  ('rtc', 'Road traffic collision', 80),
  ('fire', 'Fire', 90),
  ('medical', 'Medical', 100),
  ('suspicious', 'Suspicious behaviour', 110),
  ('licensing', 'Licensing', 120),
  ('environmental', 'Environmental', 130),
  ('other', 'Other', 999);

-- Standard operating procedure steps. Editing a procedure retires the old steps and adds new ones,
-- so an occurrence's ticked steps always point at the wording the operator saw.
create table procedure_steps (
  id uuid primary key default gen_random_uuid(),
  category_id uuid not null references occurrence_categories (id),
  position integer not null,
  text text not null check (length(text) between 1 and 300),
  is_required boolean not null default false,
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  retired_at timestamptz
);
create index procedure_steps_category_id_idx on procedure_steps (category_id) where retired_at is null;

-- One row per year; incrementing it inside the creating transaction makes numbers gap-free
-- (a rolled-back creation rolls back its number too) and serialises concurrent creations.
create table occurrence_counters (
  year integer primary key,
  last_number integer not null
);

create table occurrences (
  id uuid primary key default gen_random_uuid(),
  reference text not null,
  year integer not null,
  number integer not null,
  opened_at timestamptz not null default now(),
  opened_by uuid not null references users (id),
  source text not null check (source in ('camera_patrol', 'police_request', 'radio_scheme', 'public_call', 'council_staff', 'alarm', 'other')),
  category_id uuid not null references occurrence_categories (id),
  priority text not null check (priority in ('immediate', 'high', 'normal', 'low')),
  summary text not null check (length(summary) between 1 and 200),
  location_text text not null default '',
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  status text not null default 'open' check (status in ('open', 'closed')),
  outcome text check (outcome in ('arrest', 'detained', 'dispersed', 'no_trace', 'handed_to_police', 'advice_given', 'false_alarm', 'other')),
  closed_at timestamptz,
  closed_by uuid references users (id),
  updated_at timestamptz not null default now(),
  -- The seq of the newest timeline entry. Advancing it (update … returning) both locks the row and
  -- numbers the next entry, so an entry is one statement.
  last_entry_seq integer not null default 0,
  search tsvector generated always as (to_tsvector('english', summary || ' ' || location_text || ' ' || reference)) stored,
  check ((status = 'closed') = (outcome is not null and closed_at is not null))
);
create unique index occurrences_reference_idx on occurrences (reference);
create unique index occurrences_year_number_idx on occurrences (year, number);
create index occurrences_opened_at_idx on occurrences (opened_at desc);
create index occurrences_status_idx on occurrences (status) where status = 'open';
create index occurrences_category_id_idx on occurrences (category_id, opened_at);
create index occurrences_search_idx on occurrences using gin (search);

create table occurrence_cameras (
  occurrence_id uuid not null references occurrences (id),
  camera_id uuid not null references cameras (id),
  added_at timestamptz not null default now(),
  added_by uuid not null references users (id),
  primary key (occurrence_id, camera_id)
);
create index occurrence_cameras_camera_id_idx on occurrence_cameras (camera_id);

-- The timeline. Never updated or deleted: an amendment is a new entry pointing at the one it corrects.
create table occurrence_entries (
  id uuid primary key default gen_random_uuid(),
  occurrence_id uuid not null references occurrences (id),
  seq integer not null,
  kind text not null check (kind in ('opened', 'observation', 'action', 'communication', 'notification', 'footage', 'procedure',
                                      'camera', 'amendment', 'closed', 'reopened', 'personal_data_removed')),
  body text not null default '' check (length(body) <= 4000),
  observed_at timestamptz,
  recorded_at timestamptz not null default now(),
  author_id uuid references users (id),
  amends_id uuid references occurrence_entries (id),
  reason text check (length(reason) <= 1000),
  agency text check (agency in ('police', 'ambulance', 'fire', 'council', 'partner', 'other')),
  agency_reference text check (length(agency_reference) <= 60),
  notified_at timestamptz,
  camera_id uuid references cameras (id),
  footage_from timestamptz,
  footage_to timestamptz,
  procedure_step_id uuid references procedure_steps (id),
  outcome text,
  search tsvector generated always as (to_tsvector('english', body || ' ' || coalesce(agency_reference, '') || ' ' || coalesce(reason, ''))) stored,
  check ((kind = 'amendment') = (amends_id is not null)),
  check (kind <> 'notification' or (agency is not null and notified_at is not null)),
  check (kind <> 'footage' or (camera_id is not null and footage_from is not null and footage_to is not null and footage_from < footage_to))
);
create unique index occurrence_entries_occurrence_seq_idx on occurrence_entries (occurrence_id, seq);
create index occurrence_entries_search_idx on occurrence_entries using gin (search);
-- Who was told and what footage was marked; agency included so that "police told" is answered from the index alone.
create index occurrence_entries_kind_idx on occurrence_entries (kind, occurrence_id) include (agency) where kind in ('notification', 'footage');

-- Only notifications carry an agency: without this the planner multiplies the two selectivities
-- and expects "police told" to be rare, choosing a nested loop over thousands of rows.
create statistics occurrence_entries_kind_agency (dependencies, mcv) on kind, agency from occurrence_entries;

create trigger occurrence_entries_append_only before update or delete on occurrence_entries
  for each row execute function refuse_change();
create trigger occurrence_entries_no_truncate before truncate on occurrence_entries
  for each statement execute function refuse_change();

-- Names and other identifying details, apart from the timeline so that they can be reviewed and
-- removed on schedule while the log stays. Every read is audited.
create table occurrence_personal_data (
  id uuid primary key default gen_random_uuid(),
  occurrence_id uuid not null references occurrences (id),
  entry_id uuid references occurrence_entries (id),
  name text,
  details text,
  recorded_at timestamptz not null default now(),
  recorded_by uuid not null references users (id),
  flagged_for_review_at timestamptz,
  removed_at timestamptz,
  removal_reason text,
  check ((removed_at is null) or (name is null and details is null))
);
create index occurrence_personal_data_occurrence_id_idx on occurrence_personal_data (occurrence_id);
create index occurrence_personal_data_live_idx on occurrence_personal_data (recorded_at) where removed_at is null;

-- Evidence and requests (later modules) put a hold here so personal data stays while it is needed.
create table occurrence_holds (
  occurrence_id uuid not null references occurrences (id),
  held_by text not null,
  reference text not null,
  created_at timestamptz not null default now(),
  released_at timestamptz,
  primary key (occurrence_id, held_by, reference)
);

create table occurrence_shares (
  occurrence_id uuid not null references occurrences (id),
  organisation_id uuid not null references organisations (id),
  shared_at timestamptz not null default now(),
  shared_by uuid not null references users (id),
  primary key (occurrence_id, organisation_id)
);
create index occurrence_shares_organisation_id_idx on occurrence_shares (organisation_id);

create table handovers (
  id uuid primary key default gen_random_uuid(),
  from_user_id uuid not null references users (id),
  shift_started_at timestamptz,
  created_at timestamptz not null default now(),
  notes text not null default '' check (length(notes) <= 8000),
  equipment_faults text not null default '' check (length(equipment_faults) <= 4000),
  acknowledged_at timestamptz,
  acknowledged_by uuid references users (id),
  check ((acknowledged_at is null) = (acknowledged_by is null))
);
create index handovers_unacknowledged_idx on handovers (created_at) where acknowledged_at is null;

create table handover_occurrences (
  handover_id uuid not null references handovers (id),
  occurrence_id uuid not null references occurrences (id),
  primary key (handover_id, occurrence_id)
);

-- Outstanding actions carry over from handover to handover until someone marks them done.
create table outstanding_actions (
  id uuid primary key default gen_random_uuid(),
  text text not null check (length(text) between 1 and 500),
  owner_id uuid not null references users (id),
  due_at timestamptz not null,
  occurrence_id uuid references occurrences (id),
  created_at timestamptz not null default now(),
  created_by uuid not null references users (id),
  handover_id uuid references handovers (id),
  done_at timestamptz,
  done_by uuid references users (id)
);
create index outstanding_actions_open_idx on outstanding_actions (due_at) where done_at is null;

-- Things a supervisor must look at (an occurrence closed with a required step skipped, for one).
create table supervisor_alerts (
  id uuid primary key default gen_random_uuid(),
  kind text not null,
  occurrence_id uuid references occurrences (id),
  message text not null,
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  acknowledged_at timestamptz,
  acknowledged_by uuid references users (id)
);
create index supervisor_alerts_open_idx on supervisor_alerts (created_at) where acknowledged_at is null;

-- Live updates: every change to an occurrence or its timeline is announced to all server processes
-- (through the outbox, see live_publish), which pass it to the browsers watching (Server-Sent Events).
create function notify_occurrence_change() returns trigger language plpgsql as $$
begin
  if tg_table_name = 'occurrences' then
    perform live_publish('vigil_occurrences', json_build_object('occurrenceId', new.id, 'what', 'occurrence')::text);
  else
    perform live_publish('vigil_occurrences', json_build_object('occurrenceId', new.occurrence_id, 'what', 'entry', 'entryId', new.id)::text);
  end if;
  return null;
end;
$$;
-- Not on last_entry_seq alone: the entry's own trigger announces it.
create trigger occurrences_notify after insert or update of status, outcome, summary, priority, category_id, location_text, latitude, longitude
  on occurrences for each row execute function notify_occurrence_change();
create trigger occurrence_entries_notify after insert on occurrence_entries for each row execute function notify_occurrence_change();

insert into settings (key, value) values
  ('occurrences.personal_data_review_days', '31'),
  ('occurrences.personal_data_removal_days', '365');

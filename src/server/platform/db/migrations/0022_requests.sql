-- Information requests (issue 12): footage requests from partners and the public, subject access,
-- FOI, complaints, members' enquiries and viewings, one register, each on its clock; and the
-- calendar the clocks count on (imported GOV.UK bank holidays, council closure days, the council's
-- own working-day policy, dated).

-- 1. The calendar.
create table calendar_bank_holidays (
  division text not null check (division in ('england-and-wales', 'scotland', 'northern-ireland')),
  day date not null,
  title text not null check (length(title) between 1 and 200),
  notes text not null default '' check (length(notes) <= 200),
  imported_at timestamptz not null default now(),
  imported_by uuid references users (id),
  primary key (division, day)
);
-- Each import, with the years it replaced in each division (an import replaces whole years).
create table calendar_imports (
  id uuid primary key default gen_random_uuid(),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  years jsonb not null,
  days integer not null,
  imported_by uuid references users (id),
  imported_at timestamptz not null default now()
);
create table calendar_closure_days (
  id uuid primary key default gen_random_uuid(),
  day date not null,
  reason text not null check (length(btrim(reason)) between 3 and 200),
  added_by uuid references users (id),
  added_at timestamptz not null default now(),
  removed_by uuid references users (id),
  removed_at timestamptz,
  check ((removed_by is null) = (removed_at is null))
);
create unique index calendar_closure_days_live_day_idx on calendar_closure_days (day) where removed_at is null;

-- The council's own clocks (complaint stages, enquiries, partner requests), a new row for each
-- change: a request keeps the policy in force on the day it was received.
create table request_clock_policies (
  id uuid primary key default gen_random_uuid(),
  effective_from date not null unique,
  policy jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create trigger request_clock_policies_append_only before update or delete on request_clock_policies
  for each row execute function refuse_change();

-- 2. The register. REQ-YYYY-NNNNNN, gap-free per year: the counter row is taken in the creating
--    transaction, so a rolled-back creation rolls its number back too.
create table request_counters (
  year integer primary key,
  last_number integer not null
);
create table requests (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  year integer not null,
  number integer not null,
  type text not null check (type in ('agency_footage', 'third_party_footage', 'sar', 'foi', 'complaint', 'enquiry', 'viewing')),
  status text not null check (length(status) between 2 and 40),
  received_on date not null,
  channel text not null check (channel in ('email', 'web_form', 'post', 'phone', 'in_person', 'portal')),
  requester_name text not null check (length(btrim(requester_name)) between 2 and 200),
  requester_organisation text not null default '' check (length(requester_organisation) <= 200),
  requester_email text not null default '' check (length(requester_email) <= 254),
  requester_phone text not null default '' check (length(requester_phone) <= 40),
  requester_address text not null default '' check (length(requester_address) <= 1000),
  -- The partner organisation that made it (an agency user's own): only its users see it.
  organisation_id uuid references organisations (id),
  summary text not null check (length(btrim(summary)) between 3 and 4000),
  place text not null default '' check (length(place) <= 300),
  time_from timestamptz,
  time_to timestamptz,
  person_description text not null default '' check (length(person_description) <= 2000),
  clothing text not null default '' check (length(clothing) <= 1000),
  -- An agency's authority: crime reference, exemption relied on, officer's rank and number.
  authority jsonb,
  owner_id uuid references users (id),
  complaint_stage integer not null default 1 check (complaint_stage between 1 and 5),
  stage_received_on date not null,
  is_data_protection_complaint boolean not null default false,
  extended boolean not null default false,
  extension_reason text not null default '' check (length(extension_reason) <= 2000),
  extension_notified_on date,
  policy jsonb not null,
  -- Worked out by src/domain/requests from the case and the calendar, kept for lists and reminders;
  -- null while the clock is stopped or the request is closed.
  due_on date,
  outcome text not null default '' check (length(outcome) <= 60),
  closed_at timestamptz,
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  unique (year, number),
  check (time_from is null or time_to is null or time_from <= time_to),
  check ((closed_at is null) = (outcome = ''))
);
create index requests_type_status_idx on requests (type, status);
create index requests_due_on_idx on requests (due_on) where closed_at is null;
create index requests_owner_id_idx on requests (owner_id) where closed_at is null;
create index requests_organisation_id_idx on requests (organisation_id) where organisation_id is not null;
create index requests_received_on_idx on requests (received_on desc);

create table request_cameras (
  request_id uuid not null references requests (id),
  camera_id uuid not null references cameras (id),
  primary key (request_id, camera_id)
);
create index request_cameras_camera_id_idx on request_cameras (camera_id);

-- While waiting for identity, clarification or a fee the clock stands still: from the day it
-- stopped to the day it restarted (that day counts again).
create table request_pauses (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references requests (id),
  reason text not null check (reason in ('identity', 'clarification', 'fee')),
  from_day date not null,
  to_day date,
  stopped_by uuid references users (id),
  stopped_at timestamptz not null default now(),
  restarted_by uuid references users (id),
  restarted_at timestamptz,
  check (to_day is null or to_day >= from_day),
  check ((to_day is null) = (restarted_at is null))
);
create index request_pauses_request_id_idx on request_pauses (request_id, from_day);
create unique index request_pauses_one_open_idx on request_pauses (request_id) where to_day is null;

-- Everything that happened to a request, never changed: a correction is a new event pointing at
-- the one it corrects.
create table request_events (
  request_id uuid not null references requests (id),
  seq integer not null,
  kind text not null check (length(kind) between 2 and 60),
  at timestamptz not null default now(),
  by_user_id uuid references users (id),
  details jsonb not null default '{}',
  corrects_seq integer,
  primary key (request_id, seq),
  foreign key (request_id, corrects_seq) references request_events (request_id, seq)
);
create index request_events_kind_idx on request_events (kind, at);
create trigger request_events_append_only before update or delete on request_events
  for each row execute function refuse_change();
create trigger request_events_no_truncate before truncate on request_events
  for each statement execute function refuse_change();

-- 3. Work on a request: searches for the requester's images (SAR), links to evidence, viewings.
create table request_searches (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references requests (id),
  camera_id uuid references cameras (id),
  searched_from timestamptz not null,
  searched_to timestamptz not null,
  found boolean not null,
  others_visible boolean not null default false,
  notes text not null default '' check (length(notes) <= 4000),
  stills jsonb not null default '[]',
  recorded_by uuid references users (id),
  recorded_at timestamptz not null default now(),
  check (searched_from <= searched_to)
);
create index request_searches_request_id_idx on request_searches (request_id, recorded_at);
create trigger request_searches_append_only before update or delete on request_searches
  for each row execute function refuse_change();

create table request_exhibits (
  request_id uuid not null references requests (id),
  exhibit_id uuid not null references exhibits (id),
  linked_by uuid references users (id),
  linked_at timestamptz not null default now(),
  primary key (request_id, exhibit_id)
);
create index request_exhibits_exhibit_id_idx on request_exhibits (exhibit_id);
create table request_holds (
  request_id uuid not null references requests (id),
  hold_id uuid not null references evidence_holds (id),
  primary key (request_id, hold_id)
);
create table request_packages (
  request_id uuid not null references requests (id),
  package_id uuid not null references evidence_packages (id),
  primary key (request_id, package_id)
);

create table request_viewings (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references requests (id),
  starts_at timestamptz not null,
  ends_at timestamptz not null,
  room text not null default 'Control room' check (length(room) between 2 and 100),
  viewer_name text not null check (length(btrim(viewer_name)) between 2 and 200),
  viewer_organisation text not null default '' check (length(viewer_organisation) <= 200),
  viewer_authority text not null default '' check (length(viewer_authority) <= 1000),
  state text not null default 'booked' check (state in ('booked', 'viewed', 'cancelled', 'no_show')),
  viewed text not null default '' check (length(viewed) <= 4000),
  copied text not null default '' check (length(copied) <= 4000),
  exhibit_id uuid references exhibits (id),
  booked_by uuid references users (id),
  booked_at timestamptz not null default now(),
  recorded_by uuid references users (id),
  recorded_at timestamptz,
  check (starts_at < ends_at)
);
create index request_viewings_starts_at_idx on request_viewings (starts_at);
create index request_viewings_request_id_idx on request_viewings (request_id);

-- 4. Correspondence in and out; letters from templates administrators edit (a new version each edit).
create table request_letter_templates (
  id uuid primary key default gen_random_uuid(),
  key text not null check (key ~ '^[a-z][a-z0-9_]{1,39}$'),
  version integer not null,
  subject text not null check (length(subject) between 2 and 300),
  body text not null check (length(body) between 2 and 20000),
  created_by uuid references users (id),
  created_at timestamptz not null default now(),
  unique (key, version)
);
create trigger request_letter_templates_append_only before update or delete on request_letter_templates
  for each row execute function refuse_change();

create table request_correspondence (
  id uuid primary key default gen_random_uuid(),
  request_id uuid not null references requests (id),
  direction text not null check (direction in ('in', 'out')),
  channel text not null check (channel in ('email', 'post', 'phone', 'in_person', 'portal')),
  letter text check (letter ~ '^[a-z][a-z0-9_]{1,39}$'),
  template_version integer,
  subject text not null check (length(btrim(subject)) between 2 and 300),
  body text not null default '' check (length(body) <= 20000),
  counterpart text not null default '' check (length(counterpart) <= 300),
  -- [{sha256, name, type, size}] in the object store; a generated letter's PDF is one of them.
  attachments jsonb not null default '[]',
  email_state text check (email_state in ('queued', 'sent', 'failed')),
  email_error text,
  at timestamptz not null default now(),
  by_user_id uuid references users (id)
);
create index request_correspondence_request_id_idx on request_correspondence (request_id, at);

-- 5. Notices sent once, whatever the number of server processes: the key is claimed in the same
--    transaction that sends, and a second claim of the same key finds it taken.
create table request_notices (
  key text primary key check (length(key) between 3 and 200),
  request_id uuid references requests (id),
  kind text not null check (kind in ('due_soon', 'breached', 'weekly_summary')),
  recipient text not null,
  sent_at timestamptz not null default now()
);

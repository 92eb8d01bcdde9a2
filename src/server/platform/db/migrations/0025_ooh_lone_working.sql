-- Lone working (issue 13, point 2): a worker out alone on timed check-ins, watched over by the
-- out-of-hours officer. A missed check-in starts the escalation ladder (call the worker, again,
-- their manager, the police), each rung a durable timer (timers, migration 0023) fired once; each
-- rung fired is a row here, acknowledged by the officer with its outcome. The ladder's policy is
-- dated and versioned; a session keeps the version it started with. Events, steps and
-- acknowledgements are append-only.

create table lone_working_policies (
  id uuid primary key default gen_random_uuid(),
  version integer not null unique check (version > 0),
  policy jsonb not null,
  created_by uuid references users (id),
  created_at timestamptz not null default now()
);
create trigger lone_working_policies_append_only before update or delete on lone_working_policies
  for each row execute function refuse_change();

create table lone_working_sessions (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  -- The worker's own account when they started it themselves (or the officer linked one); a partner
  -- organisation's staff have none.
  user_id uuid references users (id),
  worker_name text not null check (length(worker_name) between 1 and 200),
  worker_organisation text not null default '',
  worker_phone text not null default '',
  worker_email text,
  location text not null check (length(location) between 1 and 500),
  latitude double precision check (latitude between -90 and 90),
  longitude double precision check (longitude between -180 and 180),
  task text not null check (length(task) between 1 and 500),
  vehicle text not null default '',
  important_info text not null default '',
  manager_name text not null default '',
  manager_phone text not null default '',
  interval_minutes integer not null check (interval_minutes between 1 and 240),
  expected_end_at timestamptz not null,
  duress_hash text,
  policy_version integer not null,
  policy jsonb not null,
  status text not null check (status in ('active', 'escalating', 'ended', 'ended_by_officer')),
  started_at timestamptz not null,
  started_by uuid references users (id),
  started_via text not null check (started_via in ('self', 'officer')),
  -- The check-in awaited: seq counts check-ins (timers carry it; one for an older seq is moot).
  checkin_seq integer not null default 0,
  last_check_in_at timestamptz,
  next_due_at timestamptz,
  deadline_at timestamptz,
  -- The escalation under way (numbered from 1 per session), the rung reached, and whether duress started it.
  escalation integer not null default 0,
  escalation_step integer,
  escalation_deadline_at timestamptz,
  duress boolean not null default false,
  ended_at timestamptz,
  ended_by uuid references users (id),
  end_note text not null default '',
  updated_at timestamptz not null
);
create index lone_working_sessions_open_idx on lone_working_sessions (deadline_at) where status in ('active', 'escalating');
create index lone_working_sessions_user_idx on lone_working_sessions (user_id, started_at desc);
create index lone_working_sessions_ended_idx on lone_working_sessions (ended_at desc) where ended_at is not null;

create table lone_working_events (
  id uuid primary key default gen_random_uuid(),
  seq bigint generated always as identity,
  session_id uuid not null references lone_working_sessions (id),
  kind text not null check (kind in ('started', 'reminder', 'check_in', 'missed', 'step', 'acknowledged', 'duress', 'ended')),
  at timestamptz not null,
  by_user uuid references users (id),
  details jsonb not null default '{}'
);
create index lone_working_events_session_idx on lone_working_events (session_id, at);
create trigger lone_working_events_append_only before update or delete on lone_working_events
  for each row execute function refuse_change();

create table lone_working_steps (
  id uuid primary key default gen_random_uuid(),
  session_id uuid not null references lone_working_sessions (id),
  escalation integer not null,
  step_index integer not null check (step_index >= 0),
  action text not null,
  label text not null,
  script text not null,
  due_at timestamptz not null,
  fired_at timestamptz not null,
  late_ms integer not null,
  duress boolean not null default false,
  unique (session_id, escalation, step_index)
);
create trigger lone_working_steps_append_only before update or delete on lone_working_steps
  for each row execute function refuse_change();

create table lone_working_acknowledgements (
  id uuid primary key default gen_random_uuid(),
  step_id uuid not null unique references lone_working_steps (id),
  outcome text not null check (outcome in ('answered_safe', 'no_answer', 'note')),
  note text not null default '',
  at timestamptz not null,
  by_user uuid not null references users (id)
);
create trigger lone_working_acknowledgements_append_only before update or delete on lone_working_acknowledgements
  for each row execute function refuse_change();

create sequence lone_working_reference_seq;

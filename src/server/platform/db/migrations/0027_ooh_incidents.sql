-- Major incidents (issue 13, out of hours): declared with an M/ETHANE message, then a log kept as
-- JESIP expects it: every M/ETHANE message a new version, the information received (timeline), the
-- decisions with their rationale, actions with owners, handovers between officers. Everything in the
-- log is append-only (a correction or a revised decision is a new row pointing at the old one); the
-- incident row itself changes once, when it is closed, and never after.

-- MI-YYYY-NNN, gap-free per year: the counter row is taken in the declaring transaction.
create table ooh_incident_counters (
  year integer primary key,
  last_number integer not null
);

create table ooh_incidents (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique,
  year integer not null,
  number integer not null,
  title text not null check (length(btrim(title)) between 3 and 200),
  exercise boolean not null default false,
  declared_at timestamptz not null,
  declared_by uuid references users (id),
  closed_at timestamptz,
  closed_by uuid references users (id),
  closing_note text not null default '' check (length(closing_note) <= 4000),
  created_at timestamptz not null default now(),
  unique (year, number),
  check ((closed_at is null) = (closed_by is null)),
  check (closed_at is null or closed_at >= declared_at)
);
create index ooh_incidents_open_idx on ooh_incidents (declared_at desc) where closed_at is null;

-- A closed incident is read-only; an open one changes only to be closed.
create function ooh_incident_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' or old.closed_at is not null
     or (new.id, new.reference, new.year, new.number, new.title, new.exercise, new.declared_at, new.declared_by, new.created_at)
        is distinct from (old.id, old.reference, old.year, old.number, old.title, old.exercise, old.declared_at, old.declared_by, old.created_at) then
    raise exception 'ooh_incidents: a closed incident, and what an incident was declared with, cannot change (% refused)', tg_op using errcode = 'insufficient_privilege';
  end if;
  return new;
end;
$$;
create trigger ooh_incidents_guard before update or delete on ooh_incidents for each row execute function ooh_incident_guard();
create trigger ooh_incidents_no_truncate before truncate on ooh_incidents for each statement execute function refuse_change();

-- Each M/ETHANE message, version 1 the declaration; the message is the contract's OohMethane.
create table ooh_incident_methane (
  incident_id uuid not null references ooh_incidents (id),
  version integer not null check (version >= 1),
  status text not null check (status in ('declared', 'standby', 'not_declared', 'stand_down')),
  message jsonb not null,
  sent_at timestamptz not null,
  by_user_id uuid references users (id),
  primary key (incident_id, version)
);

-- Information received: from the public, the Forward Incident Officer, agencies, council services.
create table ooh_incident_timeline (
  incident_id uuid not null references ooh_incidents (id),
  seq integer not null check (seq >= 1),
  received_at timestamptz not null,
  source text not null check (source in ('public', 'fio', 'police', 'fire', 'ambulance', 'environment_agency', 'utilities', 'council_service', 'other')),
  source_name text not null default '' check (length(source_name) <= 200),
  content text not null check (length(btrim(content)) between 2 and 4000),
  corrects_seq integer,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  primary key (incident_id, seq),
  foreign key (incident_id, corrects_seq) references ooh_incident_timeline (incident_id, seq)
);

-- The decision log: a revised decision is a new one pointing at the decision it revises.
create table ooh_incident_decisions (
  incident_id uuid not null references ooh_incidents (id),
  seq integer not null check (seq >= 1),
  decision text not null check (length(btrim(decision)) between 3 and 2000),
  rationale text not null check (length(btrim(rationale)) between 3 and 4000),
  options text not null default '' check (length(options) <= 4000),
  decided_by_name text not null check (length(btrim(decided_by_name)) between 2 and 200),
  decided_by_role text not null default '' check (length(decided_by_role) <= 200),
  decided_at timestamptz not null,
  revises_seq integer,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  primary key (incident_id, seq),
  foreign key (incident_id, revises_seq) references ooh_incident_decisions (incident_id, seq)
);

create table ooh_incident_actions (
  incident_id uuid not null references ooh_incidents (id),
  seq integer not null check (seq >= 1),
  action text not null check (length(btrim(action)) between 3 and 2000),
  owner_name text not null check (length(btrim(owner_name)) between 2 and 200),
  owner_organisation text not null default '' check (length(owner_organisation) <= 200),
  due_at timestamptz,
  recorded_by uuid references users (id),
  recorded_at timestamptz not null,
  primary key (incident_id, seq)
);
-- An action's status over time: the newest update is where it stands (open until one says otherwise).
create table ooh_incident_action_updates (
  incident_id uuid not null,
  action_seq integer not null,
  n integer not null check (n >= 1),
  status text not null check (status in ('open', 'done', 'cancelled')),
  note text not null default '' check (length(note) <= 2000),
  by_user_id uuid references users (id),
  at timestamptz not null,
  primary key (incident_id, action_seq, n),
  foreign key (incident_id, action_seq) references ooh_incident_actions (incident_id, seq)
);

create table ooh_incident_handovers (
  incident_id uuid not null references ooh_incidents (id),
  seq integer not null check (seq >= 1),
  from_user_id uuid references users (id),
  to_user_id uuid not null references users (id),
  summary text not null check (length(btrim(summary)) between 3 and 4000),
  outstanding text not null default '' check (length(outstanding) <= 4000),
  handed_at timestamptz not null,
  primary key (incident_id, seq)
);
create table ooh_incident_handover_acks (
  incident_id uuid not null,
  handover_seq integer not null,
  by_user_id uuid not null references users (id),
  at timestamptz not null,
  primary key (incident_id, handover_seq),
  foreign key (incident_id, handover_seq) references ooh_incident_handovers (incident_id, seq)
);

do $$
declare t text;
begin
  foreach t in array array['ooh_incident_methane', 'ooh_incident_timeline', 'ooh_incident_decisions', 'ooh_incident_actions',
                           'ooh_incident_action_updates', 'ooh_incident_handovers', 'ooh_incident_handover_acks'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()', t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function refuse_change()', t || '_no_truncate', t);
  end loop;
end $$;

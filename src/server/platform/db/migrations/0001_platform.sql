-- Platform foundation: organisations, teams, users and roles, sessions, sign-in attempts,
-- settings, and the append-only hash-chained audit trail.

create table organisations (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  kind text not null check (kind in ('council', 'police', 'insurer', 'contractor', 'other')),
  is_external boolean not null,
  created_at timestamptz not null default now()
);
create unique index organisations_name_idx on organisations (lower(name));

create table teams (
  id uuid primary key default gen_random_uuid(),
  name text not null,
  description text not null default '',
  created_at timestamptz not null default now()
);
create unique index teams_name_idx on teams (lower(name));

create table users (
  id uuid primary key default gen_random_uuid(),
  username text not null check (username ~ '^[a-z0-9][a-z0-9._-]{1,63}$'),
  display_name text not null,
  email text,
  organisation_id uuid not null references organisations (id),
  team_id uuid references teams (id),
  password_hash text not null,
  must_change_password boolean not null default true,
  password_changed_at timestamptz,
  is_active boolean not null default true,
  mfa_secret text,
  mfa_pending_secret text,
  mfa_enabled_at timestamptz,
  mfa_last_step bigint,
  locked_until timestamptz,
  failures_reset_at timestamptz,
  last_sign_in_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_username_idx on users (username);
create index users_organisation_id_idx on users (organisation_id);

create table user_roles (
  user_id uuid not null references users (id) on delete cascade,
  role text not null check (role in ('operator', 'supervisor', 'enforcement_officer', 'coordinator', 'ooh_officer',
                                     'patrol_officer', 'contractor', 'agency', 'auditor', 'admin')),
  primary key (user_id, role)
);

create table recovery_codes (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  code_hash text not null,
  used_at timestamptz,
  created_at timestamptz not null default now()
);
create index recovery_codes_user_id_idx on recovery_codes (user_id);

-- A session row holds only the SHA-256 of the token in the cookie.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  token_hash text not null unique,
  user_id uuid not null references users (id) on delete cascade,
  stage text not null check (stage in ('active', 'mfa', 'mfa_enrolment', 'password_change')),
  csrf_token text not null,
  ip text,
  user_agent text,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz
);
create index sessions_user_id_idx on sessions (user_id);
create index sessions_expires_at_idx on sessions (expires_at);

create table sign_in_attempts (
  id bigint generated always as identity primary key,
  username text not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index sign_in_attempts_username_at_idx on sign_in_attempts (username, at);
create index sign_in_attempts_ip_at_idx on sign_in_attempts (ip, at);

-- Operational policy, edited by administrators (every change is audited).
create table settings (
  key text primary key,
  value jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid references users (id)
);
insert into settings (key, value) values
  ('auth.mfa_required_roles', '["operator", "supervisor", "enforcement_officer", "coordinator", "agency", "admin"]');

-- The audit trail. A writer adds its event to audit_pending inside its own transaction; a sealer
-- (audit_seal(), run every few hundred milliseconds by each server process and before anything
-- reads the trail) moves committed events into audit_events in order, assigning seq (gap-free) and
-- chaining them: hash = sha256(seq || ':' || prev_hash || ':' || content_hash), content_hash being
-- the SHA-256 of the event's canonical JSON (computed by the application, checked by
-- `vigil audit verify`).
create table audit_events (
  seq bigint primary key,
  id uuid not null unique default gen_random_uuid(),
  at timestamptz not null,
  actor_id uuid,
  actor_username text,
  action text not null,
  record_type text,
  record_id text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  ip text,
  user_agent text,
  details jsonb not null default '{}',
  content_hash text not null,
  prev_hash text not null,
  hash text not null
);
create index audit_events_at_idx on audit_events (at);
create index audit_events_actor_id_idx on audit_events (actor_id, at);
create index audit_events_record_idx on audit_events (record_type, record_id);
create index audit_events_action_idx on audit_events (action, at);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

-- Written by every audited transaction, and durable when it commits. No global lock is taken
-- here: a lock held through every writer's commit made all writes queue behind one another.
create table audit_pending (
  pending_seq bigint generated always as identity primary key,
  id uuid not null unique,
  at timestamptz not null,
  actor_id uuid,
  actor_username text,
  action text not null,
  record_type text,
  record_id text,
  outcome text not null check (outcome in ('success', 'failure', 'denied')),
  ip text,
  user_agent text,
  details jsonb not null,
  content_hash text not null
);

-- Moves committed pending events into the chain, oldest first, and returns how many. One sealer at
-- a time (an advisory lock): `wait` false skips when another is at work (the background sealer),
-- true waits for it (a reader that must see everything written so far, such as `audit verify`).
create function audit_seal(max_events integer default 10000, wait boolean default true) returns integer language plpgsql as $$
declare
  last_seq bigint;
  last_hash text;
  r record;
  pending bigint[] := '{}';
  seqs bigint[] := '{}';
  prevs text[] := '{}';
  hashes text[] := '{}';
begin
  if wait then
    perform pg_advisory_xact_lock(727413002);
  elsif not pg_try_advisory_xact_lock(727413002) then
    return 0;
  end if;
  select seq, hash into last_seq, last_hash from audit_events order by seq desc limit 1;
  last_seq := coalesce(last_seq, 0);
  last_hash := coalesce(last_hash, repeat('0', 64));
  -- The chain is worked out one event at a time (each hash covers the one before), then written
  -- in one statement, and the sealed events removed in another.
  for r in select pending_seq, content_hash from audit_pending order by pending_seq limit max_events loop
    last_seq := last_seq + 1;
    pending := pending || r.pending_seq;
    seqs := seqs || last_seq;
    prevs := prevs || last_hash;
    last_hash := encode(sha256(convert_to(last_seq::text || ':' || last_hash || ':' || r.content_hash, 'UTF8')), 'hex');
    hashes := hashes || last_hash;
  end loop;
  if cardinality(pending) = 0 then return 0; end if;
  insert into audit_events (seq, id, at, actor_id, actor_username, action, record_type, record_id, outcome, ip, user_agent, details, content_hash, prev_hash, hash)
  select c.seq, p.id, p.at, p.actor_id, p.actor_username, p.action, p.record_type, p.record_id, p.outcome, p.ip, p.user_agent, p.details, p.content_hash, c.prev, c.hash
    from unnest(pending, seqs, prevs, hashes) as c(pending_seq, seq, prev, hash)
    join audit_pending p on p.pending_seq = c.pending_seq;
  perform set_config('vigil.audit_sealing', 'on', true); -- lets this transaction delete what it sealed
  delete from audit_pending where pending_seq = any(pending);
  return cardinality(pending);
end;
$$;

-- Pending events are as untouchable as sealed ones: only the sealer removes them, as it seals them.
-- (A statement trigger: the sealer deletes thousands of rows at a time.)
create function audit_pending_guard() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' and current_setting('vigil.audit_sealing', true) = 'on' then return null; end if;
  raise exception 'audit_pending is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;
create trigger audit_pending_append_only before update or delete on audit_pending
  for each statement execute function audit_pending_guard();
create trigger audit_pending_no_truncate before truncate on audit_pending
  for each statement execute function refuse_change();

create trigger audit_events_append_only before update or delete on audit_events
  for each row execute function refuse_change();
create trigger audit_events_no_truncate before truncate on audit_events
  for each statement execute function refuse_change();

-- Live updates leave through an outbox. A trigger calls live_publish() instead of pg_notify(),
-- because NOTIFY takes a database-wide lock that is held until the writer's commit is on disk, so
-- that every busy writer would wait for every other. Each server process runs live_drain() every
-- 50 ms: one transaction sends whatever is waiting (one NOTIFY each, in order), and LISTEN carries
-- it to every process as before. Unlogged: after a crash there is nothing to announce, and
-- browsers reload what they show when their stream reconnects.
create unlogged table live_outbox (
  id bigint generated always as identity primary key,
  channel text not null,
  payload text not null
);

create function live_publish(channel text, payload text) returns void language sql as $$
  insert into live_outbox (channel, payload) values (channel, payload);
$$;

create function live_drain() returns integer language plpgsql as $$
declare
  r record;
  sent integer := 0;
begin
  if not pg_try_advisory_xact_lock(727413003) then return 0; end if; -- another process is sending
  for r in with gone as (delete from live_outbox returning id, channel, payload) select * from gone order by id loop
    perform pg_notify(r.channel, r.payload);
    sent := sent + 1;
  end loop;
  return sent;
end;
$$;

-- Every change to a user's sessions, roles or account tells all server processes (LISTEN vigil_auth),
-- so that their session caches drop the user's entries at once. Triggers, so no code path can forget.
create function notify_auth_change() returns trigger language plpgsql as $$
declare
  uid uuid;
begin
  if tg_table_name = 'users' then uid := coalesce(new.id, old.id);
  else uid := coalesce(new.user_id, old.user_id);
  end if;
  perform pg_notify('vigil_auth', uid::text);
  return null;
end;
$$;

-- (not on last_seen_at: touching a session changes nothing a cache holds)
create trigger sessions_notify after update of stage, revoked_at, expires_at or delete on sessions for each row execute function notify_auth_change();
create trigger users_notify after update or delete on users for each row execute function notify_auth_change();
create trigger user_roles_notify after insert or update or delete on user_roles for each row execute function notify_auth_change();

-- Durable timers (issue 13): a step due at a set instant (a lone worker's missed check-in, the next
-- rung of its escalation, a referral not acknowledged in time), written in the same transaction as
-- what it belongs to, and fired once, in its own transaction, by whichever writing process claims
-- it first (FOR UPDATE SKIP LOCKED). A fired or cancelled timer is kept: when it fired, by which
-- process and how late it was are the record of the step.
create table timers (
  id uuid primary key default gen_random_uuid(),
  kind text not null check (kind ~ '^[a-z][a-z0-9_.-]{2,80}$'),
  subject_id uuid not null,
  due_at timestamptz not null,
  payload jsonb not null default '{}',
  created_at timestamptz not null default now(),
  -- A handler that failed is tried again from retry_at (back-off), never before its due time.
  attempts integer not null default 0,
  retry_at timestamptz,
  last_error text,
  fired_at timestamptz,
  fired_by text,
  late_ms integer,
  cancelled_at timestamptz,
  cancel_reason text,
  check (fired_at is null or cancelled_at is null)
);
create index timers_pending_idx on timers (coalesce(retry_at, due_at)) where fired_at is null and cancelled_at is null;
create index timers_subject_idx on timers (subject_id, kind) where fired_at is null and cancelled_at is null;

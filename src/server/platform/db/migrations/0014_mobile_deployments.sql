-- Mobile camera deployments as the Surveillance Camera Code of Practice expects (issue 10, point 3):
-- a request with its justification (the problem, incident counts around the point, the proposed
-- duration, alternatives considered, the DPIA), a coordinator's decision with reasons, deployment
-- (date, camera, signage and its photo, review period), reviews, removal. The request is written
-- once; every step after it is an event row, and both are append-only: a decision is never changed,
-- a mistake is corrected by the next step. The deployment's state is its newest event's.

create sequence mobile_deployments_number_seq;

create table mobile_deployments (
  id uuid primary key default gen_random_uuid(),
  reference text not null check (reference ~ '^MD-[0-9]{4}-[0-9]{4,}$'),
  location_text text not null check (length(location_text) between 3 and 200),
  latitude double precision not null check (latitude between -90 and 90),
  longitude double precision not null check (longitude between -180 and 180),
  problem text not null check (length(problem) between 10 and 4000),
  -- The incident counts around the point as they stood when the request was made (radius, period, by category).
  evidence jsonb not null,
  proposed_days integer not null check (proposed_days between 1 and 730),
  alternatives text not null check (length(alternatives) between 3 and 4000),
  dpia_reference text not null check (length(dpia_reference) between 2 and 100),
  requested_by uuid not null references users (id),
  requested_at timestamptz not null
);
create unique index mobile_deployments_reference_idx on mobile_deployments (reference);
create index mobile_deployments_requested_at_idx on mobile_deployments (requested_at desc);

create table mobile_deployment_events (
  id uuid primary key default gen_random_uuid(),
  deployment_id uuid not null references mobile_deployments (id),
  seq integer not null check (seq > 0),
  kind text not null check (kind in ('requested', 'approved', 'refused', 'withdrawn', 'deployed', 'reviewed', 'removed')),
  at timestamptz not null,
  by_user_id uuid not null references users (id),
  -- Reasons for a decision, a withdrawal or a removal; a review's notes.
  reason text check (length(reason) <= 4000),
  -- The London day it happened on the ground: deployed, reviewed, removed.
  on_day date,
  camera_id uuid references cameras (id),
  signage_photo_sha256 text check (signage_photo_sha256 ~ '^[0-9a-f]{64}$'),
  signage_photo_type text check (signage_photo_type in ('image/jpeg', 'image/png')),
  review_period_days integer check (review_period_days between 7 and 365),
  is_necessary boolean,
  is_proportionate boolean,
  -- When the deployment must next be reviewed (a deployment's first, or the one a review set).
  review_due_on date,
  check (kind not in ('approved', 'refused', 'withdrawn', 'removed') or length(reason) >= 3),
  check (kind <> 'deployed' or (camera_id is not null and on_day is not null and signage_photo_sha256 is not null
    and signage_photo_type is not null and review_period_days is not null and review_due_on is not null)),
  check (kind <> 'reviewed' or (on_day is not null and is_necessary is not null and is_proportionate is not null and review_due_on is not null)),
  check (kind <> 'removed' or on_day is not null),
  check (review_due_on is null or on_day is null or review_due_on > on_day)
);
create unique index mobile_deployment_events_seq_idx on mobile_deployment_events (deployment_id, seq);
create index mobile_deployment_events_camera_id_idx on mobile_deployment_events (camera_id) where camera_id is not null;

do $$
declare t text;
begin
  foreach t in array array['mobile_deployments', 'mobile_deployment_events'] loop
    execute format('create trigger %I before update or delete on %I for each row execute function refuse_change()', t || '_append_only', t);
    execute format('create trigger %I before truncate on %I for each statement execute function refuse_change()', t || '_no_truncate', t);
  end loop;
end;
$$;

-- Reminders of overdue reviews, one per deployment and due date: the row is claimed (inserted, on
-- conflict nothing) before the mail is sent, so a review is mailed once however often the job runs;
-- a failed send is tried again at next_attempt_at, further apart each time.
create table deployment_review_reminders (
  deployment_id uuid not null references mobile_deployments (id),
  due_on date not null,
  created_at timestamptz not null,
  attempts integer not null default 0,
  next_attempt_at timestamptz not null,
  last_error text,
  recipients text[] not null default '{}',
  sent_at timestamptz,
  primary key (deployment_id, due_on)
);
create index deployment_review_reminders_unsent_idx on deployment_review_reminders (next_attempt_at) where sent_at is null;

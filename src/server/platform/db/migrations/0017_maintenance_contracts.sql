-- The maintenance contract (issue 11), first part: contracts with their working hours and closure
-- days, SLA terms per priority dated so that a change applies to faults raised after it, and the
-- fault grown from the daily checks' record into the contract's workflow (who raised it, its
-- priority and contract, where it stands, and an append-only history of every step, clock stops
-- included). Parts, lines, budget and invoices follow in migrations of their own.

-- 1. Contracts: the contractor's organisation, the working-hours clock's days and hours (London
-- wall clock; ISO weekdays, Monday 1), the monthly charge and the service-credit rule (jsonb in the
-- shape of src/domain/maintenance ServiceCreditRule, or null where the contract has none).
create table maintenance_contracts (
  id uuid primary key default gen_random_uuid(),
  reference text not null unique check (reference ~ '^[A-Z0-9][A-Z0-9/-]{1,30}$'),
  name text not null check (length(name) between 3 and 200),
  contractor_organisation_id uuid not null references organisations (id),
  starts_on date not null,
  ends_on date check (ends_on is null or ends_on > starts_on),
  working_days smallint[] not null default '{1,2,3,4,5}' check (cardinality(working_days) between 1 and 7 and working_days <@ '{1,2,3,4,5,6,7}'::smallint[]),
  opens_at time not null default '08:00',
  closes_at time not null default '17:00',
  monthly_charge_pence bigint not null default 0 check (monthly_charge_pence >= 0),
  service_credits jsonb,
  created_at timestamptz not null default now(),
  created_by uuid references users (id),
  check (closes_at > opens_at)
);
create index maintenance_contracts_contractor_idx on maintenance_contracts (contractor_organisation_id);

-- Days the working-hours clock does not run besides weekends and England & Wales bank holidays
-- (the council's closure days between Christmas and New Year, say).
create table maintenance_closure_days (
  contract_id uuid not null references maintenance_contracts (id),
  day date not null,
  reason text not null check (length(reason) between 3 and 200),
  primary key (contract_id, day)
);

-- 2. SLA terms: per contract and priority, the clock they run on and the response and fix times in
-- that clock's minutes. Never changed: a new term with a later effective_from applies to faults
-- raised from then on; the term for a fault is the latest in force when it was raised.
create table maintenance_sla_terms (
  id uuid primary key default gen_random_uuid(),
  contract_id uuid not null references maintenance_contracts (id),
  priority text not null check (priority in ('P1', 'P2', 'P3', 'P4')),
  clock text not null check (clock in ('round_the_clock', 'working_hours')),
  response_minutes integer not null check (response_minutes between 1 and 525600),
  fix_minutes integer not null check (fix_minutes between 1 and 525600),
  effective_from timestamptz not null,
  set_by uuid references users (id),
  set_at timestamptz not null default now(),
  reason text not null check (length(reason) between 3 and 500),
  check (fix_minutes >= response_minutes),
  unique (contract_id, priority, effective_from)
);
create trigger maintenance_sla_terms_append_only before update or delete on maintenance_sla_terms
  for each row execute function refuse_change();
create trigger maintenance_sla_terms_no_truncate before truncate on maintenance_sla_terms
  for each statement execute function refuse_change();

-- 3. Faults: raised from a daily check (as before), by an operator, an out-of-hours officer or the
-- contractor; a fault not from a check may concern no check item. `state` stays open or closed
-- (the daily checks' one open fault per target and item holds); `stage` says where an open fault
-- stands in the contract's workflow. Priority and contract are set when it is raised or triaged.
alter table faults
  alter column check_result_id drop not null,
  alter column item drop not null,
  add column source text not null default 'check' check (source in ('check', 'operator', 'ooh', 'contractor')),
  add column contract_id uuid references maintenance_contracts (id),
  add column priority text check (priority in ('P1', 'P2', 'P3', 'P4')),
  add column stage text not null default 'reported' check (stage in ('reported', 'attended', 'awaiting_parts', 'fixed', 'accepted')),
  add column updated_at timestamptz not null default now(),
  add constraint faults_check_source check ((source = 'check') = (check_result_id is not null));
update faults set stage = 'accepted' where state = 'closed';
alter table faults add constraint faults_closed_accepted check ((state = 'closed') = (stage = 'accepted'));
create index faults_contract_idx on faults (contract_id, raised_at desc) where contract_id is not null;
create index faults_open_stage_idx on faults (stage) where state = 'open';

-- 4. Every step of a fault, in order, never changed: a correction is a later step. Clock stops
-- (awaiting council access, awaiting an ordered part) each have a reason; a restart closes the
-- open stop. Photos are objects in the store, by SHA-256.
create table fault_events (
  fault_id uuid not null references faults (id),
  seq integer not null check (seq > 0),
  kind text not null check (kind in (
    'raised', 'prioritised', 'attended', 'diagnosed', 'part_used', 'awaiting_parts', 'clock_stopped', 'clock_restarted',
    'fixed', 'accepted', 'reopened', 'note', 'photo')),
  at timestamptz not null,
  recorded_at timestamptz not null default now(),
  by_user_id uuid references users (id),
  priority text check (priority in ('P1', 'P2', 'P3', 'P4')),
  stop_reason text check (stop_reason in ('awaiting_council_access', 'awaiting_part')),
  note text check (length(note) <= 4000),
  photo_sha256 text check (photo_sha256 ~ '^[0-9a-f]{64}$'),
  details jsonb,
  primary key (fault_id, seq),
  check (kind <> 'prioritised' or priority is not null),
  check (kind <> 'clock_stopped' or (stop_reason is not null and length(btrim(coalesce(note, ''))) >= 3)),
  check (kind not in ('reopened', 'diagnosed', 'note') or length(btrim(coalesce(note, ''))) >= 3),
  check (kind <> 'photo' or photo_sha256 is not null)
);
create index fault_events_at_idx on fault_events (at);
create trigger fault_events_append_only before update or delete on fault_events
  for each row execute function refuse_change();
create trigger fault_events_no_truncate before truncate on fault_events
  for each statement execute function refuse_change();

-- Every fault so far (all from daily checks) starts its history with the raising it already records.
insert into fault_events (fault_id, seq, kind, at, by_user_id, note)
select id, 1, 'raised', raised_at, raised_by, description from faults;
insert into fault_events (fault_id, seq, kind, at, by_user_id, note)
select id, 2, 'accepted', closed_at, null, 'closed before the maintenance workflow' from faults where state = 'closed';

-- 5. SLA notices sent: the 75% warning and the breach, once each per fault and clock.
create table fault_sla_notices (
  fault_id uuid not null references faults (id),
  clock text not null check (clock in ('response', 'fix')),
  kind text not null check (kind in ('warning', 'breach')),
  due_at timestamptz not null,
  sent_at timestamptz not null,
  primary key (fault_id, clock, kind, due_at)
);
